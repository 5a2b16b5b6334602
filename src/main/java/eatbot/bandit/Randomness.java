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

    /**
     * Independent stream number {@code stream} of a seeded experiment (e.g. run r of R).
     *
     * <p>xoshiro's first outputs are plain sums of its state words, so state words
     * that differ little (the raw seed and stream number) gave nearly the same
     * first draws in every stream: Thompson's first pull between two equal arms
     * went to arm 0 about 64% of the time. SplitMix64 expands the pair into
     * well-mixed words instead. Its state for stream r is a mixed seed XOR r, so
     * streams below 2^32 never share a word: two SplitMix64 sequences overlap only
     * when their states differ by a multiple of its increment, never that small.
     */
    public static UniformRandomProvider stream(long seed, long stream) {
        long mixedSeed = RandomSource.SPLIT_MIX_64.create(seed).nextLong();
        UniformRandomProvider words = RandomSource.SPLIT_MIX_64.create(mixedSeed ^ stream);
        return RandomSource.XO_SHI_RO_256_PP.create(
                new long[] {words.nextLong(), words.nextLong(), words.nextLong(), words.nextLong()});
    }

    /** A generator seeded from the OS, for production decisions. */
    public static UniformRandomProvider unseeded() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create();
    }
}
