package eatbot.plan;

import java.util.Set;

/** A place the plan may choose: its id and its cuisine tags (every tag but a price). */
public record PlanPlace(long id, Set<String> cuisine) {
    public PlanPlace {
        cuisine = Set.copyOf(cuisine);
    }
}
