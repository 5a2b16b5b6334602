package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * Beta(α, β) draws as the ratio X/(X+Y) of two Gamma draws, using Commons RNG's
 * Marsaglia–Tsang sampler (Ahrens–Dieter below shape 1). Built like Commons
 * RNG's samplers: immutable, random source passed in.
 */
public final class BetaSampler {
    private final SharedStateContinuousSampler x;
    private final SharedStateContinuousSampler y;

    private BetaSampler(UniformRandomProvider rng, double alpha, double beta) {
        this.x = AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha, 1);
        this.y = AhrensDieterMarsagliaTsangGammaSampler.of(rng, beta, 1);
    }

    public static BetaSampler of(UniformRandomProvider rng, double alpha, double beta) {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Beta parameters must be positive and finite: " + alpha + ", " + beta);
        }
        return new BetaSampler(rng, alpha, beta);
    }

    public double sample() {
        double a = x.sample();
        double b = y.sample();
        double sum = a + b;
        // Both tiny (shape << 1) can underflow to 0/0; the mean is the honest fallback.
        return sum > 0 ? a / sum : 0.5;
    }

    /** One draw without keeping the sampler: the hot path of Thompson sampling. */
    public static double sample(UniformRandomProvider rng, double alpha, double beta) {
        return of(rng, alpha, beta).sample();
    }
}
