package eatbot.commands;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One command as a handler sees it, from either front end: who asks, in which server,
 * the options (read through their definitions), the reader's language and how the
 * front end shows things.
 *
 * @param userName  how the caller is shown (a nickname on Discord), for pictures; never an id
 * @param canManage whether the caller has Manage Server (console users all have)
 * @param hasRole     whether the caller has a role, by id (console users have none)
 * @param names       how a person is shown in a picture, by id (plain text, never a mention)
 * @param interaction Discord's interaction id (the same in a duplicated delivery), or null
 */
public record Invocation(String guild, String user, String userName, Args options, Locale locale, Style style, boolean canManage,
                         Predicate<String> hasRole, Files files, People people, String interaction, Function<String, String> names) {
    /** The people a text option names, as the front end knows them: @mentions on Discord, names in the console. */
    @FunctionalInterface
    public interface People {
        /** Their ids, the caller not added; what names no one is refused (one line). */
        List<String> in(String option);
    }

    /** A file given for a file option: a Discord attachment, a path in the console. */
    @FunctionalInterface
    public interface Files {
        /**
         * The file's bytes, refused (one line, nothing changed) when none was given, it cannot be
         * read, or it has more than {@code maxBytes}; a big attachment is refused before it is downloaded.
         */
        byte[] read(String option, int maxBytes);
    }

    /** The same invocation with other options (a button has none of its own). */
    public Invocation with(Args other) {
        return new Invocation(guild, user, userName, other, locale, style, canManage, hasRole, files, people, interaction, names);
    }
}
