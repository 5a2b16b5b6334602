package eatbot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's group commit with reused statements: every acknowledged write is there exactly once. */
class DatabaseGroupCommitTest {
    @TempDir Path dir;

    private static void createTable(Database db) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, producer INTEGER, n INTEGER, UNIQUE (producer, n))")) {
                ps.execute();
            }
            return null;
        });
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Database.Work<Long> insert(int producer, int n) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (producer, n) VALUES (?, ?)")) {
                ps.setInt(1, producer);
                ps.setInt(2, n);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        };
    }

    @Test
    void concurrentProducersEachLandExactlyOnce() throws Exception {
        try (Database db = Database.open(dir.resolve("events.db"))) {
            createTable(db);
            int producers = 8;
            int each = 500;
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                results.add(pool.submit(() -> {
                    // pipelined like a busy gateway: submit many, then wait for every acknowledgement
                    List<CompletableFuture<Long>> acks = new ArrayList<>();
                    for (int n = 0; n < each; n++) acks.add(db.submit(insert(producer, n)));
                    List<Long> ids = new ArrayList<>();
                    for (CompletableFuture<Long> a : acks) ids.add(a.get(30, TimeUnit.SECONDS));
                    return ids;
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> f : results) ids.addAll(f.get(60, TimeUnit.SECONDS));
            pool.shutdown();
            assertEquals(producers * each, ids.size(), "every acknowledged write got its own row id");
            assertEquals(producers * each, count(db, "SELECT count(*) FROM events"));
        }
        // and it is all still there after a reopen: acknowledged means committed
        try (Database db = Database.open(dir.resolve("events.db"))) {
            assertEquals(8 * 500, count(db, "SELECT count(DISTINCT producer * 1000 + n) FROM events"));
        }
    }

    @Test
    void aFailingTaskLeavesNoTraceAndSparesItsBatch() throws Exception {
        try (Database db = Database.open(dir.resolve("events.db"))) {
            createTable(db);
            db.write(insert(1, 1));
            List<CompletableFuture<Long>> acks = new ArrayList<>();
            for (int n = 2; n < 50; n++) {
                acks.add(db.submit(insert(1, n)));
                // a duplicate after a good insert in the same task: the whole task must vanish
                int dup = n;
                if (n % 10 == 0) acks.add(db.submit(c -> {
                    insert(2, dup).run(c);
                    return insert(1, 1).run(c);
                }));
            }
            int failed = 0;
            for (CompletableFuture<Long> a : acks) {
                try {
                    a.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            assertEquals(4, failed);
            assertEquals(49, count(db, "SELECT count(*) FROM events WHERE producer = 1"));
            assertEquals(0, count(db, "SELECT count(*) FROM events WHERE producer = 2"), "half of a failed task was kept");
            assertThrows(RuntimeException.class, () -> db.write(insert(1, 1)));
        }
    }

    @Test
    void readsThroughReusedStatementsSeeEveryReturnedWrite() {
        try (Database db = Database.open(dir.resolve("events.db"))) {
            createTable(db);
            for (int n = 1; n <= 200; n++) {
                db.write(insert(3, n));
                assertEquals(n, count(db, "SELECT count(*) FROM events"), "after write " + n);
            }
        }
    }

    @Test
    void theSameStatementNestedInItsOwnLoopIsNotShared() {
        try (Database db = Database.open(dir.resolve("events.db"))) {
            createTable(db);
            for (int n = 1; n <= 3; n++) db.write(insert(4, n));
            String sql = "SELECT n FROM events WHERE producer = ? ORDER BY n";
            long pairs = db.read(c -> {
                long seen = 0;
                try (PreparedStatement outer = c.prepareStatement(sql)) {
                    outer.setInt(1, 4);
                    try (ResultSet a = outer.executeQuery()) {
                        while (a.next()) {
                            try (PreparedStatement inner = c.prepareStatement(sql)) {
                                inner.setInt(1, 4);
                                try (ResultSet b = inner.executeQuery()) {
                                    while (b.next()) seen++;
                                }
                            }
                        }
                    }
                }
                return seen;
            });
            assertEquals(9, pairs);
        }
    }
}
