package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feedback queries' plans (EXPLAIN QUERY PLAN of the store's own SQL): each
 * reads through the index that narrows it to the rows it wants, never a walk over
 * the guild's whole feedback — on a new database (no statistics, what SQLite
 * plans most of the time here) and after ANALYZE on a busy guild alike.
 */
class QueryPlanTest {
    @TempDir
    Path dir;

    @Test
    void feedbackQueriesUseTheNarrowIndexWithAndWithoutStatistics() {
        try (Fixture f = new Fixture(dir.resolve("plans.db"), 1)) {
            Database db = f.store.database();
            assertPlans(db, "no statistics");

            seedBusyGuild(f);
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                return null;
            });
            assertPlans(db, "after ANALYZE");
        }
    }

    private static void assertPlans(Database db, String when) {
        String history = plan(db, JdbcEatStore.feedbackOnWhere(Dialect.SQLITE, 10));
        assertTrue(history.contains("USING INDEX feedback_active (suggestion_id=?)"), when + ", /eat history: " + history);

        String cooldown = plan(db, JdbcEatStore.mealQuery(JdbcEatStore.MEALS_SINCE));
        assertTrue(cooldown.contains("USING INDEX meals_recent (guild_id=? AND decided_at>?)"), when + ", cooldown (meals): " + cooldown);

        String since = plan(db, JdbcEatStore.FEEDBACK_SINCE);
        assertTrue(since.contains("USING INDEX feedback_recent (guild_id=? AND created_at>?)"), when + ", feedbackSince: " + since);

        String export = plan(db, JdbcEatStore.PERSON_FEEDBACK);
        assertTrue(export.contains("USING INDEX feedback_user (guild_id=? AND user_id=?)"), when + ", privacy export: " + export);

        for (String p : List.of(history, cooldown, since, export)) {
            assertFalse(p.contains("SCAN feedback") || p.contains("SCAN m"), when + ": a full scan: " + p);
            assertFalse(p.matches("(?s).*\\((guild_id=\\?)\\).*"), when + ": the guild's whole feedback: " + p);
        }
    }

    /** The plan's detail lines, one per line. */
    private static String plan(Database db, String where) {
        return db.read(c -> {
            List<String> lines = new ArrayList<>();
            String sql = where.startsWith("SELECT") ? where : JdbcEatStore.feedbackQuery(where);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) lines.add(rs.getString(4));
            }
            return String.join("\n", lines);
        });
    }

    /** 40 people, 400 suggestions, 6,000 reactions in one guild: enough for ANALYZE to see who is selective. */
    private static void seedBusyGuild(Fixture f) {
        Option o = f.service.addPlace("g", "alice", "Pho 99", "");
        f.store.database().write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO suggestions (id, guild_id, requested_by, members, option_id, policy, explored, created_at)
                    VALUES (?, 'g', 'alice', 'alice', ?, 'thompson', 0, '2026-01-01T00:00:00Z')""");
                 PreparedStatement fb = c.prepareStatement("""
                         INSERT INTO feedback (guild_id, suggestion_id, user_id, option_id, reward, step, created_at)
                         VALUES ('g', ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 1; i <= 400; i++) {
                    s.setLong(1, i);
                    s.setLong(2, o.id());
                    s.executeUpdate();
                    for (int u = 0; u < 15; u++) {
                        fb.setLong(1, i);
                        fb.setString(2, "u" + (i * 7 + u) % 40);
                        fb.setLong(3, o.id());
                        fb.setInt(4, (i + u) % 2);
                        fb.setLong(5, i);
                        fb.setString(6, java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 600L + u).toString());
                        fb.executeUpdate();
                    }
                }
            }
            return null;
        });
        assertEquals(6000, f.store.feedback("g").size());
    }
}
