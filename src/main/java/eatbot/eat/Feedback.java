package eatbot.eat;

import java.time.Instant;

/**
 * One entry of the append-only feedback log: a person's 👍/👎 on a suggestion.
 * {@code step} numbers that person's feedback in the guild (for discounting);
 * {@code retractedAt} is set when the reaction is removed.
 */
public record Feedback(long id, String guildId, long suggestionId, String userId, long optionId,
                       Reaction reaction, long step, Instant createdAt, Instant retractedAt) {
    public boolean active() {
        return retractedAt == null;
    }
}
