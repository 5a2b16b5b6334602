package eatbot.discord;

import eatbot.Main;
import eatbot.config.ConfigLoader;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static eatbot.discord.DiscordDouble.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A long, seeded, random mix of what Discord sends (reactions in every variant,
 * removals, duplicate deliveries, reactions on a reply not yet posted, dropped
 * connections the bot resumes, and restarts of the bot), then the check that
 * every person's reaction state in the database is what Discord shows.
 * Not part of {@code mvn test} (tag "soak"); run it with
 * {@code mvn -B test -Dtest=ReactionSoakTest -DexcludedGroups=none -Dsoak.events=5000 -Dsoak.seed=1}.
 * Bounded by {@code soak.events} and {@code soak.minutes}; loopback only.
 */
@Tag("soak")
class ReactionSoakTest {
    private static final String[] LIKES = {"👍", "👍🏻", "👍🏽", "👍🏿"};
    private static final String[] DISLIKES = {"👎", "👎🏼", "👎🏾"};

    @TempDir
    Path dir;

    /** One reaction as Discord keeps it: a person's emoji on a message, normal or super. */
    private record Key(String messageId, String userId, String emoji, boolean burst) {
        boolean like() {
            return emoji.startsWith("👍");
        }
    }

    @Test
    void everyReactionStateEndsAsDiscordShowsIt() throws Exception {
        int events = Integer.getInteger("soak.events", 3000);
        long seed = Long.getLong("soak.seed", 1);
        long deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("soak.minutes", 10)).toNanos(); // a bound, not a date
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Path db = dir.resolve("eatbot.db");
        Path config = Files.writeString(dir.resolve("eatbot.json"), "{ \"discord\": { \"eatPerMinute\": 1000 }, "
                + "\"starterPlaces\": [ {\"name\": \"Soak Soba\"}, {\"name\": \"Soak Sushi\"}, {\"name\": \"Soak Salad\"} ] }");
        try (DiscordDouble discord = new DiscordDouble()) {
            DiscordDouble.Guild g = discord.addGuild();
            Map<String, String> env = Map.of("EATBOT_CONFIG", config.toString(), "EATBOT_DB", db.toString(),
                    "EATBOT_DISCORD_REST_URL", discord.restUrl(), "EATBOT_DISCORD_GATEWAY_URL", discord.gatewayUrl());
            Main.Bot bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env));
            List<String> people = new ArrayList<>();
            for (int i = 0; i < 25; i++) people.add(discord.id());
            List<String> messages = new ArrayList<>();
            Set<Key> shown = new HashSet<>(); // what Discord shows: the reactions on the messages now
            int sent = 0, duplicates = 0, drops = 0, restarts = 0, racing = 0, whileDown = 0;
            boolean lastWasReaction = false; // only a reaction is delivered twice here (a second READY is another test)
            try {
                while (sent < events && System.nanoTime() - deadline < 0) {
                    int roll = rng.nextInt(1000);
                    boolean reaction = true;
                    if (messages.isEmpty() || roll < 10) {
                        awaitCondition("the bot to resume", () -> Optional.ofNullable(discord.connected() ? true : null), Duration.ofSeconds(60));
                        // a new suggestion, and someone reacting on "thinking…" before the reply is there
                        String[] eat = discord.slash(g, people.get(0), false, "eat", null);
                        String messageId = discord.awaitThinking(eat[1]).get("id").asText();
                        messages.add(messageId);
                        Key k = new Key(messageId, people.get(rng.nextInt(people.size())), "👍", false);
                        discord.reactionAdd(g, k.userId(), messageId, k.emoji(), false);
                        shown.add(k);
                        racing++;
                        sent++;
                        discord.awaitOriginal(eat[1]);
                    } else if (roll < 14 && discord.connected()) {
                        discord.dropConnection(); // the bot resumes; what is sent meanwhile is replayed to it
                        drops++;
                        reaction = false;
                    } else if (roll < 16 && discord.connected()) {
                        bot.close(); // a graceful restart: all it received is recorded
                        bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env));
                        restarts++;
                        reaction = false;
                    } else if (roll < 100 && discord.connected() && lastWasReaction) {
                        discord.replayLast(); // the same event delivered twice
                        duplicates++;
                    } else {
                        Key k = new Key(messages.get(rng.nextInt(messages.size())), people.get(rng.nextInt(people.size())),
                                rng.nextBoolean() ? LIKES[rng.nextInt(LIKES.length)] : DISLIKES[rng.nextInt(DISLIKES.length)],
                                rng.nextInt(5) == 0);
                        // Discord sends an add only for a reaction not there yet, a removal only for one that is
                        if (!discord.connected()) whileDown++;
                        if (shown.remove(k)) discord.reactionRemove(g, k.userId(), k.messageId(), k.emoji(), k.burst());
                        else if (shown.add(k)) discord.reactionAdd(g, k.userId(), k.messageId(), k.emoji(), k.burst());
                        sent++;
                    }
                    lastWasReaction = reaction;
                    // while the connection is down, reactions go on: the double keeps them for the bot's RESUME
                }
                awaitCondition("the bot to resume", () -> Optional.ofNullable(discord.connected() ? true : null), Duration.ofSeconds(60));
                Set<String> expected = expected(shown, bot);
                Main.Bot last = bot;
                try {
                    awaitCondition("every reaction state to be as Discord shows it", () -> {
                        try {
                            return Optional.ofNullable(stored(db, last).equals(expected) ? true : null);
                        } catch (SQLException e) {
                            throw new AssertionError(e);
                        }
                    }, Duration.ofSeconds(120));
                } catch (AssertionError e) {
                    Set<String> got = stored(db, last);
                    Set<String> missing = new TreeSet<>(expected);
                    missing.removeAll(got);
                    Set<String> extra = new TreeSet<>(got);
                    extra.removeAll(expected);
                    throw new AssertionError("after " + sent + " reaction events (seed " + seed + "): missing " + missing + ", extra " + extra);
                }
                System.out.printf("soak (seed %d): %d reaction events on %d messages, %d duplicates, %d reactions racing the reply, "
                        + "%d dropped connections (%d resumed, %d reactions sent meanwhile), %d restarts; %d reactions shown, all as stored%n",
                        seed, sent, messages.size(), duplicates, racing, drops, discord.resumes(), whileDown, restarts, shown.size());
                assertEquals(expected, stored(db, bot));
            } finally {
                bot.close();
            }
        }
    }

    /** What Discord shows, as the store keeps it: a person's 👍 (👎) on a suggestion while any 👍 (👎) variant of theirs is there. */
    private static Set<String> expected(Set<Key> shown, Main.Bot bot) {
        Map<String, Long> suggestionOf = new HashMap<>();
        Set<String> out = new TreeSet<>();
        for (Key k : shown) {
            long id = suggestionOf.computeIfAbsent(k.messageId(), m -> awaitCondition("message " + m + " to be a suggestion",
                    () -> bot.app().service().suggestionForMessage(m)).id());
            out.add(id + " " + k.userId() + " " + (k.like() ? 1 : 0));
        }
        return out;
    }

    private static Set<String> stored(Path db, Main.Bot bot) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT suggestion_id, user_id, reward FROM feedback WHERE retracted_at IS NULL")) {
            while (rs.next()) out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3));
        }
        return out;
    }
}
