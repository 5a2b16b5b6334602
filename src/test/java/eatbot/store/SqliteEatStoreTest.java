package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.EatException;
import eatbot.eat.Option;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteEatStoreTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFileAndItsFolderWithTheSchemaInWalMode() throws Exception {
        Path file = dir.resolve("nested/folder/eatbot.db");
        try (Fixture f = new Fixture(file, 1)) {
            f.service.addPlace("g", "u", "Pho 99", "");
        }
        assertTrue(Files.exists(file));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("SELECT max(version) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "migrations recorded");
        }
    }

    @Test
    void aReactionCountsOnceAndItsRemovalRetractsIt() {
        try (Fixture f = new Fixture(dir.resolve("a.db"), 2)) {
            f.service.addPlace("g", "alice", "Pho 99", "");
            Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            assertTrue(f.service.react("g", s.id(), "bob", Reaction.LIKE).changed());
            assertFalse(f.service.react("g", s.id(), "bob", Reaction.LIKE).changed(), "a replayed reaction is not counted again");
            Preference p = f.service.preference("g", "bob", s.option().id());
            assertEquals(1, p.likes());
            assertEquals(1.0, p.successes());

            assertTrue(f.service.unreact("g", s.id(), "bob", Reaction.LIKE).changed());
            assertFalse(f.service.unreact("g", s.id(), "bob", Reaction.LIKE).changed());
            p = f.service.preference("g", "bob", s.option().id());
            assertEquals(0, p.likes());
            assertEquals(0.0, p.successes());
            assertEquals(1, f.store.feedback("g").size(), "the log keeps the retracted event");
            assertFalse(f.store.feedback("g").get(0).active());

            assertTrue(f.service.react("g", s.id(), "bob", Reaction.LIKE).changed(), "added again after removal counts");
            assertEquals(1, f.service.preference("g", "bob", s.option().id()).likes());
        }
    }

    @Test
    void preferencesEqualARebuildFromTheLogWithAndWithoutDiscount() {
        for (double gamma : new double[] {1.0, 0.8}) {
            try (Fixture f = new Fixture(dir.resolve("rebuild-" + gamma + ".db"), 3)) {
                f.service.save(f.service.settings("g").withDiscount(gamma));
                for (String p : new String[] {"A", "B", "C"}) f.service.addPlace("g", "u", p, "");
                for (int i = 0; i < 60; i++) {
                    Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "u" + (i % 3)));
                    Reaction r = (i * 7) % 3 == 0 ? Reaction.DISLIKE : Reaction.LIKE;
                    f.service.react("g", s.id(), "u" + (i % 3), r);
                    if (i % 5 == 0) f.service.unreact("g", s.id(), "u" + (i % 3), r);
                    if (i % 4 == 0) f.service.react("g", s.id(), "u" + ((i + 1) % 3), Reaction.LIKE);
                }
                Map<String, Map<Long, Preference>> before = new java.util.HashMap<>();
                for (int u = 0; u < 3; u++) before.put("u" + u, atNow(f, "u" + u, gamma));
                for (int u = 0; u < 3; u++) { // /eat's one read is the same as the two
                    assertEquals(f.store.preferences("g", "u" + u), f.store.evidence("g", "u" + u).preferences());
                    assertEquals(f.store.step("g", "u" + u), f.store.evidence("g", "u" + u).step());
                }
                assertEquals(new eatbot.eat.Evidence(Map.of(), 0), f.store.evidence("g", "nobody"));
                f.store.rebuildPreferences("g", gamma);
                for (int u = 0; u < 3; u++) {
                    Map<Long, Preference> after = atNow(f, "u" + u, gamma);
                    for (var e : before.get("u" + u).entrySet()) {
                        Preference a = e.getValue();
                        Preference b = after.getOrDefault(e.getKey(), Preference.none(e.getKey()));
                        assertEquals(a.successes(), b.successes(), 1e-9, "successes, gamma " + gamma);
                        assertEquals(a.failures(), b.failures(), 1e-9, "failures, gamma " + gamma);
                        assertEquals(a.likes(), b.likes());
                        assertEquals(a.dislikes(), b.dislikes());
                    }
                }
            }
        }
    }

    private static Map<Long, Preference> atNow(Fixture f, String user, double gamma) {
        long now = f.store.step("g", user);
        Map<Long, Preference> out = new java.util.HashMap<>();
        f.store.preferences("g", user).forEach((k, v) -> out.put(k, v.at(now, gamma)));
        return out;
    }

    @Test
    void activeNamesAreUniqueIgnoringCaseButAnArchivedNameCanBeReused() {
        try (Fixture f = new Fixture(dir.resolve("names.db"), 4)) {
            Option first = f.service.addPlace("g", "u", "Pho 99", "");
            EatException e = assertThrows(EatException.class, () -> f.service.addPlace("g", "u", "  pho   99 ", ""));
            assertEquals("There is already a place called 'Pho 99'.", e.getMessage());
            f.service.addPlace("other-guild", "u", "Pho 99", ""); // another guild is another list
            f.service.removePlace("g", "PHO 99");
            Option again = f.service.addPlace("g", "u", "Pho 99", "");
            assertTrue(again.id() != first.id());
            assertEquals(1, f.service.places("g").size());
            assertEquals(2, f.store.options("g", true).size());
        }
    }

    @Test
    void aFailingWriteLeavesNothingAndDoesNotSpoilOthersInTheSameBatch() throws Exception {
        try (Fixture f = new Fixture(dir.resolve("batch.db"), 5)) {
            f.service.addPlace("g", "u", "Pho 99", "");
            Database db = f.store.database();
            var bad = db.submit(c -> {
                c.createStatement().executeUpdate("UPDATE options SET name = 'half written' WHERE guild_id = 'g'");
                throw new IllegalStateException("boom");
            });
            var good = db.submit(c -> c.createStatement().executeUpdate("UPDATE options SET tags = 'ok' WHERE guild_id = 'g'"));
            assertThrows(java.util.concurrent.ExecutionException.class, bad::get);
            assertEquals(1, good.get());
            Option o = f.service.places("g").get(0);
            assertEquals("Pho 99", o.name());
            assertEquals(java.util.List.of("ok"), o.tags());
        }
    }
}
