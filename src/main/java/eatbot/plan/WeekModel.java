package eatbot.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The week as a finite-horizon Markov decision process.
 *
 * <ul>
 *   <li><b>State</b> before day t: the place eaten the day before ({@link #NONE} on the
 *       first day and after a day when nothing was open). Meals decided before the plan
 *       are not state: they are fixed, so they enter as a known penalty per day and place.</li>
 *   <li><b>Actions</b> on day t: the places open that day (vetoes and filters already
 *       applied by the caller); with variety above 0, not yesterday's place while
 *       another one is open. A day with nothing open has the single action {@link #NONE}.</li>
 *   <li><b>Reward</b> of place a after place s: liking(a) − variety · (repeat(s, a) + past(t, a)),
 *       where repeat counts 1 for the same place and 1 for sharing a cuisine tag, and past
 *       counts the same for each past meal d days before day t, weighted 1, ½, ¼ for
 *       d = 1, 2, 3 ({@link #MEMORY_DAYS}) and 0 after.</li>
 * </ul>
 * Since the reward after day t depends on day t only through the place chosen, this
 * state is exact for the model: {@link BackwardInduction} solves it with K + 1 states a day.
 */
public final class WeekModel {
    /** No place: as a state, nothing eaten yesterday (that the plan knows of); as an action, nothing open. */
    public static final int NONE = -1;
    /** Past meals older than this many days before a day no longer weigh on it. */
    public static final int MEMORY_DAYS = 3;

    private final List<PlanPlace> places;
    private final double[] liking;
    private final boolean[][] open;
    private final int[] openCount;
    private final double variety;
    private final double[][] past;
    private final int yesterday;
    /** Per place s: the places a with repeat(s, a) &gt; 0 (s itself included), and that repeat. */
    private final int[][] conflicts;
    private final double[][] conflictRepeat;

    /**
     * @param liking  the group's liking of each place, one posterior draw combined by the group rule
     * @param open    open[day][place]: the place may be planned that day (allowed and open at the meal time)
     * @param variety weight of the variety penalty, 0 (liking only) to 1
     * @param past    meals decided before the plan's first day
     */
    public WeekModel(List<PlanPlace> places, double[] liking, boolean[][] open, double variety, List<PastMeal> past) {
        int k = places.size();
        if (liking.length != k) throw new IllegalArgumentException("one liking per place");
        if (open.length < 1) throw new IllegalArgumentException("a plan has at least one day");
        if (!(variety >= 0 && variety <= 1)) throw new IllegalArgumentException("variety is 0 to 1");
        this.places = List.copyOf(places);
        this.liking = liking.clone();
        this.open = new boolean[open.length][];
        this.openCount = new int[open.length];
        for (int t = 0; t < open.length; t++) {
            if (open[t].length != k) throw new IllegalArgumentException("one open flag per place and day");
            this.open[t] = open[t].clone();
            for (boolean b : open[t]) if (b) openCount[t]++;
        }
        this.variety = variety;

        Map<String, List<Integer>> byTag = new HashMap<>();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(places.get(i).id(), i);
            for (String tag : places.get(i).cuisine()) byTag.computeIfAbsent(tag, x -> new ArrayList<>()).add(i);
        }
        conflicts = new int[k][];
        conflictRepeat = new double[k][];
        int[] seen = new int[k];
        Arrays.fill(seen, -1);
        for (int s = 0; s < k; s++) {
            List<Integer> with = new ArrayList<>();
            with.add(s);
            seen[s] = s;
            for (String tag : places.get(s).cuisine()) {
                for (int a : byTag.get(tag)) {
                    if (seen[a] != s) {
                        seen[a] = s;
                        with.add(a);
                    }
                }
            }
            conflicts[s] = with.stream().mapToInt(Integer::intValue).toArray();
            conflictRepeat[s] = new double[conflicts[s].length];
            for (int j = 0; j < conflicts[s].length; j++) conflictRepeat[s][j] = repeat(s, conflicts[s][j]);
        }

        this.past = new double[open.length][k];
        int y = NONE;
        for (PastMeal m : past) {
            Integer same = index.get(m.placeId());
            if (m.daysBefore() == 1 && same != null) y = same;
            for (int t = 0; t < open.length; t++) {
                double w = weight(m.daysBefore() + t);
                if (w == 0) continue;
                for (int a = 0; a < k; a++) {
                    double r = (same != null && same == a ? 1 : 0) + (shares(places.get(a), m.cuisine()) ? 1 : 0);
                    this.past[t][a] += w * r;
                }
            }
        }
        this.yesterday = y;
    }

    /** How much a meal d days before a day weighs on it: 1 for the day before, then halving, 0 after {@link #MEMORY_DAYS}. */
    public static double weight(int d) {
        return d >= 1 && d <= MEMORY_DAYS ? 1.0 / (1 << (d - 1)) : 0;
    }

    private static boolean shares(PlanPlace a, java.util.Set<String> cuisine) {
        for (String t : a.cuisine()) if (cuisine.contains(t)) return true;
        return false;
    }

    /** 1 for the same place, plus 1 for sharing a cuisine tag. */
    public double repeat(int s, int a) {
        if (s == NONE) return 0;
        return (s == a ? 1 : 0) + (shares(places.get(a), places.get(s).cuisine()) ? 1 : 0);
    }

    public int days() { return open.length; }

    public int size() { return places.size(); }

    public PlanPlace place(int i) { return places.get(i); }

    public double liking(int i) { return liking[i]; }

    public double variety() { return variety; }

    public boolean open(int day, int place) { return open[day][place]; }

    public int openCount(int day) { return openCount[day]; }

    /** The penalty (before weighting by variety) that the meals before the plan put on a place that day. */
    public double pastPenalty(int day, int place) { return past[day][place]; }

    /**
     * Whether place a may be planned on day t after place prev: open, and with variety
     * above 0 not the place eaten the day before (planned, or really eaten before the
     * plan) while another place is open.
     */
    public boolean allowed(int day, int prev, int a) {
        if (a == NONE) return openCount[day] == 0;
        if (!open[day][a]) return false;
        int before = day == 0 && prev == NONE ? yesterday : prev;
        return !(variety > 0 && a == before && openCount[day] > 1);
    }

    /** The reward of eating at a on day t after prev (NONE: nothing, reward 0). */
    public double reward(int day, int prev, int a) {
        if (a == NONE) return 0;
        return liking[a] - variety * (repeat(prev, a) + past[day][a]);
    }

    /** The total reward of a plan (one place or NONE per day), or NaN if it breaks a rule. */
    public double valueOf(int[] plan) {
        if (plan.length != days()) throw new IllegalArgumentException("one choice per day");
        double v = 0;
        int prev = NONE;
        for (int t = 0; t < plan.length; t++) {
            if (!allowed(t, prev, plan[t])) return Double.NaN;
            v += reward(t, prev, plan[t]);
            prev = plan[t];
        }
        return v;
    }

    int[] conflicts(int s) { return conflicts[s]; }

    double[] conflictRepeat(int s) { return conflictRepeat[s]; }

    int yesterday() { return yesterday; }
}
