package eatbot;

import eatbot.bandit.Randomness;
import eatbot.config.ConfigLoader;
import eatbot.eat.EatService;
import eatbot.ops.Health;
import eatbot.ops.Metrics;
import eatbot.ops.MonitoringServer;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;
import eatbot.store.SqliteLock;
import net.dv8tion.jda.api.sharding.ShardManager;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The wiring: config → database → store → service, and this process's metrics
 * (and /health, /metrics when configured). Built once in {@link Main};
 * nothing else knows how the pieces were made.
 */
public final class App implements AutoCloseable {
    private final ConfigLoader.Loaded config;
    private final JdbcEatStore store;
    /** One process per SQLite file (null on PostgreSQL, where leases share the shards out). */
    private final SqliteLock sqliteLock;
    private final EatService service;
    private final Metrics metrics = new Metrics();
    private MonitoringServer monitoring;
    private Health health;
    private final AtomicBoolean closed = new AtomicBoolean();

    public App(ConfigLoader.Loaded config) {
        this.config = config;
        if (!config.store().postgres()) {
            DatabaseFolder.check(config.database());
            this.sqliteLock = SqliteLock.take(config.database());
        } else {
            this.sqliteLock = null;
        }
        try {
            this.store = new JdbcEatStore(open(config));
        } catch (RuntimeException e) {
            if (sqliteLock != null) sqliteLock.close();
            throw e;
        }
        this.service = new EatService(store, config.defaults(), config.starters(), Clock.systemUTC(), Randomness.unseeded());
        metrics.watchWriter(store.database());
    }

    /** The configured store's database: the SQLite file (its folder checked first) or PostgreSQL. */
    private static Database open(ConfigLoader.Loaded config) {
        ConfigLoader.Store s = config.store();
        if (s.postgres()) return Database.openPostgres(s.url(), s.user(), s.password());
        return Database.open(config.database());
    }

    public ConfigLoader.Loaded config() {
        return config;
    }

    public JdbcEatStore store() {
        return store;
    }

    public EatService service() {
        return service;
    }

    /** What the front ends count into (see README "Monitoring"). */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Serves /health and /metrics when {@code http.port} (EATBOT_HTTP_PORT) is set; else does nothing.
     *
     * @param gateway the Discord shards to check, null until there are some; null for the console (no gateway check)
     * @return the port it listens on, or -1 when off
     */
    public int serveMonitoring(Supplier<ShardManager> gateway) {
        ConfigLoader.Http http = config.http();
        if (http.port() == null || monitoring != null) return monitoring == null ? -1 : monitoring.port();
        health = new Health(store.database(), gateway);
        monitoring = MonitoringServer.start(http.host(), http.port(), health, metrics);
        return monitoring.port();
    }

    /** The port /health and /metrics are served on, or -1 when they are not. */
    public int monitoringPort() {
        return monitoring == null ? -1 : monitoring.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return; // the shutdown hook and the main thread may both close
        try {
            if (monitoring != null) monitoring.close();
            if (health != null) health.close();
        } finally {
            store.close();
            metrics.close();
            if (sqliteLock != null) sqliteLock.close();
        }
    }
}
