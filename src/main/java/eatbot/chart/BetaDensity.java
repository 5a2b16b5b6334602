package eatbot.chart;

import org.apache.commons.math3.special.Beta;

/**
 * The Beta(a, b) density, exact on the closed interval [0, 1]. Commons Math's
 * {@code BetaDistribution.density} gives 0 at x = 1 for Beta(a, 1) (whose density
 * there is a) and throws below shape 1, which is why curves used to stop short
 * of the ends and drop. Here the end points take their limits: finite
 * (Beta(a, 1) at 1 is a; Beta(1, b) at 0 is b), 0, or +∞ (shape below 1).
 */
public final class BetaDensity {
    private BetaDensity() {}

    public static double at(double a, double b, double x) {
        if (!(a > 0) || !(b > 0)) throw new IllegalArgumentException("Beta parameters must be positive: " + a + ", " + b);
        if (x < 0 || x > 1 || Double.isNaN(x)) return 0;
        double logNorm = -Beta.logBeta(a, b);
        if (x == 0) return end(a, b, logNorm);
        if (x == 1) return end(b, a, logNorm);
        return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) + logNorm);
    }

    /** At the end where the factor with shape {@code near} vanishes; the other factor is 1 there. */
    private static double end(double near, double far, double logNorm) {
        if (near < 1) return Double.POSITIVE_INFINITY;
        if (near > 1) return 0;
        return Math.exp(logNorm); // 1 / B(1, far) = far
    }
}
