package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Draw one sample from each arm's Beta posterior; the best draw wins. */
public final class ThompsonSampling implements Policy {
    public static final String NAME = "thompson";

    @Override public String name() { return NAME; }

    @Override
    public void score(Arms arms, UniformRandomProvider rng, double[] out) {
        // one Gaussian sampler for all K draws: nothing is built per arm
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < arms.size(); i++) out[i] = BetaSampler.draw(rng, gaussian, arms.alpha(i), arms.beta(i));
    }

    @Override public String toString() { return NAME; }
}
