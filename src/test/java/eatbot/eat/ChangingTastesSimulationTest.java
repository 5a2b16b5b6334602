package eatbot.eat;

import eatbot.ServiceFixture;
import eatbot.bandit.Randomness;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changing tastes, on a seeded simulation through the real service and a real
 * SQLite file: a favourite place gets worse, and with a discount γ &lt; 1 eatbot
 * stops suggesting it much sooner than when it never forgets.
 */
class ChangingTastesSimulationTest {
    private static final String G = "guild";
    private static final String ME = "alice";
    private static final int BEFORE = 50;
    private static final int AFTER = 50;
    private static final int WARM_UP = 20;

    @TempDir Path dir;

    /** How often the place that got worse is still suggested after the drop (out of {@link #AFTER}). */
    private int stalePicks(double gamma, Path db) {
        try (ServiceFixture f = new ServiceFixture(db, 7)) {
            EatService service = f.service;
            service.setGamma(G, gamma);
            Option golden = service.addPlace(G, ME, "Golden Dragon", "");
            Option steady = service.addPlace(G, ME, "Steady Noodles", "");
            UniformRandomProvider world = Randomness.seeded(2024); // the same diner for both runs
            Map<String, Double> before = Map.of("Golden Dragon", 0.9, "Steady Noodles", 0.6);
            Map<String, Double> after = Map.of("Golden Dragon", 0.1, "Steady Noodles", 0.6);
            int stale = 0;
            for (int round = 0; round < BEFORE + AFTER; round++) {
                Map<String, Double> quality = round < BEFORE ? before : after;
                SuggestRequest ask = SuggestRequest.forUser(G, ME);
                // the first rounds try both places in turn, so both runs start from knowing Golden Dragon is the favourite
                if (round < WARM_UP) ask = ask.excluding(round % 2 == 0 ? steady.id() : golden.id());
                Suggestion s = service.suggest(ask);
                boolean liked = world.nextDouble() < quality.get(s.option().name());
                service.react(G, s.id(), ME, liked ? Reaction.LIKE : Reaction.DISLIKE);
                if (round >= BEFORE && s.option().id() == golden.id()) stale++;
                f.clock.advance(Duration.ofHours(20));
            }
            return stale;
        }
    }

    @Test
    void forgettingRecoversFasterAfterAPlaceGetsWorse() throws Exception {
        int neverForget = stalePicks(1.0, java.nio.file.Files.createDirectory(dir.resolve("gamma-1")));
        int forget = stalePicks(0.85, java.nio.file.Files.createDirectory(dir.resolve("gamma-0.85")));
        String seen = "after the drop the worse place was still picked " + forget + "/" + AFTER + " times with γ=0.85, "
                + neverForget + "/" + AFTER + " with γ=1";
        assertTrue(forget * 2 <= neverForget, seen);
        assertTrue(neverForget >= 15, "without forgetting, a long record keeps it coming back: " + seen);
    }
}
