package eatbot.bandit;

import java.util.List;
import java.util.Locale;

/** Builds a policy from its settings name. */
public final class Policies {
    public static final List<String> NAMES = List.of(ThompsonSampling.NAME, Ucb1.NAME, EpsilonGreedy.NAME);

    private Policies() {}

    /** Normalises a user-typed policy name, or throws naming the valid ones. */
    public static String canonicalName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("ts") || n.equals("thompson-sampling")) n = ThompsonSampling.NAME;
        if (n.equals("ucb")) n = Ucb1.NAME;
        if (n.equals("epsilon") || n.equals("egreedy") || n.equals("e-greedy") || n.equals("ε-greedy")) n = EpsilonGreedy.NAME;
        if (!NAMES.contains(n)) {
            throw new IllegalArgumentException("unknown policy '" + name + "' (choose " + String.join(", ", NAMES) + ")");
        }
        return n;
    }

    public static Policy of(String name, double epsilon, double c) {
        return switch (canonicalName(name)) {
            case ThompsonSampling.NAME -> new ThompsonSampling();
            case Ucb1.NAME -> new Ucb1(c);
            default -> new EpsilonGreedy(epsilon);
        };
    }
}
