package eatbot.sim;

import eatbot.bandit.Arms;
import eatbot.bandit.Choice;
import eatbot.bandit.GroupRule;
import eatbot.bandit.Randomness;
import eatbot.bandit.ThompsonSampling;
import eatbot.plan.BackwardInduction;
import eatbot.plan.PastMeal;
import eatbot.plan.Plan;
import eatbot.plan.PlanPlace;
import eatbot.plan.WeekModel;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulated teams ({@link Boredom}) eating where a strategy says, one meal a day,
 * seven days a week, each person giving 👍 with the probability of their true
 * liking that day; the strategy learns from the 👍/👎 as eatbot does (a Beta
 * posterior per person and place, groups by least misery).
 *
 * <p>Run r's team comes from {@code Randomness.stream(seed, r)} for every strategy,
 * so all strategies meet the same teams; each strategy decides and draws 👍/👎 from a
 * stream of its own for that run. Runs are summed in run order: the result depends
 * on the seed only, not on the thread count or on which other strategies run.
 */
public final class WeekExperiment {
    public static final int DAYS_PER_WEEK = 7;

    /** How a strategy picks each day's place. */
    public enum Strategy {
        /** Thompson sampling every day, nothing else. */
        DAILY("daily", 1),
        /** Thompson sampling, resting a place eaten in the last cooldown days (unless nothing else is left), as /eat does after a meal. */
        COOLDOWN("cooldown", 2),
        /** Each week, one posterior draw per person and place and the week planned by backward induction. */
        PLAN("plan", 3);

        private final String id;
        private final long stream;

        Strategy(String id, long stream) {
            this.id = id;
            this.stream = stream;
        }

        public String id() { return id; }

        public static Strategy parse(String s) {
            for (Strategy x : values()) if (x.id.equals(s.strip().toLowerCase(Locale.ROOT))) return x;
            throw new IllegalArgumentException("unknown strategy '" + s + "' (daily, cooldown or plan)");
        }
    }

    /**
     * Per strategy: mean satisfaction per meal in each week (over runs) and its
     * spread, and the mean per meal over the whole run with its spread over runs.
     */
    public record Result(Strategy strategy, double[] weekMean, double[] weekSd, double mean, double sd) {}

    private final int people;
    private final int places;
    private final int weeks;
    private final int runs;
    private final long seed;
    private final double variety;
    private final int cooldownDays;

    public WeekExperiment(int people, int places, int weeks, int runs, long seed, double variety, int cooldownDays) {
        this.people = people;
        this.places = places;
        this.weeks = weeks;
        this.runs = runs;
        this.seed = seed;
        this.variety = variety;
        this.cooldownDays = cooldownDays;
    }

    public List<Result> run(List<Strategy> strategies, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread th = new Thread(r, "eatbot-simulate-week");
            th.setDaemon(true);
            return th;
        });
        try {
            List<List<Future<double[]>>> futures = new ArrayList<>();
            for (Strategy s : strategies) {
                List<Future<double[]>> perRun = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    int run = r;
                    perRun.add(pool.submit(() -> satisfaction(s, run)));
                }
                futures.add(perRun);
            }
            List<Result> out = new ArrayList<>();
            for (int i = 0; i < strategies.size(); i++) {
                double[][] byRun = new double[runs][];
                for (int r = 0; r < runs; r++) byRun[r] = futures.get(i).get(r).get();
                out.add(summarise(strategies.get(i), byRun));
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run of one strategy: the mean satisfaction per meal in each week. */
    double[] satisfaction(Strategy strategy, int run) {
        Boredom team = Boredom.generate(people, places, Randomness.stream(seed, run));
        UniformRandomProvider rng = Randomness.stream(seed ^ (strategy.stream * 0x9E3779B97F4A7C15L), run);
        Arms[] arms = new Arms[people];
        for (int p = 0; p < people; p++) arms[p] = new Arms(places, 1, 1);
        List<PlanPlace> planPlaces = new ArrayList<>();
        for (int k = 0; k < places; k++) planPlaces.add(new PlanPlace(k, Set.of("cuisine-" + team.cuisine(k))));
        boolean[][] allOpen = new boolean[DAYS_PER_WEEK][places];
        for (boolean[] d : allOpen) java.util.Arrays.fill(d, true);

        int days = weeks * DAYS_PER_WEEK;
        int[] eaten = new int[days];
        int[] eatenOn = new int[places]; // last day the team ate there, for the cooldown
        java.util.Arrays.fill(eatenOn, Integer.MIN_VALUE / 2);
        double[] week = new double[weeks];
        double[][] scores = new double[people][places];
        int[] planned = null;
        for (int day = 0; day < days; day++) {
            int pick;
            if (strategy == Strategy.PLAN) {
                if (day % DAYS_PER_WEEK == 0) planned = plan(arms, planPlaces, allOpen, eaten, day, rng, scores);
                pick = planned[day % DAYS_PER_WEEK];
            } else {
                for (int p = 0; p < people; p++) THOMPSON.score(arms[p], rng, scores[p]);
                double[] group = GroupRule.LEAST_MISERY.combine(scores);
                if (strategy == Strategy.COOLDOWN) {
                    boolean anyLeft = false;
                    for (int k = 0; k < places; k++) anyLeft |= day - eatenOn[k] > cooldownDays;
                    if (anyLeft) for (int k = 0; k < places; k++) if (day - eatenOn[k] <= cooldownDays) group[k] = Double.NaN;
                }
                pick = Choice.argmax(group, rng);
            }
            double sum = 0;
            for (int p = 0; p < people; p++) {
                double like = team.liking(p, pick, eaten, day);
                sum += like;
                boolean thumbsUp = rng.nextDouble() < like;
                arms[p].observe(pick, thumbsUp);
            }
            eaten[day] = pick; // every pick is followed: a decided meal
            eatenOn[pick] = day;
            week[day / DAYS_PER_WEEK] += sum / people / DAYS_PER_WEEK;
        }
        return week;
    }

    private static final ThompsonSampling THOMPSON = new ThompsonSampling();

    private int[] plan(Arms[] arms, List<PlanPlace> planPlaces, boolean[][] open, int[] eaten, int day, UniformRandomProvider rng, double[][] scores) {
        for (int p = 0; p < people; p++) THOMPSON.score(arms[p], rng, scores[p]);
        double[] liking = GroupRule.LEAST_MISERY.combine(scores);
        List<PastMeal> past = new ArrayList<>();
        for (int d = 1; d <= WeekModel.MEMORY_DAYS && day - d >= 0; d++) {
            past.add(new PastMeal(d, eaten[day - d], planPlaces.get(eaten[day - d]).cuisine()));
        }
        Plan plan = BackwardInduction.solve(new WeekModel(planPlaces, liking, open, variety, past));
        return plan.choice();
    }

    private Result summarise(Strategy s, double[][] byRun) {
        double[] mean = new double[weeks];
        double[] sd = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            double[] col = new double[runs];
            for (int r = 0; r < runs; r++) col[r] = byRun[r][w];
            mean[w] = mean(col);
            sd[w] = sd(col, mean[w]);
        }
        double[] perRun = new double[runs];
        for (int r = 0; r < runs; r++) perRun[r] = mean(byRun[r]);
        double m = mean(perRun);
        return new Result(s, mean, sd, m, sd(perRun, m));
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) sum += x;
        return sum / xs.length;
    }

    private static double sd(double[] xs, double mean) {
        if (xs.length < 2) return 0;
        double ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (xs.length - 1));
    }
}
