package eatbot.sim;

import eatbot.bandit.Arms;
import eatbot.bandit.Choice;
import eatbot.bandit.Policy;
import eatbot.bandit.Randomness;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs policies on a Bernoulli bandit, {@code runs} times each, and averages
 * cumulative regret at the checkpoints. Run r of every policy draws from its
 * own stream {@code Randomness.stream(seed, r)}, and runs are summed in run
 * order, so the result depends on the seed only, never on the thread count
 * or on which other policies are in the experiment.
 *
 * <p>Regret is the pseudo-regret Σ_t (μ* − μ_{a_t}), the quantity Chapelle &amp;
 * Li plot and the Lai–Robbins bound is about.
 */
public final class Experiment {
    private final BernoulliBandit bandit;
    private final List<Policy> policies;
    private final long[] checkpoints;
    private final int runs;
    private final long seed;
    private final double priorAlpha;
    private final double priorBeta;

    public Experiment(BernoulliBandit bandit, List<Policy> policies, long[] checkpoints, int runs, long seed) {
        if (runs < 1) throw new IllegalArgumentException("need at least one run");
        if (policies.isEmpty()) throw new IllegalArgumentException("need at least one policy");
        this.bandit = bandit;
        this.policies = List.copyOf(policies);
        this.checkpoints = checkpoints.clone();
        this.runs = runs;
        this.seed = seed;
        this.priorAlpha = 1;
        this.priorBeta = 1;
    }

    /** Mean and standard deviation (over runs) of cumulative regret at each checkpoint, per policy. */
    public record Curve(Policy policy, long[] t, double[] mean, double[] sd) {}

    public List<Curve> run(int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread th = new Thread(r, "eatbot-simulate");
            th.setDaemon(true);
            return th;
        });
        try {
            List<List<Future<double[]>>> futures = new ArrayList<>();
            for (Policy p : policies) {
                List<Future<double[]>> perRun = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    int run = r;
                    perRun.add(pool.submit(() -> regret(p, run)));
                }
                futures.add(perRun);
            }
            List<Curve> curves = new ArrayList<>();
            for (int p = 0; p < policies.size(); p++) {
                double[][] byRun = new double[runs][];
                for (int r = 0; r < runs; r++) byRun[r] = futures.get(p).get(r).get();
                curves.add(summarise(policies.get(p), byRun));
            }
            return curves;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run: cumulative regret at each checkpoint. */
    double[] regret(Policy policy, int run) {
        UniformRandomProvider rng = Randomness.stream(seed, run);
        int k = bandit.arms();
        double[] means = bandit.means();
        double best = bandit.best();
        Arms arms = new Arms(k, priorAlpha, priorBeta);
        double[] scores = new double[k];
        double[] out = new double[checkpoints.length];
        double regret = 0;
        int next = 0;
        long horizon = checkpoints[checkpoints.length - 1];
        for (long t = 1; t <= horizon; t++) {
            int arm;
            if (policy.exploresUniformly(rng)) {
                arm = rng.nextInt(k);
            } else {
                policy.score(arms, rng, scores);
                arm = Choice.argmax(scores, rng);
            }
            arms.observe(arm, rng.nextDouble() < means[arm]);
            regret += best - means[arm];
            if (t == checkpoints[next]) out[next++] = regret;
        }
        return out;
    }

    private Curve summarise(Policy policy, double[][] byRun) {
        int n = checkpoints.length;
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int c = 0; c < n; c++) {
            double sum = 0;
            for (double[] r : byRun) sum += r[c];
            double m = sum / runs;
            double ss = 0;
            for (double[] r : byRun) ss += (r[c] - m) * (r[c] - m);
            mean[c] = m;
            sd[c] = runs > 1 ? Math.sqrt(ss / (runs - 1)) : 0;
        }
        return new Curve(policy, checkpoints.clone(), mean, sd);
    }
}
