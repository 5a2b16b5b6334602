package eatbot.discord.commands;

/**
 * Someone an option mentions, as Discord resolved the mention: their id, how
 * the server shows them (for refusals), and whether the account is a bot.
 */
public record Person(String id, String name, boolean bot) {}
