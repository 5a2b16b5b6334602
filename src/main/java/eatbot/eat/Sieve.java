package eatbot.eat;

import java.util.List;
import java.util.function.Predicate;

/**
 * The places still in the running for one request, narrowed step by step.
 * A hard step that would leave nothing stops the request with a message that
 * names it, so people learn which of their wishes emptied the list; a soft
 * step (a preference such as the cooldown) is skipped instead.
 */
public final class Sieve {
    private List<Option> left;
    private boolean relaxed;

    public Sieve(List<Option> places) {
        this.left = List.copyOf(places);
    }

    /** Keeps the places that pass; refuses the request if none does. */
    public Sieve keep(String step, Predicate<Option> passes) {
        List<Option> next = left.stream().filter(passes).toList();
        if (next.isEmpty()) {
            throw new EatException("Nothing is left after " + step + ": it rules out "
                    + (left.size() == 1 ? "the one place" : "all " + left.size() + " places") + " still in the running.");
        }
        left = next;
        return this;
    }

    /** Keeps the places that pass, unless none does: then this step is waived. */
    public Sieve prefer(Predicate<Option> passes) {
        List<Option> next = left.stream().filter(passes).toList();
        if (next.isEmpty()) relaxed = true;
        else left = next;
        return this;
    }

    public List<Option> left() {
        return left;
    }

    /** True when a soft step had to be waived because nothing else was left. */
    public boolean relaxed() {
        return relaxed;
    }
}
