package eatbot.sim;

import java.util.Arrays;

/**
 * K arms that pay 1 with fixed probabilities: the setting of Chapelle &amp; Li
 * (2011). Knows its own regret per pull, the most regret t pulls can have, and
 * the Lai–Robbins asymptotic rate.
 */
public final class BernoulliBandit {
    private final double[] means;
    private final double best;

    public BernoulliBandit(double[] means) {
        if (means.length < 2) throw new IllegalArgumentException("need at least two arms");
        for (double m : means) {
            if (!(m >= 0 && m <= 1)) throw new IllegalArgumentException("arm means must be in [0, 1], got " + m);
        }
        this.means = means.clone();
        this.best = Arrays.stream(means).max().orElseThrow();
    }

    /** Chapelle &amp; Li's arms: one at {@code best}, the other K − 1 at {@code best − gap}. */
    public static BernoulliBandit withGap(int k, double best, double gap) {
        double[] m = new double[k];
        Arrays.fill(m, best - gap);
        m[0] = best;
        return new BernoulliBandit(m);
    }

    public int arms() { return means.length; }
    public double mean(int arm) { return means[arm]; }
    public double best() { return best; }
    public double[] means() { return means.clone(); }

    /** Expected regret of one pull of {@code arm}: μ* − μ_arm. */
    public double gap(int arm) { return best - means[arm]; }

    /**
     * The constant C of Lai &amp; Robbins (1985): no consistent policy's expected
     * regret grows slower than {@code C · ln T} with
     * {@code C = Σ_{i: μ_i < μ*} Δ_i / KL(μ_i, μ*)}, as T → ∞.
     */
    public double laiRobbinsConstant() {
        double sum = 0;
        for (double m : means) {
            if (m < best) {
                double kl = klBernoulli(m, best);
                if (Double.isFinite(kl)) sum += (best - m) / kl;
            }
        }
        return sum;
    }

    /**
     * {@code C · ln t}: the Lai–Robbins rate, a lower bound on regret only in the
     * limit (regret / ln t ≥ C as t → ∞). At small t it is no bound at all: it
     * can exceed {@link #maxRegret} (C · ln 2 = 1,715 for K = 100, ε = 0.02).
     */
    public double laiRobbinsAsymptote(long t) {
        return laiRobbinsConstant() * Math.log(Math.max(t, 1));
    }

    /** The most regret t pulls can have: every pull on the worst arm. */
    public double maxRegret(long t) {
        double widest = 0;
        for (int arm = 0; arm < means.length; arm++) widest = Math.max(widest, gap(arm));
        return t * widest;
    }

    /** KL(Bernoulli(p) ‖ Bernoulli(q)). */
    static double klBernoulli(double p, double q) {
        return term(p, q) + term(1 - p, 1 - q);
    }

    private static double term(double p, double q) {
        if (p == 0) return 0;
        if (q == 0) return Double.POSITIVE_INFINITY;
        return p * Math.log(p / q);
    }
}
