package eatbot.eat;

import java.time.Instant;
import java.util.List;

/**
 * A place eatbot proposed to one person or a group. {@code explored} is true when
 * the pick was not the one with the best known taste (the policy tried something
 * less certain). Channel and message are set once the front end has posted it.
 */
public record Suggestion(long id, String guildId, String requestedBy, List<String> members, Option option,
                         String policy, boolean explored, Instant createdAt, String channelId, String messageId) {
    public Suggestion {
        members = List.copyOf(members);
    }

    public boolean isGroup() {
        return members.size() > 1;
    }
}
