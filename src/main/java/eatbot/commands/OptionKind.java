package eatbot.commands;

/** What an option holds; each front end types it its own way (a Discord option type, a console hint). */
public enum OptionKind {
    TEXT,
    /** A whole number, read by {@link Parse#whole}. */
    WHOLE,
    /** A number, read by {@link Parse#number}. */
    NUMBER,
    /** A server role (Discord only: console users have none). */
    ROLE,
    /** A file: an attachment on Discord, a path in the console. */
    FILE
}
