package eatbot.bench;

import eatbot.eat.EatService;
import eatbot.eat.EatStore;
import eatbot.eat.NewOption;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.bandit.Randomness;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What keeping a suggestion's decision (eat/Reasons: α, β and draw per member and
 * candidate) costs on {@code /eat} at the sizes eatbot allows: K places (up to 500)
 * for a group of M (up to 10), on a fresh guild, beside the same {@code suggest}
 * with the decision dropped before the store ({@code keep=false}), in the same run.
 * {@code why} reads a decision back and lays out the picture (no PNG).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 1, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
public class WhyBench {
    @Param({"50", "500"})
    int places;

    @Param({"1", "10"})
    int members;

    /** false: the same store behind a proxy that drops the decision (what /eat cost before it was kept). */
    @Param({"true", "false"})
    boolean keep;

    Path dir;
    JdbcEatStore store;
    EatService service;
    SuggestRequest request;
    long last;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("eatbot-why-bench");
        store = new JdbcEatStore(Database.open(dir.resolve("why.db")));
        List<NewOption> starters = new ArrayList<>();
        for (int i = 0; i < places; i++) starters.add(new NewOption("Place " + i, List.of(), null, null, "bench"));
        // both variants go through the proxy, so its cost is in both
        EatStore proxy = (EatStore) Proxy.newProxyInstance(EatStore.class.getClassLoader(), new Class<?>[] {EatStore.class},
                (self, method, args) -> {
                    if (!keep && method.getName().equals("addSuggestion")) args[args.length - 1] = null;
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        service = new EatService(proxy, BenchData.DEFAULTS.toBuilder().cooldownDays(0).build(), starters, Clock.systemUTC(), Randomness.seeded(11));
        List<String> group = new ArrayList<>();
        for (int m = 0; m < members; m++) group.add(BenchData.user(m));
        request = new SuggestRequest(BenchData.GUILD, group.get(0), group, Set.of());
        last = service.suggest(request).id();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        store.close();
        BenchData.deleteTree(dir);
    }

    @Benchmark
    public void suggest(Blackhole bh) {
        Suggestion s = service.suggest(request);
        last = s.id();
        bh.consume(s);
    }

    @Benchmark
    public void why(Blackhole bh) {
        if (keep) bh.consume(eatbot.chart.WhyChart.layout(service.why(BenchData.GUILD, last, BenchData.user(0)), id -> id));
    }
}
