package eatbot.eat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The places still in the running for one request, narrowed step by step.
 * A hard step that would leave nothing stops the request with a message that
 * names it, so people learn which of their wishes emptied the list; a soft
 * step (a preference such as the cooldown) is skipped instead. Each place a
 * step took out is remembered with the step's name, so a reply can say why a
 * better place was not picked.
 */
public final class Sieve {
    private List<Option> left;
    private boolean relaxed;
    private final Map<Option, String> removed = new LinkedHashMap<>();

    public Sieve(List<Option> places) {
        this.left = List.copyOf(places);
    }

    /** Keeps the places that pass; refuses the request if none does. */
    public Sieve keep(String step, Predicate<Option> passes) {
        List<Option> next = new ArrayList<>();
        List<Option> out = new ArrayList<>();
        for (Option o : left) (passes.test(o) ? next : out).add(o);
        if (next.isEmpty()) {
            throw EatException.of(left.size() == 1 ? "refusal.nothing-left.one" : "refusal.nothing-left.all", PickText.stepPhrase(step), left.size());
        }
        take(step, next, out);
        return this;
    }

    /** Keeps the places that pass, unless none does: then this step is waived. */
    public Sieve prefer(String step, Predicate<Option> passes) {
        List<Option> next = new ArrayList<>();
        List<Option> out = new ArrayList<>();
        for (Option o : left) (passes.test(o) ? next : out).add(o);
        if (next.isEmpty()) relaxed = true;
        else take(step, next, out);
        return this;
    }

    private void take(String step, List<Option> next, List<Option> out) {
        for (Option o : out) removed.put(o, step);
        left = List.copyOf(next);
    }

    public List<Option> left() {
        return left;
    }

    /** The places the steps took out, each with the name of the step that did, in order. */
    public Map<Option, String> removed() {
        return Collections.unmodifiableMap(removed);
    }

    /** True when a soft step had to be waived because nothing else was left. */
    public boolean relaxed() {
        return relaxed;
    }
}
