package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A rule for picking one arm. Policies are stateless and thread-safe: what was
 * learned lives in {@link Arms}, randomness comes from the caller so a run can
 * be replayed from its seed.
 */
public interface Policy {

    /** The name used in settings and reports, e.g. {@code thompson}. */
    String name();

    /**
     * Writes one score per arm for one person into {@code out}: higher is
     * better. Thompson: a posterior draw; UCB1: the upper confidence index;
     * ε-greedy: the posterior mean. Scores of several people can be combined
     * (see {@link GroupRule}) before taking the best.
     */
    void score(Arms arms, UniformRandomProvider rng, double[] out);

    /**
     * True when this decision should ignore the scores and take an arm
     * uniformly at random (ε-greedy's exploration step).
     */
    default boolean exploresUniformly(UniformRandomProvider rng) { return false; }

    /** Picks an arm for one person. */
    default int choose(Arms arms, UniformRandomProvider rng) {
        int k = arms.size();
        if (exploresUniformly(rng)) return rng.nextInt(k);
        double[] scores = new double[k];
        score(arms, rng, scores);
        return Choice.argmax(scores, rng);
    }
}
