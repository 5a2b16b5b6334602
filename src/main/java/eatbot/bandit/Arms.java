package eatbot.bandit;

/**
 * What one person has learned about K arms: (possibly discounted) weights of
 * successes and failures per arm, plus the Beta prior they sit on. Mutable and
 * array-backed because simulations update it ten million times a run.
 */
public final class Arms {
    private final double[] successes;
    private final double[] failures;
    private final double[] priorAlpha;
    private final double[] priorBeta;

    public Arms(int k, double priorAlpha, double priorBeta) {
        if (k < 1) throw new IllegalArgumentException("need at least one arm");
        if (!(priorAlpha > 0) || !(priorBeta > 0)) throw new IllegalArgumentException("prior must be positive");
        this.successes = new double[k];
        this.failures = new double[k];
        this.priorAlpha = new double[k];
        this.priorBeta = new double[k];
        java.util.Arrays.fill(this.priorAlpha, priorAlpha);
        java.util.Arrays.fill(this.priorBeta, priorBeta);
    }

    public int size() { return successes.length; }

    public double successes(int arm) { return successes[arm]; }
    public double failures(int arm) { return failures[arm]; }
    /** Evidence seen for this arm (discounted weights when forgetting is on). */
    public double pulls(int arm) { return successes[arm] + failures[arm]; }
    public double alpha(int arm) { return priorAlpha[arm] + successes[arm]; }
    public double beta(int arm) { return priorBeta[arm] + failures[arm]; }
    public double posteriorMean(int arm) { return alpha(arm) / (alpha(arm) + beta(arm)); }

    public double totalPulls() {
        double n = 0;
        for (int i = 0; i < successes.length; i++) n += successes[i] + failures[i];
        return n;
    }

    /** Sets what is known of one arm, e.g. from the database. */
    public Arms set(int arm, double successes, double failures) {
        if (successes < 0 || failures < 0) throw new IllegalArgumentException("negative evidence");
        this.successes[arm] = successes;
        this.failures[arm] = failures;
        return this;
    }

    /** A per-arm prior, e.g. one leaning on the rest of the group (empirical Bayes). */
    public Arms setPrior(int arm, double alpha, double beta) {
        if (!(alpha > 0) || !(beta > 0)) throw new IllegalArgumentException("prior must be positive");
        priorAlpha[arm] = alpha;
        priorBeta[arm] = beta;
        return this;
    }

    /** One Bernoulli observation, after discounting everything seen so far by gamma (1 = never forget). */
    public void observe(int arm, boolean success, double gamma) {
        if (gamma != 1.0) {
            for (int i = 0; i < successes.length; i++) {
                successes[i] *= gamma;
                failures[i] *= gamma;
            }
        }
        if (success) successes[arm] += 1; else failures[arm] += 1;
    }

    public void observe(int arm, boolean success) { observe(arm, success, 1.0); }
}
