package eatbot;

import eatbot.config.ConfigLoader;
import eatbot.config.ShardPlan;
import eatbot.store.Database;
import eatbot.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EATBOT_SHARDS_TOTAL, EATBOT_SHARDS and EATBOT_SHARD_LEASE_SECONDS: what they mean, and one line with exit status 3 when wrong. */
class ShardSettingsTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String... kv) throws Exception {
        Path config = dir.resolve("c.json");
        if (!Files.exists(config)) Files.writeString(config, "{}");
        Map<String, String> env = new HashMap<>(Map.of("EATBOT_CONFIG", config.toString(),
                "EATBOT_DB", dir.resolve("eatbot.db").toString()));
        for (int i = 0; i < kv.length; i += 2) env.put(kv[i], kv[i + 1]);
        return env;
    }

    @Test
    void aRangeOfATotalIsThisProcesssShardsAndNothingSetLeavesTheTotalToDiscord() throws Exception {
        ShardPlan plan = ConfigLoader.load(env("EATBOT_SHARDS_TOTAL", "4", "EATBOT_SHARDS", "2-3")).shards();
        assertEquals(List.of(2, 3), plan.here());
        assertEquals("shards 2-3 of 4", plan.describe());
        assertEquals(List.of(0, 1, 2, 3), ConfigLoader.load(env("EATBOT_SHARDS_TOTAL", "4")).shards().here());
        assertEquals(List.of(1), ConfigLoader.load(env("EATBOT_SHARDS_TOTAL", "2", "EATBOT_SHARDS", "1")).shards().here());
        assertTrue(ConfigLoader.load(env()).shards().askDiscord());
        assertEquals(30, ConfigLoader.load(env()).shards().lease().toSeconds());
        Files.writeString(dir.resolve("c.json"), "{ \"discord\": { \"shards\": { \"total\": 8, \"range\": \"4-7\", \"leaseSeconds\": 10 } } }");
        ShardPlan file = ConfigLoader.load(env()).shards();
        assertEquals(List.of(4, 5, 6, 7), file.here());
        assertEquals(10, file.lease().toSeconds());
    }

    @Test
    void wrongShardSettingsStopStartUpInOneLine() throws Exception {
        assertRefused(env("DISCORD_TOKEN", "x", "EATBOT_SHARDS", "0-1"),
                "eatbot: configuration error: EATBOT_SHARDS is 0-1 but no shard total is set: set EATBOT_SHARDS_TOTAL (the same in every process)");
        assertRefused(env("DISCORD_TOKEN", "x", "EATBOT_SHARDS_TOTAL", "4", "EATBOT_SHARDS", "2-4"),
                "eatbot: configuration error: EATBOT_SHARDS must be a-b (or one shard) with 0 <= a <= b < 4, not '2-4'");
        assertRefused(env("DISCORD_TOKEN", "x", "EATBOT_SHARDS_TOTAL", "4", "EATBOT_SHARDS", "3-1"),
                "eatbot: configuration error: EATBOT_SHARDS must be a-b (or one shard) with 0 <= a <= b < 4, not '3-1'");
        assertRefused(env("DISCORD_TOKEN", "x", "EATBOT_SHARDS_TOTAL", "four"),
                "eatbot: configuration error: EATBOT_SHARDS_TOTAL must be a whole number, not 'four'");
        assertRefused(env("DISCORD_TOKEN", "x", "EATBOT_SHARDS_TOTAL", "0"),
                "eatbot: configuration error: EATBOT_SHARDS_TOTAL must be 1 to 100000, not 0");
        assertRefused(env("DISCORD_TOKEN", "x", "EATBOT_SHARD_LEASE_SECONDS", "1"),
                "eatbot: configuration error: EATBOT_SHARD_LEASE_SECONDS must be 3 to 3600 seconds, not 1");
    }

    @Test
    void onPostgresATotalIsNeededAndMustBeTheOneInTheDatabase() throws Exception {
        TestPostgres.Db db = TestPostgres.freshDatabase("shard_total");
        Map<String, String> pg = env("DISCORD_TOKEN", "x", "EATBOT_STORE", "postgres", "EATBOT_POSTGRES_URL", db.url(),
                "EATBOT_POSTGRES_USER", db.user(), "EATBOT_POSTGRES_PASSWORD", db.password());
        assertRefused(pg, "eatbot: configuration error: on PostgreSQL set EATBOT_SHARDS_TOTAL (or discord.shards.total), "
                + "the same in every process: the shards are leased one by one");
        try (Database d = Database.openPostgres(db.url(), db.user(), db.password())) {
            d.write(c -> c.createStatement().executeUpdate("INSERT INTO shard_total (total) VALUES (4)"));
        }
        pg.put("EATBOT_SHARDS_TOTAL", "2");
        assertRefused(pg, "eatbot: configuration error: the shard total is 2 here but 4 in the database; every process must use 4 "
                + "(to reshard see README \"Running at scale\")");
    }

    private static void assertRefused(Map<String, String> env, String line) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run(new String[0], env);
        } finally {
            System.setErr(err);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(Main.CONFIG_ERROR, code, String.join("\n", lines));
        assertEquals(List.of(line), lines);
        assertTrue(line.length() <= 200, line);
    }
}
