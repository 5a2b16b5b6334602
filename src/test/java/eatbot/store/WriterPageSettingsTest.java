package eatbot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The writer's page settings (a bigger page cache, rarer
 * checkpoints) are in force on the connection that writes — and they leave what a
 * durable commit syncs as it was: synchronous=FULL.
 */
class WriterPageSettingsTest {
    @TempDir Path dir;

    private static long pragma(Database db, String name) {
        return db.write(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void theWriterKeepsMorePagesAndCheckpointsLessOftenWithoutSyncingLess() {
        try (Database db = Database.open(dir.resolve("tuned.db"))) {
            assertEquals(-65536, pragma(db, "cache_size"), "64 MiB page cache");
            assertEquals(10_000, pragma(db, "wal_autocheckpoint"));
            assertEquals(2, pragma(db, "synchronous"), "a durable write still commits with synchronous=FULL");
        }
    }

    @Test
    void theUntunedBaselineKeepsSqlitesDefaults() {
        try (Database db = Database.openUntuned(dir.resolve("untuned.db"))) {
            assertEquals(-2000, pragma(db, "cache_size"));
            assertEquals(1000, pragma(db, "wal_autocheckpoint"));
            assertEquals(2, pragma(db, "synchronous"));
        }
    }

    @Test
    void theSettingsSurviveReopeningAFileThatAlreadyHasData() {
        Path file = dir.resolve("reopen.db");
        try (Database db = Database.open(file)) {
            assertEquals(10_000, pragma(db, "wal_autocheckpoint"));
        }
        try (Database db = Database.open(file)) {
            assertEquals(-65536, pragma(db, "cache_size"), "set per connection, at every open");
            assertEquals(10_000, pragma(db, "wal_autocheckpoint"));
        }
    }
}
