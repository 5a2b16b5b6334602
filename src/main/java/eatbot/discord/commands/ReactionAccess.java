package eatbot.discord.commands;

import net.dv8tion.jda.api.Permission;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
    /** As a channel's permission settings in Discord name them (JDA's names differ: "View Channels", "Read History"). */
    private static final Map<Permission, String> NAMES = Map.of(Permission.VIEW_CHANNEL, "View Channel",
            Permission.MESSAGE_ADD_REACTION, "Add Reactions", Permission.MESSAGE_HISTORY, "Read Message History");
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
        if (missing.isEmpty()) return null;
        String grant = names();
        if (missing.contains(Permission.VIEW_CHANNEL)) {
            return "⚠️ 👍/👎 here will not be learned: eatbot cannot see this channel. Grant eatbot " + grant + " in this channel.";
        }
        // eatbot still hears the 👍/👎 people add themselves; it only cannot put its own there to click
        return "⚠️ eatbot cannot add 👍/👎 here; ones you add still count. Grant eatbot " + grant + " in this channel.";
    }

    /** "View Channel", "View Channel and Add Reactions", "View Channel, Add Reactions and Read Message History". */
    private String names() {
        var names = NEEDED.stream().filter(missing::contains).map(NAMES::get).toList();
        if (names.size() == 1) return names.get(0);
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + names.get(names.size() - 1);
    }
}
