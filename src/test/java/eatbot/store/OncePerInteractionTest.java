package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A suggestion is made once per Discord interaction, and the store is the
 * guard: two processes overlapping during a deploy share nothing but the file.
 */
class OncePerInteractionTest {
    @TempDir
    Path dir;

    @Test
    void twoProcessesAnsweringTheSameInteractionStoreOneSuggestion() {
        Path file = dir.resolve("eatbot.db");
        try (Fixture old = new Fixture(file, 1); Fixture fresh = new Fixture(file, 2)) {
            for (int i = 0; i < 8; i++) old.service.addPlace("g", "alice", "Place " + i, "");
            SuggestRequest asked = SuggestRequest.forUser("g", "alice").fromInteraction("1300000000000000001");

            Suggestion first = old.service.suggest(asked);
            Suggestion second = fresh.service.suggest(asked);

            assertEquals(first.id(), second.id(), "the second answer is the first one's suggestion");
            assertEquals(first.option().id(), second.option().id(), "so both would show the same place");
            assertEquals(1, old.service.history("g", 50).size(), "/eat-history lists it once");
        }
    }

    @Test
    void theSameIdInAnotherServerOrNoIdAtAllAreSeparateSuggestions() {
        try (Fixture f = new Fixture(dir.resolve("b.db"), 1)) {
            f.service.addPlace("g", "alice", "Pho 99", "");
            f.service.addPlace("h", "alice", "Pho 99", "");
            Suggestion here = f.service.suggest(SuggestRequest.forUser("g", "alice").fromInteraction("7"));
            Suggestion there = f.service.suggest(SuggestRequest.forUser("h", "alice").fromInteraction("7"));
            assertNotEquals(here.id(), there.id());
            // the console has no interaction: every ask is a new suggestion
            Suggestion a = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            Suggestion b = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            assertNotEquals(a.id(), b.id());
            assertEquals(3, f.service.history("g", 50).size());
        }
    }
}
