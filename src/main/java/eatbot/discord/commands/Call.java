package eatbot.discord.commands;

/**
 * One slash command or button press as a handler sees it: plain ids and the
 * options as typed. The JDA event behind it stays in the router, so handlers
 * can be tested without Discord.
 */
public interface Call {
    /** The guild's snowflake id. */
    String guildId();

    /** The caller's snowflake id. */
    String userId();

    /** The Discord interaction's id (the same in a duplicated delivery), or null where there is none. */
    default String interactionId() {
        return null;
    }

    /**
     * The subcommand ({@code add} of {@code /place add}); for a subcommand in a
     * group, the group and the subcommand ({@code veto add} of {@code /eat-admin veto add}); or null.
     */
    String subcommand();

    /** An option's value as text, or null when not given. */
    String option(String name);

    /** Whether the caller has the permission eatbot's admin commands need (see {@link Permissions}). */
    boolean canManageServer();

    boolean hasRole(String roleId);

    /** How the caller is shown on this server (their nickname or name), for pictures; never used as an id. */
    default String displayName() {
        return userId();
    }

    /** How another member is shown on this server, from what the client has cached (no request); their id when not known. */
    default String nameOf(String userId) {
        return userId.equals(userId()) ? displayName() : userId;
    }

    /**
     * The people a text option mentions, by id, as Discord resolved them with
     * the interaction; a mention Discord did not resolve is missing.
     */
    default java.util.Map<String, Person> people(String option) {
        return java.util.Map.of();
    }

    /** The file given for an attachment option, or null when none was given. */
    default Upload upload(String name) {
        return null;
    }

    /** The reader's language (Discord's user locale): eatbot's words are chosen by it. */
    default java.util.Locale locale() {
        return java.util.Locale.ENGLISH;
    }

    /** Whether 👍/👎 can work in the channel of the call, by eatbot's permissions there; {@link ReactionAccess#FINE} when not known. */
    default ReactionAccess reactionAccess() {
        return ReactionAccess.FINE;
    }
}
