package eatbot;

import eatbot.eat.Feedback;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.reliability.TestBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code eatbot backup FILE} against a database that is being written, and the documented restore. */
class BackupCommandTest {
    private static final String G = "guild-1";

    @TempDir
    Path dir;

    private Map<String, String> env(Path db) throws Exception {
        Path config = dir.resolve("eatbot.json");
        if (!Files.exists(config)) Files.writeString(config, "{}");
        return Map.of("EATBOT_DB", db.toString(), "EATBOT_CONFIG", config.toString());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aBackupTakenWhileTheBotWritesIsConsistentAndRestores() throws Exception {
        Path backup = dir.resolve("backup.db");
        int ackedBeforeBackup;
        int ackedTotal;
        try (TestBot live = TestBot.open(dir)) {
            Suggestion s = live.service.suggest(SuggestRequest.forUser(G, "alice"));
            AtomicInteger acked = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        String user = "user-" + i;
                        if (live.service.react(G, s.id(), user, i % 3 == 0 ? Reaction.DISLIKE : Reaction.LIKE).changed()) acked.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            writer.start();
            awaitAtLeast(acked, 20);
            ackedBeforeBackup = acked.get();
            assertEquals(0, Main.run(new String[] {"backup", backup.toString()}, env(live.file)));
            awaitAtLeast(acked, ackedBeforeBackup + 20); // the bot kept writing through the backup
            stop.set(true);
            writer.join(30_000);
            assertNull(failed.get(), () -> "the live bot failed during the backup: " + failed.get());
            ackedTotal = acked.get();
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }

        // restore as README says: the bot stopped, the backup copied over the database, its -wal/-shm removed
        Path restored = dir.resolve("restored").resolve("eatbot.db");
        Files.createDirectories(restored.getParent());
        Files.copy(backup, restored, StandardCopyOption.REPLACE_EXISTING);
        try (TestBot back = TestBot.at(restored)) {
            List<Feedback> log = back.store.feedback(G);
            assertTrue(log.size() >= ackedBeforeBackup, "the backup lost reactions acknowledged before it started");
            assertTrue(log.size() <= ackedTotal);
            back.assertPreferencesMatchLog(G, dir);
            // and the bot carries on from it
            Suggestion next = back.service.suggest(SuggestRequest.forUser(G, "alice"));
            assertTrue(back.service.react(G, next.id(), "alice", Reaction.LIKE).changed());
        }
    }

    @Test
    void aBackupRefusesToOverwriteOrToCopyNothing() throws Exception {
        Path db = dir.resolve("eatbot.db");
        try (TestBot bot = TestBot.open(dir)) {
            bot.service.settings(G);
        }
        Path existing = dir.resolve("existing.db");
        Files.writeString(existing, "keep me");
        assertEquals(2, Main.run(new String[] {"backup", existing.toString()}, env(db)));
        assertArrayEquals("keep me".getBytes(), Files.readAllBytes(existing));
        assertEquals(2, Main.run(new String[] {"backup", db.toString(), "--force"}, env(db)), "the live database itself");
        assertEquals(0, Main.run(new String[] {"backup", existing.toString(), "--force"}, env(db)));
        assertFalse(new String(Files.readAllBytes(existing)).contains("keep me"));
        assertEquals(2, Main.run(new String[] {"backup", dir.resolve("x.db").toString()}, env(dir.resolve("missing.db"))));
    }

    private static void awaitAtLeast(AtomicInteger n, int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (n.get() < target) {
            if (System.nanoTime() > deadline) fail("the writer made no progress: " + n.get() + " of " + target);
            Thread.sleep(5);
        }
    }
}
