package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Beta(α, β) draws as the ratio X/(X+Y) of two Gamma(·, 1) draws. Built like
 * Commons RNG's samplers: immutable, random source passed in.
 *
 * <p>The Gamma draws are Marsaglia–Tsang (2000) on Commons RNG's Ziggurat
 * Gaussian, written out here rather than taken from
 * {@code AhrensDieterMarsagliaTsangGammaSampler} because Thompson sampling
 * needs a draw for a <em>different</em> shape every time: building Commons'
 * samplers per draw (two samplers, two Gaussian samplers, their constants) cost
 * more than the draws themselves. Shapes below 1 use the standard boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
public final class BetaSampler {
    private final NormalizedGaussianSampler gaussian;
    private final UniformRandomProvider rng;
    private final double alpha;
    private final double beta;

    private BetaSampler(UniformRandomProvider rng, double alpha, double beta) {
        this.rng = rng;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.alpha = alpha;
        this.beta = beta;
    }

    public static BetaSampler of(UniformRandomProvider rng, double alpha, double beta) {
        check(alpha, beta);
        return new BetaSampler(rng, alpha, beta);
    }

    private static void check(double alpha, double beta) {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Beta parameters must be positive and finite: " + alpha + ", " + beta);
        }
    }

    public double sample() {
        return draw(rng, gaussian, alpha, beta);
    }

    /** One draw without keeping a sampler. */
    public static double sample(UniformRandomProvider rng, double alpha, double beta) {
        check(alpha, beta);
        return draw(rng, ZigguratSampler.NormalizedGaussian.of(rng), alpha, beta);
    }

    /**
     * Draws for many arms with one Gaussian sampler: Thompson sampling's hot path.
     * Parameters are not re-checked; {@link Arms} keeps them positive and finite.
     */
    static double draw(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, double alpha, double beta) {
        double a = gamma(rng, gaussian, alpha);
        double b = gamma(rng, gaussian, beta);
        double sum = a + b;
        // Both tiny (shape << 1) can underflow to 0/0; the mean is the honest fallback.
        return sum > 0 ? a / sum : alpha / (alpha + beta);
    }

    /** Gamma(shape, 1) by Marsaglia & Tsang, "A simple method for generating gamma variables" (2000). */
    static double gamma(UniformRandomProvider rng, NormalizedGaussianSampler gaussian, double shape) {
        if (shape < 1) {
            // boost: U^(1/a) underflows to 0 for tiny shapes, which draw() handles
            double u = rng.nextDouble();
            return gamma(rng, gaussian, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian.sample();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) return d * v; // the cheap squeeze accepts ~98%
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
        }
    }
}
