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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(String stdin, Map<String, String> env, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args, env);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void withoutATokenItExplainsHowToSetOneOrUseTheConsole() {
        Run r = run("", Map.of());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("DISCORD_TOKEN is not set"), r.err());
        assertTrue(r.err().contains("java -jar target/eatbot.jar console"), r.err());
    }

    @Test
    void inTheImageTheHintNamesTheImagesOwnCommand() {
        Run r = run("", Map.of("EATBOT_COMMAND", "docker run --rm -it -v eatbot-data:/data eatbot"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("To try it here:  docker run --rm -it -v eatbot-data:/data eatbot console"), r.err());
        assertTrue(!r.err().contains("target/eatbot.jar"), r.err());
    }

    @Test
    void aTakenMonitoringPortStopsTheBotButNotTheConsole() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> env = Map.of("EATBOT_DB", dir.resolve("port.db").toString(),
                    "EATBOT_HTTP_PORT", String.valueOf(taken.getLocalPort()), "DISCORD_TOKEN", "unused");
            Run bot = run("", env);
            assertEquals(6, bot.code(), bot.err());
            assertEquals(1, bot.err().lines().count(), bot.err());
            assertTrue(bot.err().contains("cannot serve /health and /metrics on 127.0.0.1:" + taken.getLocalPort()), bot.err());

            Run console = run("/place add name:Pho 99\nquit\n", env, "console");
            assertEquals(0, console.code(), console.err());
            assertTrue(console.out().startsWith("Added Pho 99"), console.out());
        }
    }

    @Test
    void theConsoleRunsAScriptFromStdinWithoutAPromptAndKeepsTheDatabase() {
        Path db = dir.resolve("data/console.db");
        Map<String, String> env = Map.of("EATBOT_DB", db.toString());
        Run first = run("/place add name:Pho 99 tags:vietnamese\n/eat\n+1\nquit\n", env, "console");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("Added Pho 99 · vietnamese."), first.out());
        assertTrue(first.out().contains("👍 Noted #1: me on Pho 99 (👍 1 👎 0)."), first.out());
        assertTrue(Files.exists(db));

        Run second = run("/taste\n", env, "console", "--user", "me");
        assertTrue(second.out().contains("👍 1 👎 0"), second.out());
    }

    @Test
    void aBadConfigStopsStartUpNamingTheKey() throws Exception {
        Path cfg = dir.resolve("bad.json");
        Files.writeString(cfg, "{\"defaults\": {\"polcy\": \"ucb1\"}}");
        Run r = run("", Map.of("EATBOT_CONFIG", cfg.toString(), "EATBOT_DB", dir.resolve("x.db").toString()), "console");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("unknown key 'defaults.polcy'"), r.err());
    }
}
