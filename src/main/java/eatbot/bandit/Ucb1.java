package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * UCB1 (Auer et al. 2002): empirical mean plus c·sqrt(2 ln N / n). c = 1 is the
 * classic rule; smaller c explores less. Arms never tried score +∞ so each is
 * tried once first.
 */
public final class Ucb1 implements Policy {
    public static final String NAME = "ucb1";
    private final double c;

    public Ucb1(double c) {
        if (!(c > 0) || Double.isInfinite(c)) throw new IllegalArgumentException("c must be positive, got " + c);
        this.c = c;
    }

    public double c() { return c; }

    @Override public String name() { return NAME; }

    @Override
    public void score(Arms arms, UniformRandomProvider rng, double[] out) {
        double total = arms.totalPulls();
        double logTotal = Math.log(Math.max(total, 1.0));
        for (int i = 0; i < arms.size(); i++) {
            double n = arms.pulls(i);
            // below one (discounted) observation the estimate is worth nothing yet
            out[i] = n < 1e-9 ? Double.POSITIVE_INFINITY
                    : arms.successes(i) / n + c * Math.sqrt(2 * logTotal / n);
        }
    }

    @Override public String toString() { return NAME + "(c=" + c + ")"; }
}
