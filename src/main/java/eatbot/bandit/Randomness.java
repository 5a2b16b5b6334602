package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** The one place random sources are made, so every run can be replayed from a seed. */
public final class Randomness {
    private Randomness() {}

    /** A fast, good-quality generator (xoshiro128++ family) from a seed. */
    public static UniformRandomProvider seeded(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Independent stream number {@code stream} of a seeded experiment (e.g. run r of R). */
    public static UniformRandomProvider stream(long seed, long stream) {
        return RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, stream, 0x9E3779B97F4A7C15L ^ stream, ~seed});
    }

    /** A generator seeded from the OS, for production decisions. */
    public static UniformRandomProvider unseeded() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create();
    }
}
