package eatbot.bench;

import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.MealPlan;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.plan.BackwardInduction;
import eatbot.plan.PastMeal;
import eatbot.plan.Plan;
import eatbot.plan.PlanPlace;
import eatbot.plan.WeekModel;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;
import org.apache.commons.rng.UniformRandomProvider;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * /eat plan at its limits: 500 places, 14 days. {@code solve} is the backward
 * induction alone (model built once), for three shapes of tags; {@code dense} is
 * the naive baseline on the same model, every state times every place;
 * {@code service} is the whole /eat plan of a group of four through
 * {@link EatService} on SQLite (vetoes, hours, four people's posteriors, one draw each,
 * the model, the solve).
 *
 * <p>Tag shapes: {@code cuisines} 25 cuisines, a fifth of the places with a second
 * one (about 125 cuisine sets); {@code unique} every place a cuisine of its own (500 sets);
 * {@code unique+common} that and one tag every place shares, the worst case of the
 * solver's walk (every place is penalised after every other).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBench {
    static final int PLACES = 500;
    static final int DAYS = 14;

    @Param({"cuisines", "unique", "unique+common"})
    String tags;

    WeekModel model;

    @Setup
    public void setUp() {
        UniformRandomProvider rng = Randomness.seeded(14);
        List<PlanPlace> places = new ArrayList<>();
        double[] liking = new double[PLACES];
        for (int i = 0; i < PLACES; i++) {
            Set<String> t = new HashSet<>();
            switch (tags) {
                case "cuisines" -> {
                    t.add("c" + rng.nextInt(25));
                    if (rng.nextInt(5) == 0) t.add("c" + rng.nextInt(25));
                }
                case "unique" -> t.add("c" + i);
                case "unique+common" -> {
                    t.add("c" + i);
                    t.add("food");
                }
                default -> throw new IllegalArgumentException(tags);
            }
            places.add(new PlanPlace(i, t));
            liking[i] = rng.nextDouble();
        }
        boolean[][] open = new boolean[DAYS][PLACES];
        for (boolean[] d : open) for (int i = 0; i < PLACES; i++) d[i] = rng.nextInt(10) != 0; // a tenth closed each day
        List<PastMeal> past = List.of(new PastMeal(1, 3, places.get(3).cuisine()), new PastMeal(2, 7, places.get(7).cuisine()));
        model = new WeekModel(places, liking, open, 0.5, past);
    }

    @Benchmark
    public Plan solve() {
        return BackwardInduction.solve(model);
    }

    /** The naive baseline: the same Bellman recursion, every state against every place. */
    @Benchmark
    public double dense() {
        WeekModel m = model;
        int k = m.size();
        int s = m.cuisines();
        double[][] next = new double[s + 1][k + 1];
        double[][] value = new double[s + 1][k + 1];
        for (int t = m.days() - 1; t >= 0; t--) {
            for (int sigma = 0; sigma <= s; sigma++) {
                int earlier = sigma == s ? WeekModel.NONE : sigma;
                for (int c = 0; c <= k; c++) {
                    int prev = c == k ? WeekModel.NONE : c;
                    int sc = c == k ? s : m.cuisineOf(c);
                    double v = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < k; a++) {
                        if (!m.allowed(t, prev, a)) continue;
                        v = Math.max(v, m.reward(t, earlier, prev, a) + next[sc][a]);
                    }
                    value[sigma][c] = v;
                }
            }
            double[][] swap = next;
            next = value;
            value = swap;
        }
        return next[s][k];
    }

    /** The whole /eat plan through the service and SQLite. */
    @State(Scope.Benchmark)
    public static class Service {
        Path dir;
        JdbcEatStore store;
        EatService service;
        SuggestRequest request;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = Files.createTempDirectory("eatbot-plan-bench");
            store = new JdbcEatStore(Database.open(dir.resolve("eatbot.db")));
            Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
            service = new EatService(store, BenchData.DEFAULTS, List.of(), clock, Randomness.seeded(1));
            UniformRandomProvider rng = Randomness.seeded(2);
            for (int i = 0; i < PLACES; i++) {
                String hours = rng.nextInt(4) == 0 ? "Mon-Fri 11:00-15:00" : null;
                service.addPlace(BenchData.GUILD, "admin", "Place " + i, "c" + rng.nextInt(25) + ",$" + "$".repeat(rng.nextInt(3)), null, hours);
            }
            List<String> people = List.of("ann", "bob", "cat", "dan");
            for (int i = 0; i < 200; i++) { // some evidence: 200 rated suggestions
                Suggestion s = service.suggest(new SuggestRequest(BenchData.GUILD, "ann", people, Set.of()));
                for (String p : people) service.react(BenchData.GUILD, s.id(), p, rng.nextBoolean() ? Reaction.LIKE : Reaction.DISLIKE);
            }
            request = new SuggestRequest(BenchData.GUILD, "ann", people, Set.of());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            store.close();
            BenchData.deleteTree(dir);
        }
    }

    @Benchmark
    public MealPlan service(Service s) {
        return s.service.plan(s.request, DAYS);
    }
}
