package eatbot.bench;

import eatbot.eat.NewOption;
import eatbot.eat.Option;
import eatbot.eat.Reaction;
import eatbot.eat.Suggestion;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feedback ingest: 👍/👎 events per second durably committed, each one the
 * store's full feedback transaction (duplicate check, step, log row,
 * preference upsert: three statements, see {@code JdbcEatStore.feedbackWork}).
 * Modes:
 * <ul>
 *   <li>{@code group-P-sync}: ours, P producers each waiting for every acknowledgement;</li>
 *   <li>{@code group-P-window}: ours, P producers keeping up to 256 events in flight
 *       ({@code JdbcEatStore.submitFeedback}), acknowledged after their commit;</li>
 *   <li>{@code before-P-window}: the previous feedback transaction (six statements: duplicate
 *       check, read step, upsert step, log row, read preference, upsert preference), submitted
 *       through the same {@link Database} as a plain task (its own savepoint), as the store did;</li>
 *   <li>{@code autocommit-P}: the naive baseline, P connections, one transaction per event;</li>
 *   <li>{@code raw-jdbc-100}: SQLite's own limit for the six-statement transaction, one
 *       connection, statements prepared once, 100 events per commit, no queue, no savepoints;</li>
 *   <li>{@code raw-jdbc-100-nosync}: the same with synchronous=OFF: not durable, only
 *       there to show what the events cost in CPU when the disk's sync is taken out;</li>
 *   <li>{@code lean-jdbc-100}, {@code lean-jdbc-100-nosync}: the same two for the
 *       three-statement transaction eatbot now runs;</li>
 *   <li>{@code lean-jdbc-1000}: that raw loop with 1,000 events per commit (about eatbot's batches
 *       under 8 producers);</li>
 *   <li>{@code same-jdbc-1000}: the lean loop plus the reaction-variant insert: exactly the four
 *       statements {@code JdbcEatStore.feedbackWork} runs now, 1,000 events per commit;</li>
 *   <li>{@code tuned-jdbc-100}, {@code tuned-jdbc-1000}: the lean raw loop with the writer's page
 *       settings ({@link Database#PAGE_PRAGMAS});</li>
 *   <li>{@code untuned-8-window}: ours with SQLite's default page settings
 *       ({@link Database#openUntuned}), what eatbot did before them.</li>
 * </ul>
 * People's ids are scattered 18-digit numbers, like Discord's ({@link #userId}).
 * {@code engine} postgres runs the group and lean modes on PostgreSQL ({@link BenchData.Target}):
 * {@code -nosync} is synchronous_commit=off there; the SQLite page settings do not apply.
 * Every trial ends by counting the log: each acknowledged event exactly once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class IngestBench {
    static final int EVENTS = 4096;
    static final int WINDOW = 256;

    @Param({"group-1-sync", "group-8-sync", "group-1-window", "group-8-window", "before-1-window", "before-8-window",
            "autocommit-1", "autocommit-8", "raw-jdbc-100", "raw-jdbc-100-nosync", "lean-jdbc-100", "lean-jdbc-100-nosync", "lean-jdbc-1000", "tuned-jdbc-100", "tuned-jdbc-1000", "untuned-8-window", "same-jdbc-1000"})
    String mode;

    @Param({"sqlite"})
    String engine;

    BenchData.Target target;
    JdbcEatStore store;
    List<Suggestion> suggestions;
    ExecutorService producers;
    int producerCount;
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong userCounter = new AtomicLong();
    final ThreadLocal<RawFeedback> rawPerThread = new ThreadLocal<>();
    final List<RawFeedback> raws = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        target = new BenchData.Target(engine, "ingest");
        if (target.postgres && (mode.startsWith("untuned") || mode.startsWith("tuned"))) {
            throw new IllegalArgumentException(mode + " is about SQLite's page settings");
        }
        store = new JdbcEatStore(mode.startsWith("untuned") ? Database.openUntuned(target.file) : target.open());
        List<NewOption> places = new ArrayList<>();
        for (int i = 0; i < 50; i++) places.add(new NewOption("Place " + i, List.of(), null, null, "bench"));
        store.createGuild(BenchData.DEFAULTS.forGuild(BenchData.GUILD), places, Instant.now());
        List<Option> options = store.options(BenchData.GUILD, false);
        suggestions = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            suggestions.add(store.addSuggestion(BenchData.GUILD, "asker", List.of("asker"), options.get(i % options.size()),
                    "thompson", false, Instant.now()));
        }
        if (!mode.startsWith("group") && !mode.startsWith("before") && !mode.startsWith("untuned")) {
            store.close(); // the baselines talk to the file directly
            store = null;
        }
        producerCount = mode.contains("-jdbc-") ? 1 : Integer.parseInt(mode.split("-")[1]);
        producers = Executors.newFixedThreadPool(producerCount);
    }

    /** One invocation: EVENTS events split over the producers, all acknowledged. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void ingest() throws Exception {
        int each = EVENTS / producerCount;
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < producerCount; p++) done.add(producers.submit(() -> {
            produce(each);
            return null;
        }));
        for (Future<?> f : done) f.get();
    }

    private void produce(int n) throws Exception {
        Instant now = Instant.now();
        if (mode.endsWith("-sync")) {
            for (int i = 0; i < n; i++) {
                if (store.addFeedback(next(), nextUser(), Reaction.LIKE, 1.0, now).changed()) acknowledged.incrementAndGet();
            }
        } else if (mode.endsWith("-window")) {
            Semaphore inFlight = new Semaphore(WINDOW);
            List<CompletableFuture<?>> pending = new ArrayList<>(n);
            boolean before = mode.startsWith("before");
            for (int i = 0; i < n; i++) {
                inFlight.acquire();
                CompletableFuture<Boolean> ack = before
                        ? store.database().submit(beforeWork(next(), nextUser(), now))
                        : store.submitFeedback(next(), nextUser(), Reaction.LIKE, 1.0, now).thenApply(r -> r.changed());
                pending.add(ack.whenComplete((changed, e) -> {
                    inFlight.release();
                    if (e == null && changed) acknowledged.incrementAndGet();
                }));
            }
            for (CompletableFuture<?> f : pending) f.get();
        } else {
            RawFeedback raw = raw();
            int perCommit = mode.contains("-jdbc-1000") ? 1000 : mode.contains("-jdbc-100") ? 100 : 1;
            for (int i = 0; i < n; i += perCommit) {
                int k = Math.min(perCommit, n - i);
                raw.commitEvents(this, k, now);
                acknowledged.addAndGet(k);
            }
        }
    }

    /** The store's previous feedback transaction, six statements, as a plain (own-savepoint) task. */
    static Database.Work<Boolean> beforeWork(Suggestion s, String user, Instant now) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, step FROM feedback WHERE suggestion_id = ? AND user_id = ? AND reward = ? AND retracted_at IS NULL")) {
                ps.setLong(1, s.id());
                ps.setString(2, user);
                ps.setInt(3, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return false;
                }
            }
            long step;
            try (PreparedStatement ps = c.prepareStatement("SELECT step FROM user_steps WHERE guild_id = ? AND user_id = ?")) {
                ps.setString(1, s.guildId());
                ps.setString(2, user);
                try (ResultSet rs = ps.executeQuery()) {
                    step = (rs.next() ? rs.getLong(1) : 0) + 1;
                }
            }
            Prep prep = Prep.closing(c);
            RawFeedback.writeStepAndLog(prep, s, user, step, now);
            RawFeedback.readAndSavePreference(prep, s, user, step);
            return true;
        };
    }

    Suggestion next() {
        return suggestions.get((int) (userCounter.get() % suggestions.size()));
    }

    String nextUser() {
        return userId(userCounter.incrementAndGet()); // a new person per event: every event must count
    }

    /**
     * The n-th person's id: 18 digits like a Discord snowflake, scattered over the key space as
     * real people's ids are (n times an odd constant is one-to-one modulo 2^56), so that every
     * user-keyed B-tree takes its inserts all over, not appended at one end as "p1, p2, …" were.
     */
    static String userId(long n) {
        return Long.toString(100_000_000_000_000_000L + ((n * 0x9E3779B97F4A7C15L) & ((1L << 56) - 1)));
    }

    private RawFeedback raw() throws SQLException {
        RawFeedback r = rawPerThread.get();
        if (r == null) {
            r = new RawFeedback(target, !mode.endsWith("-nosync"), !mode.startsWith("raw"), mode.startsWith("tuned"),
                    mode.startsWith("same"));
            rawPerThread.set(r);
            synchronized (raws) {
                raws.add(r);
            }
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        producers.shutdown();
        producers.awaitTermination(1, TimeUnit.MINUTES);
        for (RawFeedback r : raws) r.close();
        long logged;
        try (Connection c = target.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT user_id) FROM feedback")) {
            rs.next();
            logged = rs.getLong(1);
            if (rs.getLong(2) != logged) throw new IllegalStateException("an event was logged twice");
        }
        if (store != null) store.close();
        if (logged != acknowledged.get()) {
            throw new IllegalStateException(acknowledged.get() + " events acknowledged but " + logged + " in the log");
        }
        System.err.printf("%n[%s] %d events acknowledged, %d in the log: none lost, none twice%n", mode, acknowledged.get(), logged);
        target.close();
    }

    /** Where a statement comes from: the Database's cached connection (closed after use), or a raw loop's own map. */
    interface Prep {
        PreparedStatement of(String sql) throws SQLException;

        void done(PreparedStatement ps) throws SQLException;

        static Prep closing(Connection c) {
            return new Prep() {
                public PreparedStatement of(String sql) throws SQLException {
                    return c.prepareStatement(sql);
                }

                public void done(PreparedStatement ps) throws SQLException {
                    ps.close(); // hands it back to the Database connection's statement cache
                }
            };
        }

        static Prep preparedOnce(Connection c) {
            java.util.Map<String, PreparedStatement> once = new java.util.HashMap<>();
            return new Prep() {
                public PreparedStatement of(String sql) throws SQLException {
                    PreparedStatement ps = once.get(sql);
                    if (ps == null) once.put(sql, ps = c.prepareStatement(sql));
                    return ps;
                }

                public void done(PreparedStatement ps) {
                }
            };
        }
    }

    /** The feedback transaction in plain JDBC, on its own connection, statements prepared once: the baselines. */
    static final class RawFeedback implements AutoCloseable {
        final Connection c;
        final boolean lean;
        final PreparedStatement active;
        final PreparedStatement step;
        final PreparedStatement leanLog;
        final PreparedStatement leanPref;
        final Prep prep;
        final String begin;
        final PreparedStatement variant; // null: not written (the loops from before reaction variants)

        RawFeedback(BenchData.Target target, boolean durable, boolean lean, boolean tuned, boolean variants) throws SQLException {
            this.lean = lean;
            c = target.connect();
            variant = variants ? c.prepareStatement("""
                    INSERT INTO reaction_variants (suggestion_id, user_id, reward, variant, guild_id) VALUES (?, ?, 1, '👍', ?)
                    ON CONFLICT DO NOTHING""") : null;
            prep = Prep.preparedOnce(c);
            begin = target.begin();
            target.durability(c, true);
            try (Statement st = c.createStatement()) {
                if (!target.postgres && !durable) st.execute("PRAGMA synchronous=OFF");
                if (target.postgres && !durable) st.execute("SET synchronous_commit = off");
                if (tuned) for (String pragma : Database.PAGE_PRAGMAS) st.execute(pragma);
            }
            active = c.prepareStatement("SELECT id, step FROM feedback WHERE suggestion_id = ? AND user_id = ? AND reward = ? AND retracted_at IS NULL");
            step = c.prepareStatement("SELECT step FROM user_steps WHERE guild_id = ? AND user_id = ?");
            leanLog = c.prepareStatement("""
                    INSERT INTO feedback (guild_id, suggestion_id, user_id, option_id, reward, step, created_at)
                    VALUES (?, ?, ?, ?, 1, coalesce((SELECT step FROM user_steps WHERE guild_id = ? AND user_id = ?), 0) + 1, ?)
                    ON CONFLICT DO NOTHING RETURNING step""");
            leanPref = c.prepareStatement("""
                    INSERT INTO preferences AS p (guild_id, user_id, option_id, successes, failures, likes, dislikes, step)
                    VALUES (?, ?, ?, 1, 0, 1, 0, ?)
                    ON CONFLICT (guild_id, user_id, option_id) DO UPDATE SET
                      successes = p.successes + 1, likes = p.likes + 1, step = excluded.step
                    RETURNING successes, failures""");
        }

        /** k events in one transaction (BEGIN IMMEDIATE … COMMIT): durable when this returns. */
        void commitEvents(IngestBench bench, int k, Instant now) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute(begin);
                try {
                    for (int i = 0; i < k; i++) {
                        if (lean) leanEvent(bench.next(), bench.nextUser(), now);
                        else event(bench.next(), bench.nextUser(), now);
                    }
                    st.execute("COMMIT");
                } catch (SQLException e) {
                    st.execute("ROLLBACK");
                    throw e;
                }
            }
        }

        /** Six statements: the store's transaction before. */
        private void event(Suggestion s, String user, Instant now) throws SQLException {
            active.setLong(1, s.id());
            active.setString(2, user);
            active.setInt(3, 1);
            try (ResultSet rs = active.executeQuery()) {
                if (rs.next()) throw new IllegalStateException("fresh user already reacted");
            }
            step.setString(1, s.guildId());
            step.setString(2, user);
            long st;
            try (ResultSet rs = step.executeQuery()) {
                st = (rs.next() ? rs.getLong(1) : 0) + 1;
            }
            writeStepAndLog(prep, s, user, st, now);
            readAndSavePreference(prep, s, user, st);
        }

        /** Three statements: the store's transaction now. */
        private void leanEvent(Suggestion s, String user, Instant now) throws SQLException {
            if (variant != null) {
                variant.setLong(1, s.id());
                variant.setString(2, user);
                variant.setString(3, s.guildId());
                variant.executeUpdate();
            }
            leanLog.setString(1, s.guildId());
            leanLog.setLong(2, s.id());
            leanLog.setString(3, user);
            leanLog.setLong(4, s.option().id());
            leanLog.setString(5, s.guildId());
            leanLog.setString(6, user);
            leanLog.setString(7, now.toString());
            long st;
            try (ResultSet rs = leanLog.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("fresh user already reacted");
                st = rs.getLong(1);
            }
            PreparedStatement ps = prep.of(SAVE_STEP);
            ps.setString(1, s.guildId());
            ps.setString(2, user);
            ps.setLong(3, st);
            ps.executeUpdate();
            leanPref.setString(1, s.guildId());
            leanPref.setString(2, user);
            leanPref.setLong(3, s.option().id());
            leanPref.setLong(4, st);
            try (ResultSet rs = leanPref.executeQuery()) {
                rs.next();
            }
        }

        static final String SAVE_STEP = """
                INSERT INTO user_steps (guild_id, user_id, step) VALUES (?, ?, ?)
                ON CONFLICT (guild_id, user_id) DO UPDATE SET step = excluded.step""";

        static void writeStepAndLog(Prep prep, Suggestion s, String user, long st, Instant now) throws SQLException {
            PreparedStatement ps = prep.of(SAVE_STEP);
            try {
                ps.setString(1, s.guildId());
                ps.setString(2, user);
                ps.setLong(3, st);
                ps.executeUpdate();
            } finally {
                prep.done(ps);
            }
            ps = prep.of("""
                    INSERT INTO feedback (guild_id, suggestion_id, user_id, option_id, reward, step, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""");
            try {
                ps.setString(1, s.guildId());
                ps.setLong(2, s.id());
                ps.setString(3, user);
                ps.setLong(4, s.option().id());
                ps.setInt(5, 1);
                ps.setLong(6, st);
                ps.setString(7, now.toString());
                ps.executeUpdate();
            } finally {
                prep.done(ps);
            }
        }

        static void readAndSavePreference(Prep prep, Suggestion s, String user, long st) throws SQLException {
            double succ = 0;
            double fail = 0;
            int likes = 0;
            int dislikes = 0;
            PreparedStatement ps = prep.of(
                    "SELECT successes, failures, likes, dislikes FROM preferences WHERE guild_id = ? AND user_id = ? AND option_id = ?");
            try {
                ps.setString(1, s.guildId());
                ps.setString(2, user);
                ps.setLong(3, s.option().id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        succ = rs.getDouble(1);
                        fail = rs.getDouble(2);
                        likes = rs.getInt(3);
                        dislikes = rs.getInt(4);
                    }
                }
            } finally {
                prep.done(ps);
            }
            ps = prep.of("""
                    INSERT INTO preferences (guild_id, user_id, option_id, successes, failures, likes, dislikes, step)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (guild_id, user_id, option_id) DO UPDATE SET
                      successes = excluded.successes, failures = excluded.failures, likes = excluded.likes,
                      dislikes = excluded.dislikes, step = excluded.step""");
            try {
                ps.setString(1, s.guildId());
                ps.setString(2, user);
                ps.setLong(3, s.option().id());
                ps.setDouble(4, succ + 1);
                ps.setDouble(5, fail);
                ps.setInt(6, likes + 1);
                ps.setInt(7, dislikes);
                ps.setLong(8, st);
                ps.executeUpdate();
            } finally {
                prep.done(ps);
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }
}
