package eatbot.commands;

import eatbot.i18n.Messages;

import java.util.List;
import java.util.Locale;

/** The refusals every command shares, in one wording for both front ends. */
public final class Refusals {
    private Refusals() {}

    /** For a non-manager at a Manage Server command or subcommand, or null when {@code canManage}. */
    public static String audience(CommandDef def, String path, boolean canManage, Locale locale) {
        return def.audience(path) == Audience.MANAGE_SERVER && !canManage ? Messages.of(locale).text("refusal.adminOnly") : null;
    }

    /** "Use /place add, list, … or import.": a subcommand is missing or not one of the command's. */
    public static String use(CommandDef def, Locale locale) {
        return use(def.console().startsWith("/") ? "/" + def.name() : def.name(), def.firstWords(), locale);
    }

    /** "Use /eat-admin veto add, remove or list." */
    public static String useGroup(CommandDef def, String group, Locale locale) {
        return use("/" + def.name() + " " + group, def.inGroup(group).stream().map(SubcommandDef::name).toList(), locale);
    }

    private static String use(String command, List<String> words, Locale locale) {
        return Messages.of(locale).text("refusal.use", command + " " + Parse.either(words, locale));
    }

    /** "Missing name:. Usage: /place add name:<text> …" */
    public static String missing(OptionDef option, String usage, Locale locale) {
        return Messages.of(locale).text("refusal.missing", option.name(), usage);
    }
}
