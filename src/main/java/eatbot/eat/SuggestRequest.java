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
    /** The most people one suggestion is for, the asker included (both front ends). */
    public static final int MAX_GROUP = 10;

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

    /** Refuses more than {@link #MAX_GROUP} different people, in the words both front ends use. */
    public static void limitGroup(List<String> members) {
        if (new java.util.LinkedHashSet<>(members).size() > MAX_GROUP) {
            throw EatException.of("refusal.group.too-big", MAX_GROUP, MAX_GROUP - 1);
        }
    }

    /**
     * "Another one": asked by {@code presser} after {@code previous}, for the same people
     * (if the presser is one of them; else the presser alone), with the same filters and
     * meal time, without the previous pick. No dislike is counted.
     */
    public static SuggestRequest anotherOne(Suggestion previous, String presser, Filters filters, MealTime at) {
        List<String> members = new java.util.ArrayList<>();
        members.add(presser);
        if (previous.members().contains(presser)) {
            previous.members().stream().filter(m -> !PersonalData.FORGOTTEN_USER.equals(m)).forEach(members::add);
        }
        return new SuggestRequest(previous.guildId(), presser, members, Set.of(), filters, at, null).excluding(previous.option().id());
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
