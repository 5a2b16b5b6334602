package eatbot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;


    private MainRun run(String stdin, Map<String, String> env, String... args) {
        return MainRun.of(stdin, env, args);
    }

    @Test
    void withoutATokenItExplainsHowToSetOneOrUseTheConsole() {
        MainRun r = run("", Map.of());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("DISCORD_TOKEN is not set"), r.err());
        assertTrue(r.err().contains("java -jar target/eatbot.jar console"), r.err());
    }

    @Test
    void inTheImageTheHintNamesTheImagesOwnCommand() {
        MainRun r = run("", Map.of("EATBOT_COMMAND", "docker run --rm -it -v eatbot-data:/data eatbot"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("To try it here:  docker run --rm -it -v eatbot-data:/data eatbot console"), r.err());
        assertTrue(!r.err().contains("target/eatbot.jar"), r.err());
    }

    @Test
    void aTakenMonitoringPortStopsTheBotButNotTheConsole() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> env = Map.of("EATBOT_DB", dir.resolve("port.db").toString(),
                    "EATBOT_HTTP_PORT", String.valueOf(taken.getLocalPort()), "DISCORD_TOKEN", "unused");
            MainRun bot = run("", env);
            assertEquals(6, bot.code(), bot.err());
            assertEquals(1, bot.err().lines().count(), bot.err());
            assertTrue(bot.err().contains("cannot serve /health and /metrics on 127.0.0.1:" + taken.getLocalPort()), bot.err());

            MainRun console = run("/place add name:Pho 99\nquit\n", env, "console");
            assertEquals(0, console.code(), console.err());
            assertTrue(console.out().startsWith("Added Pho 99"), console.out());
        }
    }

    @Test
    void theConsoleRunsAScriptFromStdinWithoutAPromptAndKeepsTheDatabase() {
        Path db = dir.resolve("data/console.db");
        Map<String, String> env = Map.of("EATBOT_DB", db.toString());
        MainRun first = run("/place add name:Pho 99 tags:vietnamese\n/eat\n+1\nquit\n", env, "console");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("Added Pho 99 · vietnamese."), first.out());
        assertTrue(first.out().contains("👍 Noted #1: me on Pho 99 (👍 1 👎 0)."), first.out());
        assertTrue(Files.exists(db));

        MainRun second = run("/taste\n", env, "console", "--user", "me");
        assertTrue(second.out().contains("👍 1 👎 0"), second.out());
    }

    @Test
    void aBadConfigStopsStartUpNamingTheKey() throws Exception {
        Path cfg = dir.resolve("bad.json");
        Files.writeString(cfg, "{\"defaults\": {\"polcy\": \"ucb1\"}}");
        MainRun r = run("", Map.of("EATBOT_CONFIG", cfg.toString(), "EATBOT_DB", dir.resolve("x.db").toString()), "console");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("unknown key 'defaults.polcy'"), r.err());
    }

    /** A place the console user liked (tagged spicy) and one nobody rated; then /eat not:spicy. */
    private static final String LIKED_BUT_FILTERED = "/eat\n/place add name:Hot Pot tags:spicy\n/eat\n+1\n/place add name:Noodle Bar\n/eat not:spicy\nquit\n";

    @Test
    void theConsoleAnswersInChineseWithEatbotLocaleZhCn() {
        Map<String, String> env = Map.of("EATBOT_DB", dir.resolve("zh.db").toString(), "EATBOT_LOCALE", "zh-CN");
        MainRun r = run(LIKED_BUT_FILTERED, env, "console");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("✗ 还没有任何店。用 /place add name:<店名> 加一家吧。"), r.out());
        assertTrue(r.out().contains("Hot Pot [spicy] — 🧭 尝尝鲜 (你: 👍 0 👎 0)"), r.out());
        assertTrue(r.out().contains("Noodle Bar — ↪️ 退而求其次"), r.out());
        assertTrue(r.out().contains("Hot Pot 本是你的首选，但被“not:spicy”排除了。"), r.out());
    }

    @Test
    void theConsoleStaysEnglishWithoutOrWithAnUnknownLocale() {
        for (String tag : List.of("", "en-US", "fr-FR", "zh-TW", "not a tag!")) {
            Map<String, String> env = Map.of("EATBOT_DB", dir.resolve("en" + tag.hashCode() + ".db").toString(), "EATBOT_LOCALE", tag);
            MainRun r = run(LIKED_BUT_FILTERED, env, "console");
            assertEquals(0, r.code(), tag + ": " + r.err());
            assertTrue(r.out().contains("✗ There are no places yet. Add one with /place add name:<place>."), tag + ": " + r.out());
            assertTrue(r.out().contains("Hot Pot [spicy] — 🧭 Trying something new (you: 👍 0 👎 0)"), tag + ": " + r.out());
            assertTrue(r.out().contains("Hot Pot, your best, is left out by not:spicy."), tag + ": " + r.out());
        }
    }

    @Test
    void theConfigsLocaleIsTheConsolesLanguageAndTheEnvironmentWins() throws Exception {
        Path cfg = dir.resolve("zh.json");
        Files.writeString(cfg, "{\"locale\": \"zh-CN\"}");
        MainRun zh = run("/eat\n", Map.of("EATBOT_CONFIG", cfg.toString(), "EATBOT_DB", dir.resolve("cfg.db").toString()), "console");
        assertTrue(zh.out().contains("还没有任何店"), zh.out());
        MainRun en = run("/eat\n", Map.of("EATBOT_CONFIG", cfg.toString(), "EATBOT_DB", dir.resolve("cfg.db").toString(), "EATBOT_LOCALE", "en"), "console");
        assertTrue(en.out().contains("There are no places yet"), en.out());
    }
}
