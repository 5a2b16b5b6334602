package eatbot.discord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bot as its own process, stopped the way docker stop does it: SIGTERM. */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    /** Reactions sent just before SIGTERM: as many as the issue saw mostly lost. */
    static final int BURST = 425;

    @Test
    void sigtermStopsTheBotCleanlyAndRecordsEveryReactionItReceived() throws Exception {
        try (DiscordDouble discord = new DiscordDouble()) {
            DiscordDouble.Guild g = discord.addGuild();
            Path log = dir.resolve("bot.log");
            Path db = dir.resolve("eatbot.db");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "eatbot.Main")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DISCORD_TOKEN", DiscordDouble.TOKEN);
            pb.environment().put("EATBOT_DB", db.toString());
            pb.environment().put("EATBOT_CONFIG", Files.writeString(dir.resolve("c.json"),
                    "{ \"starterPlaces\": [ { \"name\": \"Last Orders Diner\" } ] }").toString());
            pb.environment().put("EATBOT_DISCORD_REST_URL", discord.restUrl());
            pb.environment().put("EATBOT_DISCORD_GATEWAY_URL", discord.gatewayUrl());
            pb.environment().put("EATBOT_LOG_LEVEL", "INFO");
            Process bot = pb.start();
            try {
                // a fresh JVM on a busy machine: be patient, and say what the bot printed if it never came
                try {
                    DiscordDouble.awaitCondition("the bot to register its commands", () -> discord.requests().stream()
                            .filter(r -> r.method().equals("PUT") && r.path().endsWith("/commands")).findFirst(), java.time.Duration.ofSeconds(90));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; alive=" + bot.isAlive() + "; the bot printed:\n" + Files.readString(log));
                }
                String[] taste = discord.slash(g, discord.id(), false, "taste", null);
                discord.awaitOriginal(taste[1]);
                String[] eat = discord.slash(g, discord.id(), false, "eat", null);
                String messageId = discord.awaitOriginal(eat[1]).get("id").asText();
                // eatbot adds its own 👍 once the message is linked to the suggestion
                discord.await("eatbot's own 👍", r -> r.method().equals("PUT") && r.path().contains("/messages/" + messageId + "/reactions/"));

                for (int i = 0; i < BURST; i++) discord.reactionAdd(g, discord.id(), messageId, "👍");
                bot.destroy(); // SIGTERM, right behind them
                DiscordDouble.awaitCondition("the bot to exit", () -> Optional.ofNullable(bot.isAlive() ? null : true),
                        java.time.Duration.ofSeconds(90));
                String out = Files.readString(log);
                assertTrue(out.contains("eatbot stopped: events stopped, writes finished, database closed"), out);
                assertEquals(BURST, likes(db), "every 👍 that reached the bot is in the database");
                String last = out.lines().filter(l -> l.contains("eatbot stopped")).reduce((a, b) -> b).orElseThrow();
                assertTrue(last.contains(BURST + " reaction event(s) received, " + BURST + " recorded, 0 not on a suggestion, 0 dropped"), last);
                // eatbot's own loggers (abbreviated "e.…") must report no error; JDA may log one when its
                // threads are interrupted mid-request on a loaded machine, which says nothing about our shutdown
                assertTrue(out.lines().noneMatch(l -> l.matches(".*\\bERROR\\s+e\\..*")), out);
            } finally {
                bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int likes(Path db) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM feedback WHERE reward = 1 AND retracted_at IS NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
