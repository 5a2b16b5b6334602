package eatbot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eatbot.Main;
import eatbot.MainRun;
import eatbot.config.ConfigLoader;
import eatbot.ops.Scrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static eatbot.discord.DiscordDouble.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /health and /metrics of the bot started through its normal start-up path against the
 * local Discord double, read over HTTP as Prometheus and a probe read them, and the
 * {@code health} command's exit codes. The bound port is read back (EATBOT_HTTP_PORT=0).
 */
class MonitoringEndToEndTest {
    @TempDir
    static Path dir;
    static DiscordDouble discord;
    static Main.Bot bot;
    static int port;
    static DiscordDouble.Guild lunch;
    static DiscordDouble.Guild empty;

    @BeforeAll
    static void start() throws Exception {
        discord = new DiscordDouble();
        lunch = discord.addGuild();
        empty = discord.addGuild();
        bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env(discord, dir.resolve("eatbot.db"))));
        port = bot.app().monitoringPort();
    }

    static Map<String, String> env(DiscordDouble d, Path db) {
        return Map.of("EATBOT_DB", db.toString(), "EATBOT_HTTP_PORT", "0",
                "EATBOT_DISCORD_REST_URL", d.restUrl(), "EATBOT_DISCORD_GATEWAY_URL", d.gatewayUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) bot.close();
        if (discord != null) discord.close();
    }

    @Test
    void healthIsOkWhileConnectedAndTheHealthCommandSaysSo() {
        Scrape.Page health = Scrape.get(port, "/health");
        assertEquals(200, health.status(), health.body());
        assertEquals("ok", health.body().strip());

        MainRun r = health(Map.of("EATBOT_HTTP_PORT", String.valueOf(port)));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("healthy"), r.out());
    }

    @Test
    void countersMoveAfterAnEatAndAThumbsUp() {
        bot.app().service().addPlace(lunch.id(), discord.id(), "Pho 99", "vietnamese");
        String before = Scrape.get(port, "/metrics").body();
        String alice = discord.id();
        String bob = discord.id();

        String[] eat = discord.slash(lunch, alice, false, "eat", null);
        ObjectNode message = discord.awaitOriginal(eat[1]);
        String messageId = message.get("id").asText();
        awaitCondition("the message to be attached", () -> bot.app().service().suggestionForMessage(messageId));
        discord.reactionAdd(lunch, bob, messageId, "👍");

        String after = awaitCondition("the 👍 to be counted", () -> {
            String m = Scrape.get(port, "/metrics").body();
            return likes(m) > likes(before) ? Optional.of(m) : Optional.empty();
        });
        assertEquals(likes(before) + 1, likes(after), "one 👍, counted once");
        assertEquals(suggestions(before) + 1, suggestions(after));
        assertEquals(Scrape.value(before, "eatbot_interactions_seconds_count", "command=eat") + 1,
                Scrape.value(after, "eatbot_interactions_seconds_count", "command=eat"));
        // a histogram: buckets Prometheus can take quantiles from
        assertTrue(Scrape.has(after, "eatbot_interactions_seconds_bucket"), after);
        // the suggestion and the 👍 went through the writer
        assertTrue(Scrape.value(after, "eatbot_writer_commit_seconds_count") >= 2, after);
        assertTrue(Scrape.has(after, "eatbot_writer_queue_depth"));
        assertEquals(1.0, Scrape.value(after, "eatbot_gateway_connected"));
        assertTrue(Scrape.has(after, "eatbot_gateway_ping_seconds"));
        assertTrue(Scrape.has(after, "jvm_memory_used_bytes"), "the process's own");
    }

    @Test
    void aRefusalIsCounted() {
        String before = Scrape.get(port, "/metrics").body();
        String[] eat = discord.slash(empty, discord.id(), false, "eat", null);
        discord.awaitCallback(eat[0]);
        String after = awaitCondition("the refusal to be counted", () -> {
            String m = Scrape.get(port, "/metrics").body();
            return refusals(m) > refusals(before) ? Optional.of(m) : Optional.empty();
        });
        assertEquals(refusals(before) + 1, refusals(after), "no places yet: refused");
    }

    @Test
    void metricsAreInPrometheusTextFormat() {
        Scrape.Page metrics = Scrape.get(port, "/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        assertTrue(metrics.body().contains("# TYPE eatbot_writer_queue_depth gauge"), metrics.body());
        assertEquals(404, Scrape.get(port, "/healthz").status());
    }

    @Test
    void theHealthCommandFailsWhenNothingAnswersOrNoPortIsSet() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MainRun nothing = health(Map.of("EATBOT_HTTP_PORT", String.valueOf(closed)));
        assertEquals(1, nothing.code());
        assertTrue(nothing.err().contains("nothing answers"), nothing.err());
        assertEquals(1, nothing.err().lines().count(), nothing.err());

        MainRun unset = health(Map.of());
        assertEquals(1, unset.code());
        assertTrue(unset.err().contains("EATBOT_HTTP_PORT"), unset.err());
    }

    @Test
    void whenTheDatabaseStopsHealthIs503WithTheReasonAndSoIsTheGateway() throws Exception {
        // a bot of its own: this one loses its database, then its gateway
        try (DiscordDouble own = new DiscordDouble()) {
            own.addGuild();
            Main.Bot doomed = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env(own, dir.resolve("doomed.db"))));
            try {
                int p = doomed.app().monitoringPort();
                assertEquals(200, Scrape.get(p, "/health").status());

                doomed.app().store().close();
                Scrape.Page down = Scrape.get(p, "/health");
                assertEquals(503, down.status());
                assertEquals("database: closed; database writer: stopped", down.body().strip());
                MainRun r = health(Map.of("EATBOT_HTTP_PORT", String.valueOf(p)));
                assertEquals(1, r.code());
                assertTrue(r.err().contains("HTTP 503") && r.err().contains("database writer: stopped"), r.err());

                own.close();
                String gone = awaitCondition("the gateway to be missed", () -> {
                    String body = Scrape.get(p, "/health").body();
                    return body.contains("gateway: ") ? Optional.of(body) : Optional.empty();
                });
                assertTrue(gone.startsWith("gateway: "), gone);
            } finally {
                doomed.close();
            }
        }
    }

    private static double likes(String metrics) {
        return Scrape.value(metrics, "eatbot_reactions_total", "front_end=discord", "kind=like", "change=added");
    }

    private static double suggestions(String metrics) {
        return Scrape.value(metrics, "eatbot_suggestions_total", "front_end=discord");
    }

    private static double refusals(String metrics) {
        return Scrape.value(metrics, "eatbot_refusals_total", "front_end=discord", "command=eat");
    }


    private static MainRun health(Map<String, String> env) {
        return MainRun.of("", env, "health");
    }
}
