package eatbot.ops;

import eatbot.store.Database;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Whether this process can do its job: each check says what is wrong, or nothing.
 * The bot's: the gateway is connected, the database answers a read, the writer
 * runs. The console's: the last two (it has no gateway).
 */
public final class Health implements AutoCloseable {
    /** How long a read may take before the database counts as not answering. */
    static final long READ_PATIENCE_MS = 2_000;

    /** A named check: {@code problem} returns null when all is well, else what is wrong (one line). */
    public record Check(String name, Supplier<String> problem) {}

    /** The outcome: healthy, or the problems found, one per failed check. */
    public record Status(List<String> problems) {
        public boolean healthy() {
            return problems.isEmpty();
        }

        /** One line: "ok", or the problems joined by "; ". */
        public String text() {
            return healthy() ? "ok" : String.join("; ", problems);
        }
    }

    private final List<Check> checks;
    // a read that hangs (every reader busy, a locked file) must not hang the probe with it
    private final ExecutorService reads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "eatbot-health-read");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param gateway the bot's shards (null until it has them); null itself for the
     *                console, which has no gateway to check
     */
    public Health(Database db, Supplier<ShardManager> gateway) {
        List<Check> c = new ArrayList<>();
        if (gateway != null) c.add(new Check("gateway", () -> gateway(gateway.get())));
        c.add(new Check("database", () -> db.closed() ? "database: closed" : read(db)));
        c.add(new Check("writer", () -> db.writerAlive() ? null : "database writer: stopped"));
        this.checks = List.copyOf(c);
    }

    public Status check() {
        List<String> problems = new ArrayList<>();
        for (Check c : checks) {
            String p;
            try {
                p = c.problem().get();
            } catch (RuntimeException e) {
                p = c.name() + ": " + e.getMessage();
            }
            if (p != null) problems.add(p);
        }
        return new Status(problems);
    }

    /** Each shard of this process connected; else which are not, and how they are. */
    private static String gateway(ShardManager shards) {
        if (shards == null || shards.getShards().isEmpty()) return "gateway: not connected yet";
        List<String> down = new ArrayList<>();
        for (JDA jda : shards.getShards()) {
            JDA.Status s = jda.getStatus();
            if (s != JDA.Status.CONNECTED) {
                String state = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                down.add(shards.getShardsTotal() == 1 ? state : "shard " + jda.getShardInfo().getShardId() + " " + state);
            }
        }
        return down.isEmpty() ? null : "gateway: " + String.join(", ", down);
    }

    private String read(Database db) {
        Future<Integer> answer = reads.submit(() -> db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }));
        try {
            return answer.get(READ_PATIENCE_MS, TimeUnit.MILLISECONDS) == 1 ? null : "database: a read gave a wrong answer";
        } catch (TimeoutException e) {
            answer.cancel(true);
            return "database: no answer to a read within " + READ_PATIENCE_MS / 1000 + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "database: interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            return "database: a read failed: " + firstLine(e.getCause().getMessage());
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        String line = s.lines().findFirst().orElse("").strip();
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    @Override
    public void close() {
        reads.shutdownNow();
    }
}
