package eatbot.eat;

import java.util.List;
import java.util.Set;

/**
 * Who asks for a suggestion, for whom, and what to leave out.
 *
 * @param members  the people eating: the requester first; one member for a personal suggestion
 * @param excluded option ids not to propose this time (e.g. the pick being re-rolled)
 */
public record SuggestRequest(String guildId, String requestedBy, List<String> members, Set<Long> excluded) {
    public SuggestRequest {
        members = List.copyOf(new java.util.LinkedHashSet<>(members));
        excluded = Set.copyOf(excluded);
        if (members.isEmpty()) throw new IllegalArgumentException("a suggestion needs at least one member");
    }

    public static SuggestRequest forUser(String guildId, String userId) {
        return new SuggestRequest(guildId, userId, List.of(userId), Set.of());
    }

    public SuggestRequest excluding(long optionId) {
        Set<Long> more = new java.util.HashSet<>(excluded);
        more.add(optionId);
        return new SuggestRequest(guildId, requestedBy, members, more);
    }
}
