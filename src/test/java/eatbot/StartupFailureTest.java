package eatbot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What fails at start-up or on a file says so in one line, with its own exit status, and no stack trace. */
class StartupFailureTest {
    @TempDir
    Path dir;


    private MainRun run(Map<String, String> env, String... args) {
        return MainRun.of("quit\n", env, args);
    }

    /** An empty config file: the defaults, whatever config/ holds where the tests run. */
    private String config() throws java.io.IOException {
        Path c = dir.resolve("c.json");
        if (!Files.exists(c)) Files.writeString(c, "{}");
        return c.toString();
    }

    private static void assertOneLine(MainRun r, int status, String start, String end) {
        assertEquals(status, r.code(), String.join("\n", r.errLines()));
        assertEquals(1, r.errLines().size(), "one line, no stack trace:\n" + String.join("\n", r.errLines()));
        String line = r.errLines().get(0);
        assertTrue(line.startsWith(start) && line.endsWith(end) && line.length() <= 200, line);
    }

    @Test
    void aDatabaseThatCannotBeCreatedStopsStartUpInOneLine() throws Exception {
        // like EATBOT_DB=/proc/x/y.db, but refused to root as well: a folder that is a file
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file");
        Path db = notAFolder.resolve("eatbot.db");
        Map<String, String> env = Map.of("EATBOT_DB", db.toString(), "EATBOT_CONFIG", config());
        MainRun console = run(env, "console");
        assertOneLine(console, Main.DATABASE_UNAVAILABLE, "eatbot: cannot open database " + dir,
                "; set EATBOT_DB (or \"database\" in the config) to a file in a folder eatbot can write.");
        assertEquals("", console.out());

        MainRun bot = run(Map.of("EATBOT_DB", db.toString(), "EATBOT_CONFIG", config(), "DISCORD_TOKEN", "x"));
        assertEquals(console.errLines(), bot.errLines(), "the bot says the same as the console");
        assertEquals(Main.DATABASE_UNAVAILABLE, bot.code());
    }

    @Test
    void discordOutOfReachStopsStartUpInOneLine() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // free again once closed: nothing listens there
        }
        MainRun r = run(Map.of("DISCORD_TOKEN", "x", "EATBOT_DB", dir.resolve("eatbot.db").toString(),
                "EATBOT_CONFIG", config(),
                "EATBOT_DISCORD_REST_URL", "http://127.0.0.1:" + closed + "/api/v10/"));
        assertOneLine(r, Main.DISCORD_UNREACHABLE, "eatbot: cannot reach Discord (",
                "); check this machine's network, DNS or proxy and EATBOT_DISCORD_REST_URL, then start eatbot again.");
        assertTrue(Files.exists(dir.resolve("eatbot.db")), "the database was opened first, and closed again");
    }

    @Test
    void simulateToAnUnwritableCsvStopsInOneLineBeforeItRuns() throws Exception {
        Path csv = Files.writeString(dir.resolve("out"), "a file").resolve("regret.csv");
        MainRun r = run(Map.of(), "simulate", "--arms", "3", "--horizon", "1e9", "--csv", csv.toString());
        // 1e9 pulls would take minutes: returning at once shows the path was checked first
        assertOneLine(r, eatbot.sim.SimulateCommand.CANNOT_WRITE, "eatbot simulate: cannot write " + csv + " (",
                "); choose a file in a folder you can write to.");
        assertFalse(r.out().contains("thompson"), "no table: nothing ran");
    }

    @Test
    void everyFailureHasItsOwnStatus() {
        List<Integer> statuses = List.of(1, 2, Main.CONFIG_ERROR, Main.TOKEN_REFUSED, Main.DATABASE_UNAVAILABLE,
                Main.DISCORD_UNREACHABLE, eatbot.sim.SimulateCommand.CANNOT_WRITE);
        assertEquals(statuses.size(), statuses.stream().distinct().count(), statuses.toString());
    }
}
