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

/** Shared set-up of the SQLite benchmarks: settings, big seeded databases, clean-up. */
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

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
