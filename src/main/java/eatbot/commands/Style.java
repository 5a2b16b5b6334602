package eatbot.commands;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How a front end shows the pieces of an answer: Discord escapes what people typed,
 * makes names bold, mentions people and lets each reader's client show a time in
 * their own zone; the console prints them plainly. Handlers build their text from
 * these, so one handler serves both.
 */
public interface Style {
    /** Something people typed (a place, a tag), made harmless to show. */
    String name(String typed);

    /** Text to stand out (already shown by {@link #name}). */
    String strong(String shown);

    /** A person by id. */
    String person(String userId);

    /** A moment, for a reader in the server's {@code zone} (asked only when needed: Discord shows it in each reader's own zone). */
    String time(Instant t, java.util.function.Supplier<ZoneId> zone);

    /** How to call a command here: {@code /eat-why} on Discord, {@code /eat why} in the console. */
    String command(CommandDef def);

    /** A web address (on Discord without its preview). */
    String link(String url);

    /** A server role, by id. */
    String role(String roleId);

    /** A command or option as the reader would type it. */
    String code(String typed);
}
