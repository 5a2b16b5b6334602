package eatbot.plan;

import java.util.Set;

/**
 * A meal the group really had before the plan starts, as plain data: how many
 * days before the plan's first day (1 = the day before), the place and its
 * cuisine tags. The place may be one the plan can no longer choose (vetoed,
 * removed); its cuisine still counts for variety.
 */
public record PastMeal(int daysBefore, long placeId, Set<String> cuisine) {
    public PastMeal {
        if (daysBefore < 1) throw new IllegalArgumentException("a past meal is at least one day before the plan");
        cuisine = Set.copyOf(cuisine);
    }
}
