package eatbot;

import eatbot.config.ConfigLoader;
import eatbot.config.ShardPlan;
import eatbot.store.ShardLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps this process's shard leases on PostgreSQL: takes each of its shards whose lease is free or
 * expired, renews those it holds every third of the lease, and gives them back at a clean stop.
 * On taking a shard it fences the writer to the new epoch, drops what the service cached of the
 * shard's guilds, then has the shard started; on losing one (paused past its lease: another process
 * took it) it fences the shard out and has it stopped. While a live process holds some, it logs which.
 */
final class ShardKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ShardKeeper.class);

    /** What the Discord side does when a shard comes or goes. */
    interface Shards {
        void start(int shard) throws InterruptedException;

        void stop(int shard);
    }

    private final ShardLeases leases;
    private final ShardPlan plan;
    private final App app;
    private final Clock clock;
    /** Shard → the epoch held; changed only on the keeper's thread (and at start-up before it runs). */
    private final Map<Integer, Long> held = new TreeMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eatbot-shard-leases");
        t.setDaemon(true);
        return t;
    });
    private volatile Shards shards;
    private String lastWaitingLine;

    private ShardKeeper(ShardLeases leases, ShardPlan plan, App app, Clock clock) {
        this.leases = leases;
        this.plan = plan;
        this.app = app;
        this.clock = clock;
    }

    /** Connects the leases and checks the total against the database's; refuses to start on a mismatch. */
    static ShardKeeper open(App app, Clock clock) {
        ConfigLoader.Loaded config = app.config();
        ShardPlan plan = config.shards();
        if (plan.askDiscord()) {
            throw new ConfigLoader.ConfigException("on PostgreSQL set EATBOT_SHARDS_TOTAL (or discord.shards.total), "
                    + "the same in every process: the shards are leased one by one");
        }
        ConfigLoader.Store s = config.store();
        String owner = ProcessHandle.current().pid() + "@" + host() + "/" + Long.toHexString(clock.millis());
        ShardLeases leases = ShardLeases.open(s.url(), s.user(), s.password(), owner, clock, plan.lease());
        int stored = leases.total(plan.total());
        if (stored != plan.total()) {
            leases.close();
            throw new ConfigLoader.ConfigException("the shard total is " + plan.total() + " here but " + stored
                    + " in the database; every process must use " + stored + " (to reshard see README \"Running at scale\")");
        }
        return new ShardKeeper(leases, plan, app, clock);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** Waits until this process holds at least one of its shards, logging who holds the rest; returns those held. */
    List<Integer> awaitFirst() throws InterruptedException {
        while (true) {
            acquireFree();
            if (!held.isEmpty()) {
                fence();
                return List.copyOf(held.keySet());
            }
            logWaiting();
            Thread.sleep(every().toMillis()); // the next try: leases expire on the clock, nothing to wake us sooner
        }
    }

    /** From now on, renews and takes leases in the background and tells {@code shards} what changed. */
    void keep(Shards shards) {
        this.shards = shards;
        long ms = every().toMillis();
        timer.scheduleWithFixedDelay(this::round, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Renew every third of the lease: a lease survives two missed renewals. */
    private Duration every() {
        return plan.lease().dividedBy(3);
    }

    private void round() {
        try {
            List<Integer> lost = new ArrayList<>();
            for (Map.Entry<Integer, Long> e : List.copyOf(held.entrySet())) {
                if (!leases.renew(e.getKey(), e.getValue())) lost.add(e.getKey());
            }
            if (!lost.isEmpty()) {
                lost.forEach(held::remove);
                fence(); // before anything else: from here this process writes nothing for them
                log.warn("lost the lease of shard(s) {}: another process runs them now", lost);
                for (int id : lost) shards.stop(id);
            }
            List<Integer> got = acquireFree();
            if (!got.isEmpty()) {
                fence();
                for (int id : got) {
                    forgetCached(id);
                    shards.start(id);
                }
            }
            logWaiting();
        } catch (SQLException | RuntimeException e) {
            // the database away for a moment: the leases run on; if they expire, the fence keeps the writes right
            log.warn("could not renew the shard leases: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes each of this process's shards whose lease is free or expired; returns those taken now. */
    private List<Integer> acquireFree() {
        List<Integer> got = new ArrayList<>();
        for (int id : plan.here()) {
            if (held.containsKey(id)) continue;
            try {
                OptionalLong epoch = leases.acquire(id);
                if (epoch.isPresent()) {
                    held.put(id, epoch.getAsLong());
                    got.add(id);
                    log.info("took the lease of shard {} of {} (epoch {})", id, plan.total(), epoch.getAsLong());
                }
            } catch (SQLException e) {
                log.warn("could not take the lease of shard {}: {}", id, e.getMessage());
            }
        }
        return got;
    }

    private void forgetCached(int shard) {
        app.service().forgetCachedGuilds(guild -> guild.matches("\\d{1,19}") && ShardPlan.shardOf(Long.parseLong(guild), plan.total()) == shard);
    }

    private void fence() {
        ShardLeases.fence(app.store().database(), plan.total(), Map.copyOf(held));
    }

    /** One line when the shards waited for, or their holders, change: not one every few seconds. */
    private void logWaiting() {
        List<Integer> waiting = plan.here().stream().filter(id -> !held.containsKey(id)).toList();
        if (waiting.isEmpty()) {
            lastWaitingLine = null;
            return;
        }
        String line;
        try {
            Instant now = clock.instant();
            line = leases.leases(waiting).stream().filter(l -> l.expiresAt().isAfter(now))
                    .map(l -> "shard " + l.shard() + " by " + l.owner())
                    .collect(Collectors.joining(", "));
        } catch (SQLException e) {
            line = "";
        }
        if (line.equals(lastWaitingLine)) return;
        lastWaitingLine = line;
        log.warn("waiting for shard(s) {} of {}: held by a live process ({}); taken over when its lease expires",
                waiting, plan.total(), line.isEmpty() ? "none now" : line);
    }

    /** Stops renewing and gives the leases back (after the shards are stopped and the writes done). */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Map.Entry<Integer, Long> e : held.entrySet()) {
            try {
                leases.release(e.getKey(), e.getValue());
            } catch (SQLException ex) {
                log.warn("could not give back the lease of shard {}; it expires on its own", e.getKey());
            }
        }
        leases.close();
    }
}
