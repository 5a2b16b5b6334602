package eatbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One SQLite file or one PostgreSQL database ({@link #openPostgres}): migrations at open, a pool of read connections, and a single
 * writer thread. Writers never contend for SQLite's lock (so no SQLITE_BUSY):
 * the writer takes every task waiting in its queue, runs each in its own
 * savepoint inside one transaction (a batch of only {@link RepeatableWork} in
 * none), commits once, and only then completes the callers' futures — group
 * commit, so a task returns only when it is on disk.
 *
 * <p>Durability is chosen per write ({@link Durability}): a batch holding any
 * {@code DURABLE} task commits with synchronous=FULL (WAL synced at the commit:
 * survives a crash of the process or the machine); a batch of {@code RELAXED}
 * tasks only commits with synchronous=NORMAL (in the WAL, in the OS's page
 * cache: survives a crash of the process, and a power loss can lose it until
 * the next durable commit or checkpoint syncs the WAL, which then covers it).
 *
 * <p>On PostgreSQL the same writer (one per process) commits with {@code synchronous_commit=on}
 * for every batch: a returned write is in the server's synced WAL. Reads borrow HikariCP's pooled
 * connections; the driver keeps each connection's prepared statements itself.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_BATCH = 1024;
    private static final int READERS = 4;
    /** Batches at least this big are acknowledged off the writer thread. */
    private static final int ACK_HANDOFF = 32;

    /**
     * The writer's page settings (none of them changes what a commit syncs): a page
     * cache big enough to keep the B-trees' inner and hot leaf pages between batches
     * (SQLite's default is 2 MiB, so each event re-read its pages from the WAL or the
     * file); a checkpoint every 10,000 WAL pages (~40 MiB) instead of 1,000, so a page
     * written by many batches is copied back once. Not temp_store=MEMORY: it puts the
     * savepoints' sub-journal in memory, which measured several times slower here.
     */
    public static final List<String> PAGE_PRAGMAS = List.of("PRAGMA cache_size=-65536", "PRAGMA wal_autocheckpoint=10000");

    /** Work for the writer or a reader; SQL lives only in this package. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Work whose only effect is on the database, so it may be run again after a
     * rollback. A batch of only repeatable tasks runs with no savepoint (if one
     * fails, the transaction is rolled back and each is run again in its own);
     * in a mixed batch, consecutive repeatable tasks share one savepoint, rolled
     * back and run again one by one likewise: a failing task spoils no other.
     */
    @FunctionalInterface
    public interface RepeatableWork<T> extends Work<T> {
    }

    /** When a write's caller is told it is done. */
    public enum Durability {
        /** After the commit is synced to disk (synchronous=FULL): survives a power loss. */
        DURABLE,
        /**
         * After the commit is in the WAL (synchronous=NORMAL): survives a crash of the
         * process; a power loss or OS crash can lose it, and every later relaxed write,
         * until the next durable commit.
         */
        RELAXED
    }

    private record Task<T>(Work<T> work, Durability durability, CompletableFuture<T> done) {
        boolean repeatable() {
            return work instanceof RepeatableWork;
        }
    }

    private final Path file; // null on PostgreSQL
    private final Dialect dialect;
    private final HikariDataSource pool; // PostgreSQL's readers (and the writer's connection); null on SQLite
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> readers;
    private final Thread writer;
    private final ExecutorService acknowledger = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eatbot-db-acks");
        t.setDaemon(true);
        return t;
    });
    private final Connection writeConnection;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final PreparedStatement rollbackTo;
    private final boolean tuned; // false: SQLite's page defaults and savepoints always, a benchmark's baseline
    private Durability committing = Durability.DURABLE; // the writer connection's synchronous setting
    private volatile boolean closing;
    private volatile LongConsumer commitTimes = nanos -> {};

    private Database(Path file, boolean pageTuning) throws SQLException {
        this.file = file;
        this.dialect = Dialect.SQLITE;
        this.pool = null;
        this.tuned = pageTuning;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        migrate(dataSource, dialect);

        // statements are prepared once per connection and reused (see StatementCache)
        Connection rawWriter = dataSource.getConnection();
        if (pageTuning) {
            try (Statement st = rawWriter.createStatement()) {
                for (String pragma : PAGE_PRAGMAS) st.execute(pragma);
            }
        }
        this.writeConnection = StatementCache.wrap(rawWriter);
        this.readers = new ArrayBlockingQueue<>(READERS);
        for (int i = 0; i < READERS; i++) {
            Connection c = StatementCache.wrap(dataSource.getConnection());
            readers.add(c);
        }
        this.begin = writeConnection.prepareStatement(dialect.begin);
        this.commit = writeConnection.prepareStatement("COMMIT");
        this.rollback = writeConnection.prepareStatement("ROLLBACK");
        this.savepoint = writeConnection.prepareStatement("SAVEPOINT task");
        this.release = writeConnection.prepareStatement("RELEASE task");
        this.rollbackTo = writeConnection.prepareStatement("ROLLBACK TO task");
        this.writer = new Thread(this::writeLoop, "eatbot-db-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private Database(HikariDataSource pool) throws SQLException {
        this.file = null;
        this.dialect = Dialect.POSTGRES;
        this.pool = pool;
        this.tuned = true;
        migrate(pool, dialect);
        this.writeConnection = StatementCache.wrap(pool.getConnection()); // held for the process's life
        this.readers = null;
        this.begin = writeConnection.prepareStatement(dialect.begin);
        this.commit = writeConnection.prepareStatement("COMMIT");
        this.rollback = writeConnection.prepareStatement("ROLLBACK");
        this.savepoint = writeConnection.prepareStatement("SAVEPOINT task");
        this.release = writeConnection.prepareStatement("RELEASE task");
        this.rollbackTo = writeConnection.prepareStatement("ROLLBACK TO task");
        this.writer = new Thread(this::writeLoop, "eatbot-db-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private static void migrate(javax.sql.DataSource dataSource, Dialect dialect) {
        Flyway.configure().dataSource(dataSource).locations(dialect.migrations).loggers("slf4j").load().migrate();
    }

    /**
     * Opens a PostgreSQL database (any JDBC URL) and brings its schema up to date: one writer here,
     * {@link #READERS} pooled readers. The password is passed on, never logged.
     */
    public static Database openPostgres(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) config.setUsername(user);
        if (password != null && !password.isEmpty()) config.setPassword(password);
        config.setPoolName("eatbot-postgres");
        config.setMaximumPoolSize(READERS + 1);
        config.setConnectionTimeout(10_000);
        // one try at start-up: a wrong URL or password stops start-up at once (exit status 5), not after retries
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("connectTimeout", "10");
        // acknowledged = committed: the commit waits for the server's WAL flush whatever the server's default
        config.setConnectionInitSql("SET synchronous_commit = on");
        // instants are bound as ISO-8601 text and typed by the server (timestamptz), as SQLite stores them
        config.addDataSourceProperty("stringtype", "unspecified");
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            return new Database(pool);
        } catch (Exception e) {
            if (pool != null) pool.close();
            throw new StoreException(POSTGRES_UNAVAILABLE + " " + withoutPassword(url) + ": " + firstLine(e), e);
        }
    }

    /** How a failure to open PostgreSQL starts its message (Main's start-up line keys on it). */
    public static final String POSTGRES_UNAVAILABLE = "cannot open the PostgreSQL database";

    /** The URL as it may be shown: a password written into it (…?password=…) is masked. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    /** What the innermost cause said, up to its first sentence's end: the reason, without the driver's advice. */
    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        int end = m.indexOf(". ");
        return end < 0 ? m : m.substring(0, end);
    }

    /** The engine behind this database. */
    public Dialect dialect() {
        return dialect;
    }

    /** Opens (creating if missing) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        return open(file, true);
    }

    /**
     * {@link #open(Path)} as the writer was before {@link #PAGE_PRAGMAS} and savepoint-free
     * batches: SQLite's default page settings, every batch in savepoints. For benchmarks' baselines.
     */
    public static Database openUntuned(Path file) {
        return open(file, false);
    }

    private static Database open(Path file, boolean pageTuning) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new Database(file, pageTuning);
        } catch (Exception e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The SQLite file, or null on PostgreSQL. */
    public Path file() {
        return file;
    }

    /** Writes waiting for the writer (for monitoring). */
    public int queued() {
        return queue.size();
    }

    /** True once {@link #close()} has begun. */
    public boolean closed() {
        return closing;
    }

    /** True while the writer thread runs (for /health: it stops only at close, or on a bug). */
    public boolean writerAlive() {
        return writer.isAlive();
    }

    /** Told how long each batch took from BEGIN to the end of its COMMIT, in nanoseconds (for /metrics). */
    public void onCommit(LongConsumer nanos) {
        this.commitTimes = nanos;
    }

    /** Runs work on a read connection: sees every write that has returned. */
    public <T> T read(Work<T> work) {
        if (pool != null) {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }
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
        return write(Durability.DURABLE, work);
    }

    /** {@link #write(Work)}, returning once the commit has the given durability. */
    public <T> T write(Durability durability, Work<T> work) {
        CompletableFuture<T> f = submit(durability, work);
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

    /** Queues work for the writer; the future completes after the durable commit that holds it. */
    public <T> CompletableFuture<T> submit(Work<T> work) {
        return submit(Durability.DURABLE, work);
    }

    /** Queues work for the writer; the future completes after the commit that holds it has the given durability. */
    public <T> CompletableFuture<T> submit(Durability durability, Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closing) {
            f.completeExceptionally(new StoreException("the database is closing"));
            return f;
        }
        queue.add(new Task<>(work, durability, f));
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
        long started;
        try {
            useDurability(batch);
            // explicit BEGIN/COMMIT: the JDBC driver's non-autocommit mode would reopen a transaction
            // right after each commit and hold the write lock between batches
            started = System.nanoTime();
            begin.execute();
            try {
                if (!tuned || !allRepeatable(batch)) {
                    runInSavepoints(batch, results, failures);
                } else if (!runBare(batch, results)) {
                    for (int k = 0; k < batch.size(); k++) runAlone(batch.get(k), k, results, failures);
                }
                commit.execute(); // one sync (when durable) for the whole batch
            } catch (Throwable t) {
                try {
                    rollback.execute();
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
        try {
            commitTimes.accept(System.nanoTime() - started);
        } catch (RuntimeException e) {
            log.warn("the commit-time listener failed", e); // the commit stands; the writer goes on
        }
        acknowledge(batch, results, failures);
    }

    private static boolean allRepeatable(List<Task<?>> batch) {
        for (Task<?> t : batch) if (!t.repeatable()) return false;
        return true;
    }

    /**
     * A batch of repeatable tasks only, run with no savepoint at all: a savepoint makes
     * SQLite copy every page the batch touches into its sub-journal first, which halved
     * ingest (see README "Performance"). If any task fails, the whole transaction is
     * rolled back — nothing of the batch is kept — and a new one is begun to run them
     * again, each in its own savepoint, so a failing task still spoils no other.
     */
    private boolean runBare(List<Task<?>> batch, Object[] results) throws SQLException {
        try {
            for (int k = 0; k < batch.size(); k++) results[k] = batch.get(k).work().run(writeConnection);
            return true;
        } catch (Throwable t) {
            log.debug("a write of a batch of {} failed; running them again one savepoint each", batch.size(), t);
            try {
                rollback.execute();
            } catch (SQLException alreadyRolledBack) {
                // SQLite rolls some errors (a full disk, say) back itself
            }
            java.util.Arrays.fill(results, null);
            begin.execute();
            return false;
        }
    }

    /** Each task in a savepoint, consecutive repeatable ones sharing one (see {@link RepeatableWork}). */
    private void runInSavepoints(List<Task<?>> batch, Object[] results, Throwable[] failures) throws SQLException {
        int i = 0;
        while (i < batch.size()) {
            int end = i + 1;
            if (batch.get(i).repeatable()) {
                while (end < batch.size() && batch.get(end).repeatable()) end++;
            }
            if (end - i == 1 || !runShared(batch, i, end, results)) {
                for (int k = i; k < end; k++) runAlone(batch.get(k), k, results, failures);
            }
            i = end;
        }
    }

    private void acknowledge(List<Task<?>> batch, Object[] results, Throwable[] failures) {
        if (batch.size() < ACK_HANDOFF) {
            for (int i = 0; i < batch.size(); i++) complete(batch.get(i), results[i], failures[i]);
        } else {
            // waking hundreds of waiting producers takes a while: let another thread do it while
            // the writer starts the next commit (every task here is already durable)
            List<Task<?>> done = List.copyOf(batch);
            acknowledger.execute(() -> {
                for (int i = 0; i < done.size(); i++) complete(done.get(i), results[i], failures[i]);
            });
        }
    }

    /** Tasks from..to under one savepoint; false (and nothing of them kept) if any failed. */
    private boolean runShared(List<Task<?>> batch, int from, int to, Object[] results) throws SQLException {
        savepoint.execute();
        try {
            for (int k = from; k < to; k++) results[k] = batch.get(k).work().run(writeConnection);
        } catch (Throwable t) {
            rollbackTo.execute();
            release.execute();
            return false;
        }
        release.execute();
        return true;
    }

    private void runAlone(Task<?> task, int k, Object[] results, Throwable[] failures) throws SQLException {
        savepoint.execute();
        try {
            results[k] = task.work().run(writeConnection);
            release.execute();
        } catch (Throwable t) {
            rollbackTo.execute();
            release.execute();
            failures[k] = t;
        }
    }

    /** FULL when any task of the batch is durable, else NORMAL; set outside the transaction, only on change. */
    private void useDurability(List<Task<?>> batch) throws SQLException {
        if (dialect != Dialect.SQLITE) return; // PostgreSQL: synchronous_commit=on for every batch
        Durability wanted = Durability.RELAXED;
        for (Task<?> t : batch) {
            if (t.durability() == Durability.DURABLE) {
                wanted = Durability.DURABLE;
                break;
            }
        }
        if (wanted == committing) return;
        // not a reused prepared statement: SQLite applies this pragma when it prepares it, not when it runs
        try (Statement st = writeConnection.createStatement()) {
            st.execute(wanted == Durability.DURABLE ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        }
        committing = wanted;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object result, Throwable failure) {
        if (failure != null) task.done().completeExceptionally(failure);
        else task.done().complete((T) result);
    }


    /** Stops taking writes, finishes those queued, checkpoints the log and closes every connection. */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        try {
            writer.join(30_000);
            acknowledger.shutdown();
            acknowledger.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pool != null) {
            closeQuietly(writeConnection);
            pool.close();
            return;
        }
        Connection c;
        while ((c = readers.poll()) != null) closeQuietly(c);
        // readers closed first: a checkpoint cannot truncate the log under an open reader;
        // nor under the writer's own prepared statements
        StatementCache.release(writeConnection);
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
