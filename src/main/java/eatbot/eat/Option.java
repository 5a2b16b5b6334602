package eatbot.eat;

import java.time.Instant;
import java.util.List;

/**
 * A place to eat, in one guild. Archived options are kept (feedback points at
 * them) but never suggested. {@code link} and {@code hours} may be null.
 */
public record Option(long id, String guildId, String name, List<String> tags, String link, String hours,
                     String addedBy, boolean archived, Instant createdAt) {
    public Option {
        tags = List.copyOf(tags);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
