package eatbot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-write durability: a batch of relaxed writes commits with synchronous=NORMAL,
 * any durable write in a batch makes it FULL; and repeatable writes sharing a
 * savepoint still fail alone.
 */
class WriteDurabilityTest {
    private static final int NORMAL = 1;
    private static final int FULL = 2;

    @TempDir Path dir;

    /** What the writer's connection commits this task's batch with. */
    private static final Database.Work<Integer> SYNC_SETTING = c -> {
        try (PreparedStatement ps = c.prepareStatement("PRAGMA synchronous"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    };

    /** Holds the writer until released, so what is submitted meanwhile forms one batch. */
    private static final class Gate {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<Object> task;

        Gate(Database db) throws InterruptedException {
            task = db.submit(c -> {
                held.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            assertTrue(held.await(30, TimeUnit.SECONDS), "the writer took the gate");
        }

        void open() throws Exception {
            release.countDown();
            task.get(30, TimeUnit.SECONDS);
        }
    }

    private static void createTable(Database db) {
        db.write(c -> {
            c.createStatement().execute("CREATE TABLE events (id INTEGER PRIMARY KEY, n INTEGER UNIQUE)");
            return null;
        });
    }

    private static long count(Database db) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void relaxedBatchesCommitWithNormalAndAnyDurableWriteMakesItsBatchFull() throws Exception {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            assertEquals(FULL, db.write(SYNC_SETTING));
            assertEquals(NORMAL, db.write(Database.Durability.RELAXED, SYNC_SETTING));
            assertEquals(FULL, db.write(SYNC_SETTING), "back to FULL after a relaxed batch");

            Gate gate = new Gate(db);
            CompletableFuture<Integer> relaxed = db.submit(Database.Durability.RELAXED, SYNC_SETTING);
            CompletableFuture<Integer> durable = db.submit(SYNC_SETTING);
            gate.open();
            assertEquals(FULL, relaxed.get(30, TimeUnit.SECONDS), "a relaxed write sharing a batch with a durable one is durable too");
            assertEquals(FULL, durable.get(30, TimeUnit.SECONDS));

            gate = new Gate(db);
            List<CompletableFuture<Integer>> allRelaxed = new ArrayList<>();
            for (int i = 0; i < 5; i++) allRelaxed.add(db.submit(Database.Durability.RELAXED, SYNC_SETTING));
            gate.open();
            for (CompletableFuture<Integer> f : allRelaxed) assertEquals(NORMAL, f.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void relaxedWritesAreReadableAtOnceAndStillThereAfterAReopen() {
        Path file = dir.resolve("r.db");
        try (Database db = Database.open(file)) {
            createTable(db);
            for (int n = 0; n < 20; n++) {
                int k = n;
                db.write(Database.Durability.RELAXED, c -> c.createStatement().executeUpdate("INSERT INTO events (n) VALUES (" + k + ")"));
                assertEquals(n + 1, count(db), "a returned relaxed write is visible to readers");
            }
        }
        try (Database db = Database.open(file)) {
            assertEquals(20, count(db));
        }
    }

    @Test
    void aFailingRepeatableWriteSpoilsNoneOfThoseSharingItsSavepoint() throws Exception {
        try (Database db = Database.open(dir.resolve("s.db"))) {
            createTable(db);
            Gate gate = new Gate(db);
            List<CompletableFuture<Long>> acks = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                int k = n;
                acks.add(db.submit((Database.RepeatableWork<Long>) c -> {
                    c.createStatement().executeUpdate("INSERT INTO events (n) VALUES (" + k + ")");
                    if (k == 6) throw new IllegalStateException("event 6 is bad"); // after writing: that must be undone
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
            }
            gate.open();
            for (int n = 0; n < 10; n++) {
                if (n == 6) {
                    ExecutionException e = assertThrows(ExecutionException.class, acks.get(n)::get);
                    assertEquals("event 6 is bad", e.getCause().getMessage());
                } else {
                    // run again after the shared savepoint's rollback: each sees only those before it, once
                    assertEquals(n < 6 ? n + 1 : n, acks.get(n).get(30, TimeUnit.SECONDS), "event " + n);
                }
            }
            assertEquals(9, count(db));
        }
    }

    @Test
    void aBatchOfRepeatableWritesWhereOneBreaksAConstraintKeepsEveryOtherAndThatOneNot() throws Exception {
        // a batch of only repeatable writes runs with no savepoint: SQLite's own error must still cost only its task
        try (Database db = Database.open(dir.resolve("c.db"))) {
            createTable(db);
            Gate gate = new Gate(db);
            List<CompletableFuture<Integer>> acks = new ArrayList<>();
            int[] ns = {0, 1, 2, 3, 2, 4, 5}; // the second 2 breaks UNIQUE, after its batch has written others
            for (int i = 0; i < ns.length; i++) {
                int k = ns[i];
                int own = 100 + i;
                acks.add(db.submit((Database.RepeatableWork<Integer>) c -> {
                    c.createStatement().executeUpdate("INSERT INTO events (n) VALUES (" + own + ")"); // written before it fails
                    return c.createStatement().executeUpdate("INSERT INTO events (n) VALUES (" + k + ")");
                }));
            }
            gate.open();
            for (int i = 0; i < ns.length; i++) {
                if (i == 4) assertThrows(ExecutionException.class, () -> acks.get(4).get(30, TimeUnit.SECONDS));
                else assertEquals(1, acks.get(i).get(30, TimeUnit.SECONDS), "write " + i);
            }
            assertEquals(12, count(db), "six writes of two rows each, nothing of the failing one");
            assertEquals(0L, (long) db.<Long>read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM events WHERE n = 104")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }), "the failing write's first row is undone");
        }
        try (Database db = Database.open(dir.resolve("c.db"))) {
            assertEquals(12, count(db), "and all of it committed");
        }
    }
}
