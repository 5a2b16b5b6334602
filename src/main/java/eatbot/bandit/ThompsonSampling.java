package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/** Draw one sample from each arm's Beta posterior; the best draw wins. */
public final class ThompsonSampling implements Policy {
    public static final String NAME = "thompson";

    @Override public String name() { return NAME; }

    @Override
    public void score(Arms arms, UniformRandomProvider rng, double[] out) {
        for (int i = 0; i < arms.size(); i++) out[i] = BetaSampler.sample(rng, arms.alpha(i), arms.beta(i));
    }

    @Override public String toString() { return NAME; }
}
