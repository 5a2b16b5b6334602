package eatbot.eat;

import eatbot.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EatService} keeps each guild's settings, places and vetoes in memory:
 * every change made through the service must be what the very next
 * {@code /eat} sees. Each test makes the one candidate left depend on the change.
 */
class GuildCacheTest {
    @TempDir
    Path dir;

    /** The place /eat picks when every other active place but {@code only} is excluded. */
    private static String pickLeaving(Fixture f, String only, String user) {
        SuggestRequest r = SuggestRequest.forUser("g", user);
        for (Option o : f.service.places("g")) if (!o.name().equals(only)) r = r.excluding(o.id());
        return f.service.suggest(r).option().name();
    }

    @Test
    void placesAddedRenamedAndRemovedAreSeenByTheNextEat() {
        try (Fixture f = new Fixture(dir.resolve("p.db"), 1)) {
            f.service.addPlace("g", "u", "Pho 99", "");
            assertEquals("Pho 99", f.service.suggest(SuggestRequest.forUser("g", "u")).option().name());
            f.service.addPlace("g", "u", "Green Bowl", "");
            assertEquals("Green Bowl", pickLeaving(f, "Green Bowl", "u"));
            f.service.renamePlace("g", "Green Bowl", "Blue Bowl");
            assertEquals("Blue Bowl", pickLeaving(f, "Blue Bowl", "u"));
            f.service.removePlace("g", "Pho 99");
            for (int i = 0; i < 20; i++) {
                assertEquals("Blue Bowl", f.service.suggest(SuggestRequest.forUser("g", "u")).option().name());
            }
        }
    }

    @Test
    void vetoesAndEditedTagsAreSeenByTheNextEat() {
        try (Fixture f = new Fixture(dir.resolve("v.db"), 2)) {
            f.service.addPlace("g", "u", "A", "");
            f.service.addPlace("g", "u", "B", "");
            f.service.suggest(SuggestRequest.forUser("g", "u")); // caches both places and no vetoes
            f.service.veto("g", null, "A", null);
            for (int i = 0; i < 20; i++) assertEquals("B", f.service.suggest(SuggestRequest.forUser("g", "u")).option().name());
            f.service.liftVeto("g", null, "A", null);
            assertEquals("A", pickLeaving(f, "A", "u"));

            f.service.veto("g", "u", null, "spicy");
            f.service.editPlace("g", "A", "spicy", null, null);
            for (int i = 0; i < 20; i++) assertEquals("B", f.service.suggest(SuggestRequest.forUser("g", "u")).option().name());
            f.service.editPlace("g", "A", "none", null, null);
            assertEquals("A", pickLeaving(f, "A", "u"));
        }
    }

    @Test
    void forgettingSomeoneDropsTheirVetoBeforeTheNextEat() {
        try (Fixture f = new Fixture(dir.resolve("f.db"), 3)) {
            f.service.addPlace("g", "u", "A", "");
            f.service.addPlace("g", "u", "B", "");
            f.service.veto("g", "u", "A", null);
            EatException e = assertThrows(EatException.class, () -> pickLeaving(f, "A", "u"));
            assertTrue(e.getMessage().startsWith("Nothing is left after"), e.getMessage()); // A is vetoed for u
            f.service.privacyForget("g", "u");
            assertEquals("A", pickLeaving(f, "A", "u"));
        }
    }

    @Test
    void importedPlacesAndNewSettingsAreSeenByTheNextEat() {
        try (Fixture f = new Fixture(dir.resolve("i.db"), 4)) {
            f.service.addPlace("other", "u", "Imported Place", "");
            byte[] file = f.service.exportPlaces("other").getBytes(StandardCharsets.UTF_8);
            f.service.addPlace("g", "u", "A", "");
            assertEquals("thompson", f.service.suggest(SuggestRequest.forUser("g", "u")).policy());
            f.service.importPlaces("g", "u", file);
            assertEquals("Imported Place", pickLeaving(f, "Imported Place", "u"));
            f.service.setPolicy("g", "ucb1");
            assertEquals("ucb1", f.service.suggest(SuggestRequest.forUser("g", "u")).policy());
            assertEquals("ucb1", f.service.settings("g").policy().name());
        }
    }

    @Test
    void aLoadThatRacedAWriteIsNotKept() {
        GuildCache cache = new GuildCache();
        AtomicInteger loads = new AtomicInteger();
        List<Option> stale = List.of();
        // the write lands (and forgets the guild) while this load is reading: what it read may be old
        assertEquals(stale, cache.places("g", () -> {
            loads.incrementAndGet();
            cache.forget("g");
            return stale;
        }));
        cache.places("g", () -> {
            loads.incrementAndGet();
            return stale;
        });
        assertEquals(2, loads.get(), "the raced load was read again");
        cache.places("g", () -> {
            throw new AssertionError("a clean load is kept");
        });
    }
}
