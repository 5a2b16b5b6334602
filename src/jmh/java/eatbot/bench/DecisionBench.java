package eatbot.bench;

import eatbot.bandit.Arms;
import eatbot.bandit.Policies;
import eatbot.bandit.Policy;
import eatbot.bandit.Randomness;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Decision latency: one choice among K places from in-memory statistics, for
 * each policy, beside the naive Thompson baseline (a Commons Math 3
 * {@code BetaDistribution} built and sampled per arm).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionBench {
    @Param({"10", "100", "1000"})
    int k;

    Arms arms;
    UniformRandomProvider rng;
    RandomGenerator mathRng;
    Policy thompson;
    Policy ucb1;
    Policy epsilonGreedy;

    @Setup
    public void setUp() {
        rng = Randomness.seeded(42);
        mathRng = new Well19937c(42);
        arms = new Arms(k, 1, 1);
        // a person who has rated every place a few times: realistic, non-trivial posteriors
        for (int i = 0; i < k; i++) arms.set(i, rng.nextInt(20), rng.nextInt(20));
        thompson = Policies.of("thompson", 0.1, 1);
        ucb1 = Policies.of("ucb1", 0.1, 1);
        epsilonGreedy = Policies.of("epsilon-greedy", 0.1, 1);
    }

    @Benchmark
    public int thompson() {
        return thompson.choose(arms, rng);
    }

    @Benchmark
    public int ucb1() {
        return ucb1.choose(arms, rng);
    }

    @Benchmark
    public int epsilonGreedy() {
        return epsilonGreedy.choose(arms, rng);
    }

    /** The naive baseline: Commons Math 3 BetaDistribution per arm, argmax. */
    @Benchmark
    public int thompsonCommonsMath() {
        int best = 0;
        double bestDraw = -1;
        for (int i = 0; i < arms.size(); i++) {
            double d = new BetaDistribution(mathRng, arms.alpha(i), arms.beta(i)).sample();
            if (d > bestDraw) {
                bestDraw = d;
                best = i;
            }
        }
        return best;
    }
}
