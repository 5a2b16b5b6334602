package eatbot.discord.commands;

import eatbot.i18n.Messages;
import net.dv8tion.jda.api.Permission;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether 👍/👎 on a suggestion posted in the caller's channel can work, from
 * eatbot's own permissions there. A server can deny eatbot a channel with an
 * overwrite while its members still run /eat there: the reply needs no
 * permission, but the learning does. Discord sends reaction events only for
 * channels eatbot can see (View Channel); adding eatbot's own 👍/👎 needs Read
 * Message History, and Add Reactions because they are the first on the message.
 */
public record ReactionAccess(Set<Permission> missing) {
    /** What learning from 👍/👎 needs in a channel. */
    public static final Set<Permission> NEEDED = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_HISTORY);
    /** Keys of the names a channel's permission settings in Discord show (JDA's names differ: "View Channels", "Read History"). */
    private static final Map<Permission, String> NAMES = Map.of(Permission.VIEW_CHANNEL, "permission.view-channel",
            Permission.MESSAGE_ADD_REACTION, "permission.add-reactions", Permission.MESSAGE_HISTORY, "permission.read-message-history");
    /** All there, or not known (a channel eatbot has not cached): nothing to say. */
    public static final ReactionAccess FINE = new ReactionAccess(Set.of());

    public ReactionAccess {
        missing = missing.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(missing));
    }

    /**
     * From what eatbot holds in the channel. Without View Channel Discord
     * ignores every other permission there, so those are judged by what the
     * overwrites say ({@code explicit}) and named too: one reply lists all to grant.
     */
    public static ReactionAccess of(Set<Permission> effective, Set<Permission> explicit) {
        EnumSet<Permission> missing = EnumSet.noneOf(Permission.class);
        for (Permission p : NEEDED) {
            if (!effective.contains(p)) missing.add(p);
        }
        if (missing.contains(Permission.VIEW_CHANNEL)) {
            for (Permission p : NEEDED) {
                if (p != Permission.VIEW_CHANNEL && explicit.contains(p)) missing.remove(p);
            }
        }
        return missing.isEmpty() ? FINE : new ReactionAccess(missing);
    }

    /** One short line for the suggestion, or null when 👍/👎 work here. */
    public String warning() {
        return warning(Messages.ENGLISH);
    }

    /** {@link #warning()} in the reader's words, the permissions named as their Discord client names them. */
    public String warning(Messages words) {
        if (missing.isEmpty()) return null;
        String grant = names(words);
        if (missing.contains(Permission.VIEW_CHANNEL)) return words.text("access.cannot-see", grant);
        // eatbot still hears the 👍/👎 people add themselves; it only cannot put its own there to click
        return words.text("access.cannot-add", grant);
    }

    /** "View Channel", "View Channel and Add Reactions", "View Channel, Add Reactions and Read Message History". */
    private String names(Messages words) {
        var names = NEEDED.stream().filter(missing::contains).map(p -> words.text(NAMES.get(p))).toList();
        if (names.size() == 1) return names.get(0);
        return words.text("pick.list", String.join(words.text("pick.list.separator"), names.subList(0, names.size() - 1)), names.get(names.size() - 1));
    }
}
