package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.Feedback;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only SQLite does: the file, WAL mode, migrations, the writer's batches. The port's behaviour: {@link SqliteEatStoreContractTest}. */
class SqliteEatStoreTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFileAndItsFolderWithTheSchemaInWalMode() throws Exception {
        Path file = dir.resolve("nested/folder/eatbot.db");
        try (Fixture f = new Fixture(file, 1)) {
            f.service.addPlace("g", "u", "Pho 99", "");
        }
        assertTrue(Files.exists(file));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("SELECT max(version) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "migrations recorded");
        }
    }

    @Test
    void aFailingWriteLeavesNothingAndDoesNotSpoilOthersInTheSameBatch() throws Exception {
        try (Fixture f = new Fixture(dir.resolve("batch.db"), 5)) {
            f.service.addPlace("g", "u", "Pho 99", "");
            Database db = f.store.database();
            var bad = db.submit(c -> {
                c.createStatement().executeUpdate("UPDATE options SET name = 'half written' WHERE guild_id = 'g'");
                throw new IllegalStateException("boom");
            });
            var good = db.submit(c -> c.createStatement().executeUpdate("UPDATE options SET tags = 'ok' WHERE guild_id = 'g'"));
            assertThrows(java.util.concurrent.ExecutionException.class, bad::get);
            assertEquals(1, good.get());
            Option o = f.service.places("g").get(0);
            assertEquals("Pho 99", o.name());
            assertEquals(java.util.List.of("ok"), o.tags());
        }
    }

    /**
     * V8 on a database written before it: instants in Instant.toString()'s form are rewritten with nine
     * fraction digits (so ranges compare as text), and the comma-joined members fill suggestion_members
     * (so "was this person in it" finds them): the export and the range reads see the old rows.
     */
    @Test
    void version8RewritesOldInstantsAndListsOldMembers() throws Exception {
        Path file = dir.resolve("v7.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration").target("7")
                .loggers("slf4j").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO guilds (id, created_at, policy, epsilon, ucb_c, prior_alpha, prior_beta, group_rule, cooldown_days,"
                    + " discount, cold_start_strength, time_zone) VALUES ('g', '2025-03-12T11:00:00Z', 'thompson', 0.1, 1, 1, 1,"
                    + " 'least-misery', 0, 1, 0, 'UTC')");
            st.executeUpdate("INSERT INTO options (id, guild_id, name, name_key, created_at) VALUES (1, 'g', 'Pho 99', 'pho 99', '2025-03-12T11:00:00Z')");
            st.executeUpdate("INSERT INTO suggestions (id, guild_id, requested_by, members, option_id, policy, explored, created_at)"
                    + " VALUES (1, 'g', 'alice', 'alice,bob,carol', 1, 'thompson', 0, '2025-03-12T12:00:00Z')");
            st.executeUpdate("INSERT INTO feedback (guild_id, suggestion_id, user_id, option_id, reward, step, created_at)"
                    + " VALUES ('g', 1, 'bob', 1, 1, 1, '2025-03-12T12:00:00Z'), ('g', 1, 'carol', 1, 1, 1, '2025-03-12T12:00:00.5Z')");
        }
        try (JdbcEatStore store = new JdbcEatStore(Database.open(file))) {
            assertEquals(java.util.List.of("carol"), store.feedbackSince("g", java.time.Instant.parse("2025-03-12T12:00:00.250Z"))
                    .stream().map(Feedback::userId).toList());
            assertEquals(2, store.feedbackSince("g", java.time.Instant.parse("2025-03-12T11:59:59.999Z")).size());
            PersonalData bob = store.personalData("g", "bob");
            assertEquals(1, bob.suggestions().size(), "bob was a member of the old suggestion");
            assertEquals(java.util.List.of("alice", "bob", "carol"), bob.suggestions().get(0).members());
            store.forget("g", "bob");
            assertEquals(java.util.List.of("alice", PersonalData.FORGOTTEN_USER, "carol"),
                    store.suggestion("g", 1).orElseThrow().members());
            assertEquals(0, store.personalData("g", "bob").suggestions().size());
            assertEquals(1, store.personalData("g", "carol").suggestions().size());
        }
    }
}
