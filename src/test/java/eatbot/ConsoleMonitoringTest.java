package eatbot;

import eatbot.config.ConfigLoader;
import eatbot.console.Console;
import eatbot.ops.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console serves /health (no gateway to check) and /metrics too, and counts what is done in it. */
class ConsoleMonitoringTest {
    @TempDir
    Path dir;

    @Test
    void theConsoleServesHealthWithoutAGatewayAndCountsItsSuggestionsReactionsAndRefusals() {
        Map<String, String> env = Map.of("EATBOT_DB", dir.resolve("eatbot.db").toString(), "EATBOT_HTTP_PORT", "0");
        try (App app = new App(ConfigLoader.load(env))) {
            int port = app.serveMonitoring(null);
            assertTrue(port > 0, "a port was chosen");
            assertEquals(port, app.monitoringPort());
            Scrape.Page health = Scrape.get(port, "/health");
            assertEquals(200, health.status());
            assertEquals("ok", health.body().strip(), "no gateway part in the console");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Console console = new Console(app.service(), new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me")
                    .counting(app.metrics());
            console.handle("/eat");
            console.handle("/place add name:Pho 99 tags:vietnamese");
            console.handle("/eat");
            console.handle("+1");
            console.handle("+1"); // already noted: not a second reaction
            console.handle("/nonsense");

            String m = Scrape.get(port, "/metrics").body();
            assertEquals(1.0, Scrape.value(m, "eatbot_suggestions_total", "front_end=console"));
            assertEquals(1.0, Scrape.value(m, "eatbot_reactions_total", "front_end=console", "kind=like", "change=added"));
            assertEquals(1.0, Scrape.value(m, "eatbot_refusals_total", "front_end=console", "command=eat"), "no places yet");
            assertEquals(1.0, Scrape.value(m, "eatbot_refusals_total", "front_end=console", "command=other"),
                    "what people type never becomes a label");
            assertEquals(6.0, Scrape.value(m, "eatbot_interactions_seconds_count", "front_end=console"));
            assertTrue(Scrape.value(m, "eatbot_writer_commit_seconds_count") >= 3, m);
        }
    }

    @Test
    void withoutAPortNothingIsServed() {
        try (App app = new App(ConfigLoader.load(Map.of("EATBOT_DB", dir.resolve("quiet.db").toString())))) {
            assertEquals(-1, app.serveMonitoring(null));
            assertEquals(-1, app.monitoringPort());
        }
    }
}
