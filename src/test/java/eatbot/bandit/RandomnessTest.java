package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams of one seed must look like independent generators from their very
 * first draw: a simulation's run r reads stream r once per pull, so a bias in the
 * first draws is a bias in every run's first decisions.
 */
class RandomnessTest {
    private static final int STREAMS = 20_000;
    /** Five standard errors: a fair generator fails this about once in 1.7 million tries. */
    private static final double SIGMAS = 5;

    @Test
    void theFirstDrawsOfManyStreamsAreUniform() {
        for (long seed : new long[] {1, 2, 2011}) {
            for (int position = 0; position < 4; position++) {
                double sum = 0;
                int low = 0;
                int[] tenths = new int[10];
                for (int s = 0; s < STREAMS; s++) {
                    UniformRandomProvider rng = Randomness.stream(seed, s);
                    for (int skip = 0; skip < position; skip++) rng.nextDouble();
                    double u = rng.nextDouble();
                    sum += u;
                    if (u < 0.5) low++;
                    tenths[(int) (u * 10)]++;
                }
                String where = "seed " + seed + ", draw " + (position + 1) + " of " + STREAMS + " streams";
                // a uniform draw has mean 1/2 and variance 1/12
                assertWithin(0.5, sum / STREAMS, Math.sqrt(1.0 / 12 / STREAMS), "mean of " + where);
                assertWithin(0.5, (double) low / STREAMS, Math.sqrt(0.25 / STREAMS), "share below 1/2 of " + where);
                for (int b = 0; b < 10; b++) {
                    assertWithin(0.1, (double) tenths[b] / STREAMS, Math.sqrt(0.1 * 0.9 / STREAMS), "share in tenth " + b + " of " + where);
                }
            }
        }
    }

    @Test
    void thompsonsFirstPullBetweenTwoUntriedArmsIsAFairCoin() {
        Policy thompson = new ThompsonSampling();
        for (long seed : new long[] {1, 7, 2011}) {
            int first = 0;
            for (int s = 0; s < STREAMS; s++) {
                if (thompson.choose(new Arms(2, 1, 1), Randomness.stream(seed, s)) == 0) first++;
            }
            assertWithin(0.5, (double) first / STREAMS, Math.sqrt(0.25 / STREAMS), "share of first pulls on arm 0, seed " + seed);
        }
    }

    @Test
    void neighbouringStreamsAreUncorrelated() {
        // stream s and s + 1 side by side: their first draws' correlation is about N(0, 1/N)
        double sxy = 0;
        UniformRandomProvider previous = Randomness.stream(3, 0);
        double x = previous.nextDouble() - 0.5;
        for (int s = 1; s <= STREAMS; s++) {
            double y = Randomness.stream(3, s).nextDouble() - 0.5;
            sxy += x * y;
            x = y;
        }
        double correlation = sxy / STREAMS / (1.0 / 12);
        assertWithin(0, correlation, Math.sqrt(1.0 / STREAMS), "correlation of first draws of streams s and s + 1");
    }

    private static void assertWithin(double expected, double actual, double standardError, String what) {
        assertTrue(Math.abs(actual - expected) <= SIGMAS * standardError,
                what + ": " + actual + ", expected " + expected + " ± " + SIGMAS * standardError + " (5 standard errors)");
    }
}
