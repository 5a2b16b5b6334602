package eatbot.eat;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When cold start's sums per place are summed again: after 1% of their evidence in reactions, a new γ, or a forget. */
class PlaceEvidenceCacheTest {
    private final AtomicInteger sums = new AtomicInteger();
    private final PlaceEvidenceCache cache = new PlaceEvidenceCache();

    private Map<Long, double[]> get(double gamma, double evidence) {
        return cache.get("g", gamma, () -> {
            sums.incrementAndGet();
            return Map.of(1L, new double[] {evidence / 2, evidence / 2});
        });
    }

    @Test
    void aBigGuildIsSummedAgainAfterOnePercentOfItsEvidence() {
        get(1.0, 1000); // allows 10 reactions
        for (int i = 0; i < 9; i++) cache.reacted("g");
        get(1.0, 1000);
        assertEquals(1, sums.get(), "9 reactions on 1,000: still the same sums");
        cache.reacted("g");
        get(1.0, 1000);
        assertEquals(2, sums.get(), "the 10th reaction makes the next /eat sum again");
    }

    @Test
    void aSmallGuildIsSummedAgainAfterEveryReaction() {
        get(1.0, 20);
        get(1.0, 20);
        assertEquals(1, sums.get());
        cache.reacted("g");
        get(1.0, 20);
        assertEquals(2, sums.get());
    }

    @Test
    void aNewDiscountOrAForgottenPersonDropsTheSums() {
        get(1.0, 1000);
        get(0.9, 1000);
        assertEquals(2, sums.get(), "other γ");
        cache.forget("g");
        get(0.9, 1000);
        assertEquals(3, sums.get(), "forgotten");
    }
}
