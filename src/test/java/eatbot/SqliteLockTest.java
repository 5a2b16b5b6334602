package eatbot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One eatbot process per SQLite file: a second one is refused at start-up in one line, and the file is free once the first ends. */
class SqliteLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessOnTheSameFileIsRefusedInOneLineAndMayStartOnceTheFirstHasGone() throws Exception {
        Path db = dir.resolve("eatbot.db");
        Path config = Files.writeString(dir.resolve("c.json"), "{}");
        Path out = dir.resolve("first.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", cp, "eatbot.Main", "console");
        pb.environment().put("EATBOT_DB", db.toString());
        pb.environment().put("EATBOT_CONFIG", config.toString());
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process first = pb.start();
        try (OutputStream stdin = first.getOutputStream()) {
            // the console answers a command once its database is open (and the lock taken)
            stdin.write("/place add name:Lock Noodles\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            awaitFile(out, "Lock Noodles");

            MainRun second = run(Map.of("EATBOT_DB", db.toString(), "EATBOT_CONFIG", config.toString()), "console");
            assertEquals(Main.DATABASE_IN_USE, second.code(), String.join("\n", second.errLines()));
            assertEquals(1, second.errLines().size(), "one line, no stack trace: " + second.errLines());
            String line = second.errLines().get(0);
            assertTrue(line.startsWith("eatbot: another eatbot process (pid " + first.pid() + ") is using " + db), line);
            assertTrue(line.length() <= 200, line);
            assertEquals("", second.out(), "the console never started");
        }
        // end of input: the first console quits and its lock goes with it
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first console ended");
        MainRun third = run(Map.of("EATBOT_DB", db.toString(), "EATBOT_CONFIG", config.toString()), "console");
        assertEquals(0, third.code(), String.join("\n", third.errLines()));
    }

    private static void awaitFile(Path file, String text) {
        eatbot.discord.Await.until("'" + text + "' in " + file, () -> {
            try {
                return Files.exists(file) && Files.readString(file).contains(text) ? Optional.of(true) : Optional.empty();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }, Duration.ofSeconds(60));
    }


    private static MainRun run(Map<String, String> env, String... args) {
        return MainRun.of("quit\n", env, args);
    }
}
