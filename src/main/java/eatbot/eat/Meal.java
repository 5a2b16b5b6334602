package eatbot.eat;

import java.time.Instant;
import java.util.List;

/**
 * A decided suggestion: the people of {@code suggestionId} are going to
 * {@code place}; decided by {@code decidedBy} at {@code at}. A meal undone
 * since (the button pressed again) keeps its row with {@code undoneAt} set;
 * only standing meals make a place rest.
 */
public record Meal(long id, String guildId, long suggestionId, Option place, List<String> members,
                   String decidedBy, Instant at, Instant undoneAt) {
    public Meal {
        members = List.copyOf(members);
    }

    public boolean standing() {
        return undoneAt == null;
    }
}
