package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only SQLite does: the file, WAL mode, migrations, the writer's batches. The port's behaviour: {@link SqliteEatStoreContractTest}. */
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
