package eatbot.eat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A place someone picked (👍 on a suggestion of it) in the last N days rests
 * for them: it is not suggested again to a group that includes them unless
 * nothing else is left.
 */
public final class Cooldown {
    private final int days;

    public Cooldown(int days) {
        this.days = days;
    }

    /** The moment before which a 👍 no longer keeps a place resting. */
    public Instant since(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    public boolean off() {
        return days == 0;
    }

    /** Ids of the places resting for these members, given the guild's 👍 since {@link #since}. */
    public Set<Long> resting(List<Feedback> recentLikes, List<String> members, Instant now) {
        Set<Long> out = new HashSet<>();
        if (off()) return out;
        Instant from = since(now);
        for (Feedback f : recentLikes) {
            if (f.active() && f.reaction() == Reaction.LIKE && f.createdAt().isAfter(from) && members.contains(f.userId())) {
                out.add(f.optionId());
            }
        }
        return out;
    }

    public void applyTo(Sieve sieve, Set<Long> resting) {
        if (!resting.isEmpty()) sieve.prefer(o -> !resting.contains(o.id()));
    }
}
