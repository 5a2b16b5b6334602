package eatbot;

import eatbot.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing PostgreSQL by environment: the console works on it, and bad settings stop start-up in one line. */
class PostgresStartTest {
    @TempDir
    Path dir;


    private static MainRun run(String stdin, Map<String, String> env, String... args) {
        return MainRun.of(stdin, env, args);
    }

    private Map<String, String> postgres() {
        TestPostgres.Db db = TestPostgres.database("start-" + System.nanoTime());
        Map<String, String> env = new HashMap<>();
        env.put("EATBOT_STORE", "postgres");
        env.put("EATBOT_POSTGRES_URL", db.url());
        env.put("EATBOT_POSTGRES_USER", db.user());
        if (!db.password().isEmpty()) env.put("EATBOT_POSTGRES_PASSWORD", db.password());
        env.put("EATBOT_DB", dir.resolve("data/never.db").toString());
        return env;
    }

    @Test
    void theConsoleKeepsItsPlacesAndTasteInPostgresqlAndNoSqliteFile() {
        Map<String, String> env = postgres();
        MainRun first = run("/place add name:Pho 99 tags:vietnamese\n/eat\n+1\nquit\n", env, "console");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("👍 Noted #1: me on Pho 99 (👍 1 👎 0)."), first.out());

        MainRun second = run("/taste\n", env, "console", "--user", "me");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("👍 1 👎 0"), second.out());
        assertFalse(Files.exists(dir.resolve("data/never.db")), "the SQLite file is not made when the store is PostgreSQL");
    }

    @Test
    void anUnreachableServerStopsStartUpInOneLineWithoutThePassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = Map.of("EATBOT_STORE", "postgres",
                "EATBOT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/eatbot",
                "EATBOT_POSTGRES_USER", "eatbot", "EATBOT_POSTGRES_PASSWORD", "hunter2-secret");
        MainRun r = run("quit\n", env, "console");
        assertEquals(5, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().length() <= 200, r.err());
        assertTrue(r.err().contains("127.0.0.1:" + closed), r.err());
        assertTrue(r.err().contains("EATBOT_POSTGRES_URL"), r.err());
        assertFalse(r.err().contains("hunter2"), r.err());
    }

    @Test
    void anUnknownStoreOrAMissingUrlIsAConfigurationError() {
        MainRun unknown = run("quit\n", Map.of("EATBOT_STORE", "mysql"), "console");
        assertEquals(3, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("EATBOT_STORE must be sqlite or postgres, not 'mysql'"), unknown.err());

        MainRun noUrl = run("quit\n", Map.of("EATBOT_STORE", "postgres"), "console");
        assertEquals(3, noUrl.code(), noUrl.err());
        assertTrue(noUrl.err().contains("EATBOT_POSTGRES_URL"), noUrl.err());
    }

    @Test
    void backupOnPostgresqlSaysToUsePgDump() {
        MainRun r = run("", Map.of("EATBOT_STORE", "postgres", "EATBOT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/eatbot"),
                "backup", dir.resolve("copy.db").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("pg_dump"), r.err());
        assertFalse(Files.exists(dir.resolve("copy.db")));
    }
}
