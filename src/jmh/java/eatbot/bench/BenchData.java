package eatbot.bench;

import eatbot.bandit.GroupRule;
import eatbot.eat.GuildSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** Shared set-up of the store benchmarks: settings, big seeded databases on either engine, clean-up. */
final class BenchData {
    static final String GUILD = "bench-guild";
    static final GuildSettings DEFAULTS = GuildSettings.defaults();

    private BenchData() {}

    static String user(int i) {
        return String.format("u%06d", i); // zero-padded: inserted in primary-key order
    }

    /**
     * Fills the preferences of {@code users} people for every option id in
     * {@code optionIds}: one transaction, batched inserts in key order, so
     * 5M rows take seconds, not minutes.
     */
    static void fillPreferences(Connection c, long[] optionIds, int users, long seed) throws SQLException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        try (PreparedStatement steps = c.prepareStatement("INSERT INTO user_steps (guild_id, user_id, step) VALUES (?, ?, ?)");
             PreparedStatement prefs = c.prepareStatement("""
                     INSERT INTO preferences (guild_id, user_id, option_id, successes, failures, likes, dislikes, step)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (int u = 0; u < users; u++) {
                String user = user(u);
                int step = 0;
                for (long option : optionIds) {
                    int likes = r.nextInt(6);
                    int dislikes = r.nextInt(6);
                    step += likes + dislikes;
                    prefs.setString(1, GUILD);
                    prefs.setString(2, user);
                    prefs.setLong(3, option);
                    prefs.setDouble(4, likes);
                    prefs.setDouble(5, dislikes);
                    prefs.setInt(6, likes);
                    prefs.setInt(7, dislikes);
                    prefs.setLong(8, step);
                    prefs.addBatch();
                    pending++;
                }
                steps.setString(1, GUILD);
                steps.setString(2, user);
                steps.setLong(3, step);
                steps.addBatch();
                if (pending >= 50_000) {
                    prefs.executeBatch();
                    steps.executeBatch();
                    pending = 0;
                }
            }
            prefs.executeBatch();
            steps.executeBatch();
        }
    }

    /**
     * A benchmark's database: a SQLite file in a temporary folder, or ({@code engine} "postgres") a fresh
     * database on the server of EATBOT_BENCH_POSTGRES_URL (any database there, with _USER and _PASSWORD;
     * scripts/bench-postgres starts a throwaway one), dropped at the end.
     */
    static final class Target implements AutoCloseable {
        final boolean postgres;
        final Path dir;
        final Path file;
        private final String admin;
        private final String user;
        private final String password;
        private final String database;

        Target(String engine, String name) throws Exception {
            dir = Files.createTempDirectory("eatbot-" + name + "-bench");
            file = dir.resolve(name + ".db");
            postgres = engine.equals("postgres");
            if (!postgres) {
                if (!engine.equals("sqlite")) throw new IllegalArgumentException("engine is sqlite or postgres, not " + engine);
                admin = user = password = database = null;
                return;
            }
            admin = System.getenv("EATBOT_BENCH_POSTGRES_URL");
            if (admin == null) throw new IllegalStateException("engine=postgres needs EATBOT_BENCH_POSTGRES_URL (see scripts/bench-postgres)");
            user = System.getenv().getOrDefault("EATBOT_BENCH_POSTGRES_USER", "postgres");
            password = System.getenv().getOrDefault("EATBOT_BENCH_POSTGRES_PASSWORD", "");
            database = "bench_" + name + "_" + Long.toHexString(System.nanoTime());
            try (Connection c = java.sql.DriverManager.getConnection(admin, user, password); java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + database);
            }
        }

        String url() {
            return postgres ? admin.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database) : "jdbc:sqlite:" + file;
        }

        /** The store's database, as eatbot opens it. */
        eatbot.store.Database open() {
            return postgres ? eatbot.store.Database.openPostgres(url(), user, password) : eatbot.store.Database.open(file);
        }

        /** A raw loop's own connection, autocommit, nothing set: the caller sets its durability. */
        Connection connect() throws SQLException {
            if (!postgres) return java.sql.DriverManager.getConnection(url());
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", user);
            p.setProperty("password", password);
            p.setProperty("stringtype", "unspecified"); // as Database does: instants bound as text
            return java.sql.DriverManager.getConnection(url(), p);
        }

        /** Sets the raw connection's commit to wait for the disk ({@code durable}) or not, in each engine's words. */
        void durability(Connection c, boolean durable) throws SQLException {
            try (java.sql.Statement st = c.createStatement()) {
                if (postgres) {
                    st.execute(durable ? "SET synchronous_commit = on" : "SET synchronous_commit = off");
                } else {
                    st.execute("PRAGMA journal_mode=WAL");
                    st.execute(durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
                    st.execute("PRAGMA busy_timeout=60000");
                }
            }
        }

        String begin() {
            return postgres ? "BEGIN" : "BEGIN IMMEDIATE";
        }

        @Override
        public void close() throws Exception {
            deleteTree(dir);
            if (!postgres) return;
            try (Connection c = java.sql.DriverManager.getConnection(admin, user, password); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
