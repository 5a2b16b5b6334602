package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BetaSamplerTest {
    private static final int N = 200_000;

    @ParameterizedTest(name = "Beta({0}, {1})")
    @CsvSource({"1, 1", "2, 5", "0.5, 0.5", "0.2, 3", "30, 70", "1000, 3", "1.5, 0.7"})
    void sampledMeanAndVarianceMatchTheFormula(double a, double b) {
        UniformRandomProvider rng = Randomness.seeded(7);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++) {
            double x = BetaSampler.sample(rng, a, b);
            assertTrue(x >= 0 && x <= 1, "draw outside [0, 1]: " + x);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / N;
        double variance = sumSq / N - mean * mean;
        double expectedMean = a / (a + b);
        double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
        // five standard errors of the sample mean; 5% relative on the variance
        assertEquals(expectedMean, mean, 5 * Math.sqrt(expectedVariance / N), "mean");
        assertEquals(expectedVariance, variance, 0.05 * expectedVariance, "variance");
    }

    @Test
    void aKeptSamplerDrawsFromTheSameDistribution() {
        BetaSampler s = BetaSampler.of(Randomness.seeded(3), 3, 1);
        double sum = 0;
        for (int i = 0; i < N; i++) sum += s.sample();
        assertEquals(0.75, sum / N, 0.003);
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        UniformRandomProvider a = Randomness.seeded(11);
        UniformRandomProvider b = Randomness.seeded(11);
        for (int i = 0; i < 1000; i++) assertEquals(BetaSampler.sample(a, 0.7, 4), BetaSampler.sample(b, 0.7, 4));
    }

    @Test
    void rejectsParametersThatAreNotPositiveAndFinite() {
        UniformRandomProvider rng = Randomness.seeded(1);
        assertThrows(IllegalArgumentException.class, () -> BetaSampler.sample(rng, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> BetaSampler.sample(rng, 1, -2));
        assertThrows(IllegalArgumentException.class, () -> BetaSampler.of(rng, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> BetaSampler.of(rng, 1, Double.POSITIVE_INFINITY));
    }
}
