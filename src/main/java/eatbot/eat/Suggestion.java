package eatbot.eat;

import java.time.Instant;
import java.util.List;

/**
 * A place eatbot proposed to one person or a group. {@code explored} is true when
 * the pick was not the one with the best known taste (the policy tried something
 * less certain). Channel and message are set once the front end has posted it.
 * {@code pick} says what the reply should say about it: set on the suggestion
 * {@link EatService#suggest} returns, null on one read back from storage.
 */
public record Suggestion(long id, String guildId, String requestedBy, List<String> members, Option option,
                         String policy, boolean explored, Instant createdAt, String channelId, String messageId, Pick pick) {
    public Suggestion {
        members = List.copyOf(members);
    }

    public Suggestion(long id, String guildId, String requestedBy, List<String> members, Option option,
                      String policy, boolean explored, Instant createdAt, String channelId, String messageId) {
        this(id, guildId, requestedBy, members, option, policy, explored, createdAt, channelId, messageId, null);
    }

    public Suggestion withPick(Pick p) {
        return new Suggestion(id, guildId, requestedBy, members, option, policy, explored, createdAt, channelId, messageId, p);
    }

    public boolean isGroup() {
        return members.size() > 1;
    }
}
