package eatbot.eat;

import eatbot.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EatServiceTest {
    @TempDir
    Path dir;

    @Test
    void aNewGuildStartsWithTheStarterPlacesOnce() {
        List<NewOption> starters = List.of(new NewOption("Pho 99", List.of("vietnamese"), null, null, null),
                new NewOption("Green Bowl", List.of(), null, null, null));
        try (Fixture f = new Fixture(dir.resolve("s.db"), 1, starters)) {
            assertEquals(2, f.service.places("g").size());
        }
        try (Fixture f = new Fixture(dir.resolve("s.db"), 1, starters)) {
            f.service.removePlace("g", "Green Bowl");
            assertEquals(1, f.service.places("g").size(), "a restart does not add the starters again");
        }
    }

    @Test
    void archivedPlacesAreNeverSuggested() {
        try (Fixture f = new Fixture(dir.resolve("a.db"), 2)) {
            f.service.addPlace("g", "u", "Pho 99", "");
            f.service.addPlace("g", "u", "Closed Diner", "");
            f.service.removePlace("g", "Closed Diner");
            for (int i = 0; i < 50; i++) {
                assertEquals("Pho 99", f.service.suggest(SuggestRequest.forUser("g", "u")).option().name());
            }
        }
    }

    @Test
    void rerollingExcludesThePreviousPickAndSaysWhenNothingIsLeft() {
        try (Fixture f = new Fixture(dir.resolve("r.db"), 3)) {
            f.service.addPlace("g", "u", "A", "");
            f.service.addPlace("g", "u", "B", "");
            Suggestion first = f.service.suggest(SuggestRequest.forUser("g", "u"));
            SuggestRequest again = SuggestRequest.forUser("g", "u").excluding(first.option().id());
            Suggestion second = f.service.suggest(again);
            assertTrue(second.option().id() != first.option().id());
            EatException e = assertThrows(EatException.class, () -> f.service.suggest(again.excluding(second.option().id())));
            assertTrue(e.getMessage().contains("only place left"));
            assertEquals(0, f.service.preference("g", "u", first.option().id()).dislikes(), "a re-roll is not a dislike");
        }
    }

    @Test
    void explorationIsFlaggedWhenThePickIsNotTheBestKnown() {
        try (Fixture f = new Fixture(dir.resolve("x.db"), 4)) {
            f.service.addPlace("g", "u", "Loved", "");
            f.service.addPlace("g", "u", "Unknown", "");
            f.service.setPolicy("g", "epsilon-greedy");
            f.service.setExploration("g", 0.5, null);
            Option loved = f.service.place("g", "Loved");
            // teach "Loved" until it is clearly the best known
            int taught = 0;
            while (taught < 5) {
                Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "u"));
                if (s.option().id() == loved.id()) {
                    f.service.react("g", s.id(), "u", Reaction.LIKE);
                    taught++;
                }
            }
            Set<Boolean> flags = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "u"));
                assertEquals(s.option().id() != loved.id(), s.explored(), "explored means: not the best known");
                flags.add(s.explored());
            }
            assertEquals(Set.of(true, false), flags);
        }
    }

    @Test
    void tasteListsThePosteriorBestFirstWithCounts() {
        try (Fixture f = new Fixture(dir.resolve("t.db"), 5)) {
            f.service.addPlace("g", "u", "A", "");
            f.service.addPlace("g", "u", "B", "");
            f.service.setPrior("g", 2, 2);
            Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "u"));
            f.service.react("g", s.id(), "u", Reaction.DISLIKE);
            Taste t = f.service.taste("g", "u");
            Taste.Entry worst = t.entries().get(1);
            assertEquals(s.option().id(), worst.option().id());
            assertEquals(2.0, worst.alpha());
            assertEquals(3.0, worst.beta());
            assertEquals(1, worst.dislikes());
            assertEquals(0.5, t.entries().get(0).mean(), 1e-12);
            assertFalse(t.entries().get(0).rated());
        }
    }

    @Test
    void aReactionCountsForWhoeverReactsNotOnlyTheAsker() {
        try (Fixture f = new Fixture(dir.resolve("w.db"), 6)) {
            f.service.addPlace("g", "u", "A", "");
            Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            f.service.react("g", s.id(), "bob", Reaction.LIKE);
            assertEquals(1, f.service.preference("g", "bob", s.option().id()).likes());
            assertEquals(0, f.service.preference("g", "alice", s.option().id()).likes());
        }
    }

    @Test
    void guildsDoNotSeeEachOthersPlacesOrSuggestions() {
        try (Fixture f = new Fixture(dir.resolve("iso.db"), 7)) {
            f.service.addPlace("g1", "u", "Only In One", "");
            f.service.addPlace("g2", "u", "Only In Two", "");
            Suggestion s = f.service.suggest(SuggestRequest.forUser("g1", "u"));
            assertEquals("Only In One", s.option().name());
            assertThrows(EatException.class, () -> f.service.react("g2", s.id(), "u", Reaction.LIKE));
            assertThrows(EatException.class, () -> f.service.removePlace("g2", "Only In One"));
        }
    }

    @Test
    void settingsAreValidatedAndAFailedChangeKeepsTheOldValue() {
        try (Fixture f = new Fixture(dir.resolve("set.db"), 8)) {
            f.service.setPolicy("g", "ucb1");
            f.service.setExploration("g", null, 2.0);
            assertThrows(EatException.class, () -> f.service.setExploration("g", null, 0.0));
            assertThrows(EatException.class, () -> f.service.setExploration("g", 0.3, null), "ucb1 has no epsilon");
            assertEquals(new SuggestionPolicy.Ucb(2.0), f.service.settings("g").policy());
            assertThrows(EatException.class, () -> f.service.setPrior("g", 1, -1));
            assertThrows(EatException.class, () -> f.service.setPolicy("g", "random"));
            assertEquals("ucb1", f.service.settings("g").policy().name());
        }
    }
}
