package eatbot.eat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a meal (a decided suggestion) its place rests for the people who went,
 * for N days: it is not suggested to a group that includes any of them unless
 * nothing else is left. A 👍 alone is taste and never makes a place rest.
 */
public final class Cooldown {
    /** The step name a resting place is left out by (see {@link Sieve#removed}). */
    public static final String STEP = "resting";
    private final int days;

    public Cooldown(int days) {
        this.days = days;
    }

    /** The moment before which a meal no longer keeps its place resting. */
    public Instant since(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    public boolean off() {
        return days == 0;
    }

    /** When the meal's place stops resting for its people. */
    public Instant until(Meal m) {
        return m.at().plus(Duration.ofDays(days));
    }

    /** Place id → the latest standing meal that keeps it resting for any of these members now. */
    public Map<Long, Meal> resting(List<Meal> meals, Collection<String> members, Instant now) {
        Map<Long, Meal> out = new LinkedHashMap<>();
        if (off()) return out;
        for (Meal m : meals) {
            if (!m.standing() || !until(m).isAfter(now) || m.members().stream().noneMatch(members::contains)) continue;
            out.merge(m.place().id(), m, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        return out;
    }

    public void applyTo(Sieve sieve, Map<Long, Meal> resting) {
        if (!resting.isEmpty()) sieve.prefer(STEP, o -> !resting.containsKey(o.id()));
    }
}
