package eatbot.eat;

import eatbot.bandit.EpsilonGreedy;
import eatbot.bandit.Policy;
import eatbot.bandit.ThompsonSampling;
import eatbot.bandit.Ucb1;

import java.util.List;
import java.util.Locale;

/**
 * How a guild's suggestions pick a place: one of three, each carrying only the number it uses
 * (ε for ε-greedy, c for UCB1, nothing for Thompson sampling).
 */
public sealed interface SuggestionPolicy {
    double DEFAULT_EPSILON = 0.1;
    double DEFAULT_C = 1.0;
    /** The names admins type and the store keeps, in the order they are offered. */
    List<String> NAMES = List.of(ThompsonSampling.NAME, Ucb1.NAME, EpsilonGreedy.NAME);

    /** thompson, ucb1 or epsilon-greedy. */
    String name();

    /** The algorithm that picks. */
    Policy toPolicy();

    /** Thompson sampling: each place's chance is drawn from its posterior. */
    record Thompson() implements SuggestionPolicy {
        public String name() { return ThompsonSampling.NAME; }
        public Policy toPolicy() { return new ThompsonSampling(); }
    }

    /** UCB1 with confidence factor c in (0, 100]. */
    record Ucb(double c) implements SuggestionPolicy {
        public Ucb {
            Settings.C.range().check("c", c);
        }
        public String name() { return Ucb1.NAME; }
        public Policy toPolicy() { return new Ucb1(c); }
    }

    /** ε-greedy: a random place with probability ε in [0, 1], else the best known. */
    record Greedy(double epsilon) implements SuggestionPolicy {
        public Greedy {
            Settings.EPSILON.range().check("epsilon", epsilon);
        }
        public String name() { return EpsilonGreedy.NAME; }
        public Policy toPolicy() { return new EpsilonGreedy(epsilon); }
    }

    /**
     * The policy named exactly (any case, spaces around ignored) with its number, or the refusal
     * naming the three: no nicknames, so a typo is never taken for another policy.
     */
    static SuggestionPolicy named(String name, double epsilon, double c) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case ThompsonSampling.NAME -> new Thompson();
            case Ucb1.NAME -> new Ucb(c);
            case EpsilonGreedy.NAME -> new Greedy(epsilon);
            default -> throw new EatException(Settings.unknownPolicy(name));
        };
    }
}
