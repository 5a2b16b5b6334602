package eatbot.commands;

import java.util.Locale;

/**
 * One command as a handler sees it, from either front end: who asks, in which server,
 * the options (read through their definitions), the reader's language and how the
 * front end shows things.
 *
 * @param userName  how the caller is shown (a nickname on Discord), for pictures; never an id
 * @param canManage whether the caller has Manage Server (console users all have)
 */
public record Invocation(String guild, String user, String userName, Args options, Locale locale, Style style, boolean canManage) {}
