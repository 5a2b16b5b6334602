package eatbot.eat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When cold start's sums per place are summed again: after 1% of their evidence in reactions, a new γ, or a forget. */
class PlaceEvidenceCacheTest {
    private final AtomicInteger sums = new AtomicInteger();
    private final List<Runnable> background = new ArrayList<>();
    private final PlaceEvidenceCache cache = new PlaceEvidenceCache(background::add);

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

    @Test
    void aHugeGuildKeepsAnsweringFromItsOldSumsWhileOneBackgroundTaskSumsAgain() {
        double huge = PlaceEvidenceCache.BACKGROUND_FROM;
        assertEquals(huge / 2, get(1.0, huge).get(1L)[0]);
        for (int i = 0; i < huge / 100; i++) cache.reacted("g"); // stale now
        assertEquals(huge / 2, get(1.0, huge + 500).get(1L)[0], "served the old sums at once");
        get(1.0, huge + 500);
        assertEquals(1, sums.get(), "nothing summed on the caller's thread");
        assertEquals(1, background.size(), "one refresh, however many /eats wait");
        background.remove(0).run();
        assertEquals((huge + 500) / 2, get(1.0, huge).get(1L)[0], "then the new sums");
        assertEquals(2, sums.get());
    }

    @Test
    void aFailedBackgroundSumKeepsTheOldSumsAndIsTriedAgain() {
        double huge = PlaceEvidenceCache.BACKGROUND_FROM;
        get(1.0, huge);
        for (int i = 0; i < huge / 100; i++) cache.reacted("g");
        cache.get("g", 1.0, () -> {
            throw new IllegalStateException("disk gone");
        });
        background.remove(0).run(); // logged, not thrown
        assertEquals(huge / 2, get(1.0, 7).get(1L)[0], "still the old sums");
        assertEquals(1, background.size(), "and a new try is queued");
    }
}
