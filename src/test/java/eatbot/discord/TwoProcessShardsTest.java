package eatbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eatbot.ServiceFixture;
import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;
import eatbot.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static eatbot.discord.DiscordDouble.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real bot processes (child JVMs) sharing one PostgreSQL and the Discord double with 4 shards:
 * each runs only the shards it leased; a third waits while the first lives and takes its shards
 * over when it is killed; a process paused past its lease writes nothing when it wakes, and an
 * interaction Discord gave to it and to its successor is answered and recorded once.
 */
class TwoProcessShardsTest {
    private static final int LEASE_SECONDS = 3;
    /** A child JVM starting JDA on a busy machine: a bound on waiting, generous on purpose. */
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void twoProcessesShareTheShardsAndAWaitingThirdTakesOverFromAKilledOneAndAPausedOneWritesNothing() throws Exception {
        TestPostgres.Db db = TestPostgres.freshDatabase("two_processes");
        try (DiscordDouble discord = new DiscordDouble(4)) {
            List<DiscordDouble.Guild> guilds = new ArrayList<>();
            for (int shard = 0; shard < 4; shard++) guilds.add(discord.addGuildOnShard(shard));
            List<Option> places = seedPlaces(db, guilds);
            Map<String, String> env = env(db, discord);

            try (BotProcess a = BotProcess.start("a", dir, with(env, "EATBOT_SHARDS", "0-1"));
                 BotProcess b = BotProcess.start("b", dir, with(env, "EATBOT_SHARDS", "2-3"))) {
                awaitCondition("all four shards connected", () -> BotProcess.yes(discord.connected()), START);
                assertEquals(List.of("[0,4]", "[1,4]", "[2,4]", "[3,4]"), identified(discord), "each shard identified once");
                assertEquals(Map.of(0, a.pid(), 1, a.pid(), 2, b.pid(), 3, b.pid()), leaseOwners(db));

                // every server is answered by its shard's owner, and a reaction counts once
                String amy = discord.id();
                List<String> messages = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    messages.add(eatAndLike(discord, db, guilds.get(i), places.get(i), amy));
                }

                try (BotProcess c = BotProcess.start("c", dir, with(env, "EATBOT_SHARDS", "0-1"))) {
                    c.awaitLine(START, "waiting for shard(s) [0, 1] of 4", a.pid() + "@");
                    assertEquals(4, discord.identifies().size(), "the third identified nothing while the first lives");

                    a.process.destroyForcibly(); // kill -9: no clean stop, no lease given back
                    a.process.waitFor();
                    awaitCondition("shards 0 and 1 back", () -> BotProcess.yes(discord.connected(0) && discord.connected(1)),
                            Duration.ofSeconds(LEASE_SECONDS).plus(START));
                    assertEquals(Map.of(0, c.pid(), 1, c.pid(), 2, b.pid(), 3, b.pid()), leaseOwners(db));
                    for (int i = 0; i < 2; i++) {
                        assertEquals(List.of(1, 0), counts(db, guilds.get(i), amy, places.get(i)), "amy's 👍 neither lost nor doubled");
                        eatAndLike(discord, db, guilds.get(i), places.get(i), discord.id());
                    }
                }

                // b paused past its lease; d takes shards 2-3 over while b's connections linger
                try (BotProcess d = BotProcess.start("d", dir, with(env, "EATBOT_SHARDS", "2-3"))) {
                    d.awaitLine(START, "waiting for shard(s) [2, 3] of 4", b.pid() + "@");
                    b.signal("STOP");
                    d.awaitLine(Duration.ofSeconds(LEASE_SECONDS).plus(START), "eatbot is online");
                    assertEquals(2, discord.sessions(2), "b's session lingers beside d's");
                    DiscordDouble.Guild g = guilds.get(2);
                    // Discord gives the interaction to both sessions of the shard; and one reaction only to b's
                    String[] eat = discord.slash(g, discord.id(), false, "eat", null);
                    discord.awaitOriginal(eat[1]);
                    String dave = discord.id();
                    discord.reactionAddToOldestSession(g, dave, messages.get(2), "👍");
                    b.signal("CONT");

                    b.awaitLine(START, "lost the lease of shard(s) [2, 3]");
                    b.awaitLine(START, "no longer holds the lease of shard 2");
                    // b stopped its shards (it may have tried the interaction first: Discord refuses a second acknowledgement)
                    awaitCondition("b's sessions closed", () -> BotProcess.yes(discord.sessions(2) == 1 && discord.sessions(3) == 1), START);
                    assertTrue(discord.callbacks(eat[0]) <= 2, "at most one try each");
                    assertEquals(1, suggestionsOf(db, g, eat[0]), "answered and recorded once");
                    assertEquals(List.of(0, 0), counts(db, g, dave, places.get(2)), "the paused process wrote nothing");
                    assertEquals(List.of(1, 0), counts(db, g, amy, places.get(2)));
                    eatAndLike(discord, db, g, places.get(2), discord.id()); // d serves on
                }
            }
        }
    }

    /** /eat in the guild answered with its place, and the member's 👍 on it counted once; returns the message id. */
    private static String eatAndLike(DiscordDouble discord, TestPostgres.Db db, DiscordDouble.Guild g, Option place, String user) {
        String[] eat = discord.slash(g, discord.id(), false, "eat", null);
        ObjectNode reply = discord.awaitOriginal(eat[1]);
        assertTrue(reply.toString().contains(place.name()), reply.toString());
        String messageId = reply.get("id").asText();
        // the reply's message is attached to its suggestion once the owner has its id
        awaitCondition("the message attached", () -> BotProcess.yes(attached(db, messageId)));
        discord.reactionAdd(g, user, messageId, "👍");
        awaitCondition(user + "'s 👍 counted", () -> BotProcess.yes(counts(db, g, user, place).equals(List.of(1, 0))));
        return messageId;
    }

    private static List<Option> seedPlaces(TestPostgres.Db db, List<DiscordDouble.Guild> guilds) {
        try (JdbcEatStore store = new JdbcEatStore(Database.openPostgres(db.url(), db.user(), db.password()))) {
            EatService service = new EatService(store, ServiceFixture.DEFAULTS, List.of(), Clock.systemUTC(), Randomness.seeded(7));
            List<Option> places = new ArrayList<>();
            for (int i = 0; i < guilds.size(); i++) places.add(service.addPlace(guilds.get(i).id(), "admin", "Shard " + i + " Noodles", ""));
            return places;
        }
    }

    private Map<String, String> env(TestPostgres.Db db, DiscordDouble discord) throws Exception {
        Path config = Files.writeString(dir.resolve("eatbot.json"), "{}");
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", DiscordDouble.TOKEN);
        env.put("EATBOT_CONFIG", config.toString());
        env.put("EATBOT_STORE", "postgres");
        env.put("EATBOT_POSTGRES_URL", db.url());
        env.put("EATBOT_POSTGRES_USER", db.user());
        env.put("EATBOT_POSTGRES_PASSWORD", db.password());
        env.put("EATBOT_SHARDS_TOTAL", "4");
        env.put("EATBOT_LOG_LEVEL", "INFO"); // the lines the test waits for: online, leases taken and lost
        env.put("EATBOT_SHARD_LEASE_SECONDS", String.valueOf(LEASE_SECONDS));
        // no gateway URL: each process asks GET gateway/bot, as on Discord
        env.put("EATBOT_DISCORD_REST_URL", discord.restUrl());
        return env;
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> m = new HashMap<>(env);
        m.put(key, value);
        return m;
    }

    private static List<String> identified(DiscordDouble discord) {
        return discord.identifies().stream().map(i -> i.get("shard")).map(JsonNode::toString).sorted().toList();
    }

    /** Shard → the pid of the process holding its lease (owners are "pid@host/…"). */
    private static Map<Integer, Long> leaseOwners(TestPostgres.Db db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT shard, owner FROM shard_leases");
             ResultSet rs = ps.executeQuery()) {
            Map<Integer, Long> out = new HashMap<>();
            while (rs.next()) out.put(rs.getInt(1), Long.parseLong(rs.getString(2).substring(0, rs.getString(2).indexOf('@'))));
            return out;
        }
    }

    private static boolean attached(TestPostgres.Db db, String messageId) {
        return query(db, "SELECT count(*) FROM suggestions WHERE message_id = ?", List.of(messageId)).get(0) == 1;
    }

    private static int suggestionsOf(TestPostgres.Db db, DiscordDouble.Guild g, String interactionId) {
        return query(db, "SELECT count(*) FROM suggestions WHERE guild_id = ? AND interaction_id = ?", List.of(g.id(), interactionId)).get(0);
    }

    private static List<Integer> counts(TestPostgres.Db db, DiscordDouble.Guild g, String user, Option place) {
        List<Integer> row = query(db, "SELECT likes, dislikes FROM preferences WHERE guild_id = ? AND user_id = ? AND option_id = "
                + place.id(), List.of(g.id(), user));
        return row.isEmpty() ? List.of(0, 0) : row;
    }

    private static List<Integer> query(TestPostgres.Db db, String sql, List<String> args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return List.of();
                List<Integer> out = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) out.add(rs.getInt(i));
                return out;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
