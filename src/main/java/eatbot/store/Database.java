package eatbot.store;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One SQLite file: migrations at open, a pool of read connections, and a single
 * writer thread. Writers never contend for SQLite's lock (so no SQLITE_BUSY):
 * the writer takes every task waiting in its queue, runs each in its own
 * savepoint inside one transaction, commits once, and only then completes the
 * callers' futures — group commit, so a task returns only when it is on disk.
 *
 * <p>Durability: WAL with synchronous=FULL syncs the log at every commit, so an
 * acknowledged write survives a crash of the process or the machine.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_BATCH = 1024;
    private static final int READERS = 4;

    /** Work for the writer or a reader; SQL lives only in this package. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private record Task<T>(Work<T> work, CompletableFuture<T> done) {}

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> readers;
    private final Thread writer;
    private final Connection writeConnection;
    private volatile boolean closing;

    private Database(Path file) throws SQLException {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        this.dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .loggers("slf4j").load().migrate();

        this.writeConnection = dataSource.getConnection();
        this.readers = new ArrayBlockingQueue<>(READERS);
        for (int i = 0; i < READERS; i++) {
            Connection c = dataSource.getConnection();
            readers.add(c);
        }
        this.writer = new Thread(this::writeLoop, "eatbot-db-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Opens (creating if missing) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new Database(file);
        } catch (Exception e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs work on a read connection: sees every write that has returned. */
    public <T> T read(Work<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    /**
     * Runs work in the writer's transaction and waits until it is committed.
     * If the work throws, its savepoint is rolled back (nothing of it is kept)
     * and the exception is rethrown here unchanged when it is unchecked.
     */
    public <T> T write(Work<T> work) {
        CompletableFuture<T> f = submit(work);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new StoreException(cause.getMessage(), cause);
        }
    }

    /** Queues work for the writer; the future completes after the commit that holds it. */
    public <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closing) {
            f.completeExceptionally(new StoreException("the database is closing"));
            return f;
        }
        queue.add(new Task<>(work, f));
        return f;
    }

    private void writeLoop() {
        List<Task<?>> batch = new ArrayList<>();
        while (true) {
            try {
                Task<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) return;
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                if (closing && queue.isEmpty()) return;
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Task<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        try (Statement st = writeConnection.createStatement()) {
            // explicit BEGIN/COMMIT: the JDBC driver's non-autocommit mode would reopen a transaction
            // right after each commit and hold the write lock between batches
            st.execute("BEGIN IMMEDIATE");
            try {
                for (int i = 0; i < batch.size(); i++) {
                    st.execute("SAVEPOINT task");
                    try {
                        results[i] = batch.get(i).work().run(writeConnection);
                        st.execute("RELEASE task");
                    } catch (Throwable t) {
                        st.execute("ROLLBACK TO task");
                        st.execute("RELEASE task");
                        failures[i] = t;
                    }
                }
                st.execute("COMMIT");
            } catch (Throwable t) {
                try {
                    st.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the original failure is reported below
                }
                throw t;
            }
        } catch (Throwable t) {
            log.error("commit of {} writes failed", batch.size(), t);
            for (Task<?> task : batch) task.done().completeExceptionally(new StoreException("write failed: " + t.getMessage(), t));
            return;
        }
        for (int i = 0; i < batch.size(); i++) complete(batch.get(i), results[i], failures[i]);
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object result, Throwable failure) {
        if (failure != null) task.done().completeExceptionally(failure);
        else task.done().complete((T) result);
    }

    /**
     * Copies the live database into {@code target} with SQLite's online backup,
     * while the bot keeps reading and writing.
     */
    public void backupTo(Path target) {
        Path abs = target.toAbsolutePath();
        read(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("backup to '" + abs.toString().replace("'", "''") + "'");
            }
            return null;
        });
    }

    /** Stops taking writes, finishes those queued, checkpoints the log and closes every connection. */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c;
        while ((c = readers.poll()) != null) closeQuietly(c);
        // readers closed first: a checkpoint cannot truncate the log under an open reader
        try (Statement st = writeConnection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.warn("checkpoint at close failed: {}", e.getMessage());
        }
        closeQuietly(writeConnection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
