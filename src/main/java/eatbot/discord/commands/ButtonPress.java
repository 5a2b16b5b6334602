package eatbot.discord.commands;

import java.util.function.BiFunction;

/**
 * What one kind of button does, found by its custom id's prefix. Like a
 * command: {@link #refuse} is cheap and runs before acknowledging; {@link #run}
 * runs off the gateway thread and gets the whole custom id.
 */
public record ButtonPress(String prefix, Answer answer, BiFunction<Call, String, String> refuse, BiFunction<Call, String, Reply> run) {
    /** How the press is answered. */
    public enum Answer {
        /** A new message everyone sees (another suggestion). */
        PUBLIC,
        /** A new message only the presser sees. */
        PRIVATE,
        /** The message with the button is replaced (a confirmation, answered). */
        UPDATE
    }

    public String refuse(Call call, String customId) {
        return refuse.apply(call, customId);
    }

    public Reply run(Call call, String customId) {
        return run.apply(call, customId);
    }
}
