package eatbot.eat;

import java.util.List;
import java.util.Set;

/**
 * Who asks for a suggestion, for whom, and what to leave out.
 *
 * @param members  the people eating: the requester first; one member for a personal suggestion
 * @param excluded option ids not to propose this time (e.g. the pick being re-rolled)
 * @param filters  this request's not:/max-price:/only: filters
 * @param at       when they mean to eat (for opening hours), or null for now
 * @param interactionId the Discord interaction asking, so a duplicated delivery makes no second
 *                      suggestion; null where there is none (the console)
 */
public record SuggestRequest(String guildId, String requestedBy, List<String> members, Set<Long> excluded,
                             Filters filters, MealTime at, String interactionId) {
    public SuggestRequest {
        members = List.copyOf(new java.util.LinkedHashSet<>(members));
        excluded = Set.copyOf(excluded);
        if (filters == null) filters = Filters.NONE;
        if (members.isEmpty()) throw new IllegalArgumentException("a suggestion needs at least one member");
    }

    public SuggestRequest(String guildId, String requestedBy, List<String> members, Set<Long> excluded) {
        this(guildId, requestedBy, members, excluded, Filters.NONE, null);
    }

    public SuggestRequest(String guildId, String requestedBy, List<String> members, Set<Long> excluded,
                          Filters filters, MealTime at) {
        this(guildId, requestedBy, members, excluded, filters, at, null);
    }

    /** This request as asked by that interaction (see {@link #interactionId}). */
    public SuggestRequest fromInteraction(String id) {
        return new SuggestRequest(guildId, requestedBy, members, excluded, filters, at, id);
    }

    public static SuggestRequest forUser(String guildId, String userId) {
        return new SuggestRequest(guildId, userId, List.of(userId), Set.of());
    }

    public SuggestRequest excluding(long optionId) {
        Set<Long> more = new java.util.HashSet<>(excluded);
        more.add(optionId);
        return new SuggestRequest(guildId, requestedBy, members, more, filters, at, interactionId);
    }

    /** This request with the filters typed after not:, max-price: and only: (any may be null). */
    public SuggestRequest filtered(String not, String maxPrice, String only) {
        return withFilters(Filters.parse(not, maxPrice, only));
    }

    public SuggestRequest withFilters(Filters f) {
        return new SuggestRequest(guildId, requestedBy, members, excluded, f, at, interactionId);
    }

    /** This request for the time typed after at: ("19:00", "fri 19:00"; null or blank = now). */
    public SuggestRequest at(String when) {
        return new SuggestRequest(guildId, requestedBy, members, excluded, filters, MealTime.parse(when), interactionId);
    }
}
