package eatbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eatbot.Main;
import eatbot.config.ConfigLoader;
import eatbot.eat.Option;
import eatbot.ops.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static eatbot.discord.DiscordDouble.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Discord that shards (the double recommends 2 shards and sends each server's events only on its
 * shard's connection): the bot identifies as each shard it runs and answers every server over the right one.
 */
class ShardedDiscordTest {
    @TempDir
    Path dir;

    private Map<String, String> env(DiscordDouble discord, String... more) throws Exception {
        Path config = Files.writeString(dir.resolve("eatbot.json"), "{}");
        Map<String, String> env = new HashMap<>(Map.of(
                "EATBOT_CONFIG", config.toString(),
                "EATBOT_DB", dir.resolve("eatbot.db").toString(),
                // no gateway URL: the bot asks GET gateway/bot, as on Discord
                "EATBOT_DISCORD_REST_URL", discord.restUrl()));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    @Test
    void withTheTotalLeftToDiscordEveryShardIdentifiesAndEachServerIsAnsweredOverItsOwn() throws Exception {
        try (DiscordDouble discord = new DiscordDouble(2)) {
            DiscordDouble.Guild even = discord.addGuildOnShard(0);
            DiscordDouble.Guild odd = discord.addGuildOnShard(1);
            try (Main.Bot bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env(discord, "EATBOT_HTTP_PORT", "0")))) {
                assertEquals(Set.of("[0,2]", "[1,2]"), shardsIdentified(discord));
                assertEquals(2, bot.discord().shards().getShardsRunning());
                // the operator sees each shard: healthy with both connected, a gauge per shard
                int port = bot.app().monitoringPort();
                assertEquals(200, Scrape.get(port, "/health").status());
                String metrics = Scrape.get(port, "/metrics").body();
                assertEquals(1.0, Scrape.value(metrics, "eatbot_gateway_connected", "shard=[0 / 2]"), metrics);
                assertEquals(1.0, Scrape.value(metrics, "eatbot_gateway_connected", "shard=[1 / 2]"), metrics);
                for (DiscordDouble.Guild g : List.of(even, odd)) {
                    Option place = bot.app().service().addPlace(g.id(), "admin", "Shard Soup " + discord.shardOf(g.id()), "");
                    String[] eat = discord.slash(g, discord.id(), false, "eat", null);
                    ObjectNode reply = discord.awaitOriginal(eat[1]);
                    assertTrue(reply.toString().contains(place.name()), reply.toString());
                    awaitOwnReactions(discord, reply);
                    // the reaction, too, reaches the bot only over the server's shard
                    String amy = discord.id();
                    String messageId = reply.get("id").asText();
                    awaitCondition("the message to be attached", () -> bot.app().service().suggestionForMessage(messageId));
                    discord.reactionAdd(g, amy, messageId, "👍");
                    StoredCounts.await(dir.resolve("eatbot.db"), g, amy, place.id(), 1, 0);
                }
            }
        }
    }

    @Test
    void aProcessGivenShardOneOfTwoIdentifiesOnlyThatOneAndHearsOnlyItsServers() throws Exception {
        try (DiscordDouble discord = new DiscordDouble(2)) {
            DiscordDouble.Guild even = discord.addGuildOnShard(0);
            DiscordDouble.Guild odd = discord.addGuildOnShard(1);
            Map<String, String> env = env(discord, "EATBOT_SHARDS_TOTAL", "2", "EATBOT_SHARDS", "1");
            try (Main.Bot bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env))) {
                assertEquals(Set.of("[1,2]"), shardsIdentified(discord));
                assertFalse(discord.connected(0), "shard 0 is another process's");
                Option place = bot.app().service().addPlace(odd.id(), "admin", "Odd Noodles", "");
                String[] eat = discord.slash(odd, discord.id(), false, "eat", null);
                ObjectNode reply = discord.awaitOriginal(eat[1]);
                assertTrue(reply.toString().contains(place.name()));
                awaitOwnReactions(discord, reply);
                // Discord has nobody to give shard 0's events to
                assertThrows(IllegalStateException.class, () -> discord.slash(even, discord.id(), false, "eat", null));
                assertEquals(null, bot.discord().shards().getGuildById(even.id()), "shard 0's server is not loaded here");
            }
        }
    }

    /** eatbot's own 👍 and 👎 under its reply (else closing the bot would wait for them in flight). */
    private static void awaitOwnReactions(DiscordDouble discord, ObjectNode reply) {
        String messageId = reply.get("id").asText();
        discord.await("eatbot's own 👎 on " + messageId, r -> r.method().equals("PUT")
                && r.path().contains("/messages/" + messageId + "/reactions/👎/@me"));
    }

    private static Set<String> shardsIdentified(DiscordDouble discord) {
        return discord.identifies().stream().map(i -> i.get("shard")).map(JsonNode::toString).collect(Collectors.toSet());
    }
}
