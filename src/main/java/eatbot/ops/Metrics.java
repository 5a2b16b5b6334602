package eatbot.ops;

import eatbot.eat.Activity;
import eatbot.eat.Reaction;
import eatbot.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * This process's metrics, in Prometheus' text format through Micrometer: what the
 * front ends report ({@link Activity}), the Discord gateway and the database writer
 * (watched here, so neither the domain nor the store knows Micrometer), and the
 * JVM's own (standard names: jvm_*, process_*, system_*). eatbot's are named eatbot_*.
 */
public final class Metrics implements Activity {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @Override
    public void suggested(String frontEnd) {
        Counter.builder("eatbot.suggestions").description("Suggestions shown")
                .tag("front_end", frontEnd).register(registry).increment();
    }

    @Override
    public void reacted(String frontEnd, Reaction reaction, boolean added) {
        Counter.builder("eatbot.reactions").description("👍/👎 recorded (added) or taken back (removed)")
                .tag("front_end", frontEnd)
                .tag("kind", reaction.name().toLowerCase(Locale.ROOT))
                .tag("change", added ? "added" : "removed")
                .register(registry).increment();
    }

    @Override
    public void refused(String frontEnd, String command) {
        Counter.builder("eatbot.refusals").description("Commands refused or answered with an error for the user")
                .tag("front_end", frontEnd).tag("command", command).register(registry).increment();
    }

    @Override
    public void handled(String frontEnd, String command, Duration took) {
        Timer.builder("eatbot.interactions").description("Time from a command's arrival to its answer")
                .tag("front_end", frontEnd).tag("command", command)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    /**
     * Gateway ping and connection state of each shard this process may run ({@code ids}), read through the
     * ShardManager each time: a shard started later (its lease acquired) or stopped (lost) shows as it is.
     */
    public void watchGateway(ShardManager shards, List<Integer> ids) {
        for (int id : ids) {
            String shard = "[" + id + " / " + shards.getShardsTotal() + "]";
            TimeGauge.builder("eatbot.gateway.ping", shards, TimeUnit.MILLISECONDS, m -> {
                        JDA jda = m.getShardById(id);
                        return jda == null ? Double.NaN : jda.getGatewayPing();
                    })
                    .description("Last heartbeat round trip to Discord's gateway").tag("shard", shard).register(registry);
            Gauge.builder("eatbot.gateway.connected", shards, m -> {
                        JDA jda = m.getShardById(id);
                        return jda != null && jda.getStatus() == JDA.Status.CONNECTED ? 1 : 0;
                    })
                    .description("1 while the shard is connected to the gateway, 0 otherwise").tag("shard", shard).register(registry);
        }
    }

    /** The writer's queue and the time its commits take. */
    public void watchWriter(Database db) {
        Gauge.builder("eatbot.writer.queue.depth", db, Database::queued)
                .description("Writes waiting for the database writer").register(registry);
        Timer commits = Timer.builder("eatbot.writer.commit").description("Time of one batch from BEGIN to the end of COMMIT")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        db.onCommit(nanos -> commits.record(nanos, TimeUnit.NANOSECONDS));
    }

    /** Everything, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops the GC listener (the registry itself holds nothing else open). */
    public void close() {
        gc.close();
        registry.close();
    }
}
