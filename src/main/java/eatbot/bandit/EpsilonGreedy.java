package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/** With probability ε a uniformly random arm, otherwise the best posterior mean. */
public final class EpsilonGreedy implements Policy {
    public static final String NAME = "epsilon-greedy";
    private final double epsilon;

    public EpsilonGreedy(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        this.epsilon = epsilon;
    }

    public double epsilon() { return epsilon; }

    @Override public String name() { return NAME; }

    @Override
    public boolean exploresUniformly(UniformRandomProvider rng) {
        return epsilon > 0 && rng.nextDouble() < epsilon;
    }

    @Override
    public void score(Arms arms, UniformRandomProvider rng, double[] out) {
        for (int i = 0; i < arms.size(); i++) out[i] = arms.posteriorMean(i);
    }

    @Override public String toString() { return NAME + "(ε=" + epsilon + ")"; }
}
