package eatbot.commands;

/** Who may run a command or subcommand: structural, read in one place ({@link CommandDef#audience}). */
public enum Audience {
    EVERYONE,
    /** Members with Manage Server (on Discord; console users all may, having no roles or permissions). */
    MANAGE_SERVER
}
