package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policies on seeded Bernoulli bandits: they find the best arm, and regret grows as theory says. */
class PolicyRegretTest {

    /** Cumulative pseudo-regret at each checkpoint, and the pulls per arm at the end. */
    private record Run(double[] regretAt, long[] pulls) {}

    private static Run play(Policy policy, double[] means, long[] checkpoints, long seed) {
        UniformRandomProvider rng = Randomness.seeded(seed);
        int k = means.length;
        double best = 0;
        for (double m : means) best = Math.max(best, m);
        Arms arms = new Arms(k, 1, 1);
        long[] pulls = new long[k];
        double[] at = new double[checkpoints.length];
        double regret = 0;
        int next = 0;
        for (long t = 1; t <= checkpoints[checkpoints.length - 1]; t++) {
            int arm = policy.choose(arms, rng);
            pulls[arm]++;
            arms.observe(arm, rng.nextDouble() < means[arm]);
            regret += best - means[arm];
            if (t == checkpoints[next]) at[next++] = regret;
        }
        return new Run(at, pulls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"thompson", "ucb1", "epsilon-greedy"})
    void eachPolicyEndsUpPullingTheBestArm(String name) {
        double[] means = {0.3, 0.45, 0.7, 0.5, 0.2};
        Policy policy = Policies.of(name, 0.05, 1);
        Run run = play(policy, means, new long[] {20_000}, 2026);
        long total = 20_000;
        assertTrue(run.pulls()[2] > 0.8 * total,
                name + " pulled the best arm only " + run.pulls()[2] + " of " + total + " times");
        // and what it believes matches: the best posterior mean is arm 2
        Arms arms = new Arms(means.length, 1, 1);
        UniformRandomProvider rng = Randomness.seeded(5);
        for (int i = 0; i < 5000; i++) {
            int a = policy.choose(arms, rng);
            arms.observe(a, rng.nextDouble() < means[a]);
        }
        int greedy = Choice.greedyForGroup(new Arms[] {arms}, GroupRule.AVERAGE, rng);
        assertEquals(2, greedy, name + " believes arm " + greedy + " is best");
    }

    /** Ten arms, one at 0.5 and nine at 0.4: Chapelle & Li's easy setting. */
    private static double[] tenArms() {
        double[] m = new double[10];
        java.util.Arrays.fill(m, 0.4);
        m[3] = 0.5;
        return m;
    }

    /** regret(100k) / regret(10k), averaged over a few seeded runs. */
    private static double growth(Policy policy) {
        double r10k = 0;
        double r100k = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Run run = play(policy, tenArms(), new long[] {10_000, 100_000}, seed);
            r10k += run.regretAt()[0];
            r100k += run.regretAt()[1];
        }
        return r100k / r10k;
    }

    @Test
    void thompsonRegretGrowsLogarithmically() {
        double g = growth(new ThompsonSampling());
        assertTrue(g < 3, "Thompson regret grew by " + g + "x from T=10k to T=100k (linear would be 10x)");
    }

    @Test
    void ucb1RegretGrowsLogarithmically() {
        double g = growth(new Ucb1(1));
        assertTrue(g < 4, "UCB1 regret grew by " + g + "x from T=10k to T=100k (linear would be 10x)");
    }

    @Test
    void epsilonGreedyWithFixedEpsilonGrowsLinearly() {
        double epsilon = 0.1;
        double r10k = 0;
        double r100k = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Run run = play(new EpsilonGreedy(epsilon), tenArms(), new long[] {10_000, 100_000}, seed);
            r10k += run.regretAt()[0] / 4;
            r100k += run.regretAt()[1] / 4;
        }
        // exploring alone costs ε · (K−1)/K · Δ per pull, forever: a straight line
        double floor = epsilon * 9 / 10 * 0.1;
        double slope = (r100k - r10k) / 90_000;
        assertTrue(slope > 0.9 * floor, "late regret per pull " + slope + " is below ε-greedy's exploration cost " + floor);
        assertTrue(r100k / r10k > 5, "ε-greedy regret grew only " + r100k / r10k + "x from T=10k to T=100k");
    }
}
