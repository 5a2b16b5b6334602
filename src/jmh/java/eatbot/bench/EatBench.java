package eatbot.bench;

import eatbot.bandit.Arms;
import eatbot.bandit.Choice;
import eatbot.bandit.Policies;
import eatbot.bandit.Policy;
import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.NewOption;
import eatbot.eat.Option;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code /eat} for one person through {@link EatService} on SQLite, with 100k
 * people × 50 places of preferences (5M rows) in the database, and beside it
 * the raw JDBC loop doing the same reads, the same Thompson draw and the same
 * insert on one connection with statements prepared once: {@code raw-jdbc}
 * commits it durably (synchronous=FULL, as eatbot did before), {@code
 * raw-jdbc-relaxed} with synchronous=NORMAL (as eatbot now records a
 * suggestion, see {@code Database.Durability.RELAXED}), and {@code
 * raw-jdbc-no-commit} skips the insert: what is left when the disk is taken
 * out. The fork
 * runs with a 256 MB heap: the database must not need more.
 *
 * <p>{@code engine} postgres runs the same on PostgreSQL ({@link BenchData.Target}; scripts/bench-postgres):
 * eatbot commits every write with synchronous_commit=on there, so {@code raw-jdbc} (on) is its
 * raw loop, {@code raw-jdbc-relaxed} the same with synchronous_commit=off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
public class EatBench {
    private static final Logger log = LoggerFactory.getLogger(EatBench.class);
    static final int USERS = 100_000;
    static final int PLACES = 50;

    @Param({"service", "raw-jdbc", "raw-jdbc-relaxed", "raw-jdbc-no-commit"})
    String impl;

    /** The guild's coldStartStrength (0 = off, the default); above 0 only {@code service} uses it. */
    @Param({"0"})
    double coldStart;

    @Param({"sqlite"})
    String engine;

    /** People in the guild (× 50 places of preference rows); 100,000 is the README's 5M-row database. */
    @Param({"100000"})
    int users;

    BenchData.Target target;
    JdbcEatStore store;
    EatService service;
    UniformRandomProvider pick;

    // the raw loop
    Connection raw;
    PreparedStatement options;
    PreparedStatement prefs;
    PreparedStatement insert;
    final Policy thompson = Policies.of("thompson", 0.1, 1);
    final UniformRandomProvider rng = Randomness.seeded(7);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        target = new BenchData.Target(engine, "eat");
        long started = System.nanoTime();
        try (JdbcEatStore s = new JdbcEatStore(target.open())) {
            List<NewOption> places = new ArrayList<>();
            for (int i = 0; i < PLACES; i++) places.add(new NewOption("Place " + i, List.of("tag" + i % 7), null, null, "bench"));
            s.createGuild(BenchData.DEFAULTS.forGuild(BenchData.GUILD), places, Instant.now());
            long[] ids = s.options(BenchData.GUILD, false).stream().mapToLong(Option::id).toArray();
            s.database().write(c -> {
                BenchData.fillPreferences(c, ids, users, 2026);
                return null;
            });
        }
        log.warn("generated {} users x {} places on {} in {} s", users, PLACES, engine, (System.nanoTime() - started) / 1_000_000_000);
        pick = Randomness.seeded(11);
        if (impl.equals("service")) {
            store = new JdbcEatStore(target.open());
            service = new EatService(store, BenchData.DEFAULTS, List.of(), Clock.systemUTC(), Randomness.seeded(3));
            if (coldStart > 0) {
                service.setColdStart(BenchData.GUILD, coldStart);
                long t0 = System.nanoTime(); // the first /eat sums the guild's evidence per place; later ones reuse it
                service.suggest(SuggestRequest.forUser(BenchData.GUILD, BenchData.user(0)));
                log.warn("first /eat with cold start (sums {} rows): {} ms", users * PLACES, (System.nanoTime() - t0) / 1_000_000);
            }
        } else {
            raw = target.connect();
            target.durability(raw, !impl.equals("raw-jdbc-relaxed"));
            options = raw.prepareStatement("SELECT id FROM options WHERE guild_id = ? AND archived = 0 ORDER BY name_key, id");
            prefs = raw.prepareStatement("SELECT option_id, successes, failures FROM preferences WHERE guild_id = ? AND user_id = ?");
            insert = raw.prepareStatement("""
                    INSERT INTO suggestions (guild_id, requested_by, members, option_id, policy, explored, created_at)
                    VALUES (?, ?, ?, ?, ?, 0, ?)""");
        }
    }

    @Benchmark
    public void eat(Blackhole bh) throws Exception {
        String user = BenchData.user(pick.nextInt(users));
        if (service != null) {
            Suggestion s = service.suggest(SuggestRequest.forUser(BenchData.GUILD, user));
            bh.consume(s);
        } else {
            bh.consume(rawEat(user));
        }
    }

    private long rawEat(String user) throws Exception {
        List<Long> ids = new ArrayList<>(PLACES);
        options.setString(1, BenchData.GUILD);
        try (ResultSet rs = options.executeQuery()) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        Arms arms = new Arms(ids.size(), 1, 1);
        prefs.setString(1, BenchData.GUILD);
        prefs.setString(2, user);
        try (ResultSet rs = prefs.executeQuery()) {
            while (rs.next()) {
                int i = ids.indexOf(rs.getLong(1));
                if (i >= 0) arms.set(i, rs.getDouble(2), rs.getDouble(3));
            }
        }
        long chosen = ids.get(thompson.choose(arms, rng));
        if (impl.equals("raw-jdbc-no-commit")) return chosen; // isolates the reads and the draw from the disk's sync
        insert.setString(1, BenchData.GUILD);
        insert.setString(2, user);
        insert.setString(3, user);
        insert.setLong(4, chosen);
        insert.setString(5, thompson.name());
        insert.setString(6, Instant.now().toString());
        insert.executeUpdate(); // autocommit: one commit, as /eat makes
        return chosen;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Runtime rt = Runtime.getRuntime();
        log.warn("heap in use at the end: {} MB of max {} MB", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        if (store != null) store.close();
        if (raw != null) raw.close();
        target.close();
    }
}
