package eatbot.commands;

/** Where an option's suggestions come from while it is typed. */
public enum Completion {
    NONE,
    /** The server's place names. */
    PLACES,
    /** Time zone ids. */
    TIME_ZONES
}
