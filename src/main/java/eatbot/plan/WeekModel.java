package eatbot.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The week as a finite-horizon Markov decision process.
 *
 * <ul>
 *   <li><b>State</b> before day t: the place eaten the day before, and the cuisine
 *       (the set of cuisine tags) eaten the day before that; either may be {@link #NONE}
 *       (the plan's first days, a day when nothing was open). Meals decided before the
 *       plan are fixed, so they enter as a known penalty per day and place, not as state.</li>
 *   <li><b>Actions</b> on day t: the places open that day (vetoes and filters already
 *       applied by the caller); with variety above 0, not yesterday's place while another
 *       one is open. A day with nothing open has the single action {@link #NONE}.</li>
 *   <li><b>Reward</b> of place a: liking(a) − variety · penalty, where the penalty counts
 *       1 if a is yesterday's place, and for each earlier meal whose cuisine a shares,
 *       1 for the day before, ½ for two days before, ¼ for three ({@link #weight}).
 *       Within the plan two days are remembered exactly; the third comes only from the
 *       meals before the plan.</li>
 * </ul>
 * Every reward depends on the past only through the state, so backward induction over
 * it is exact for this model: {@link BackwardInduction}, with K + 1 places times S + 1
 * cuisines as states a day (S = distinct cuisine sets, at most K).
 *
 * <p>A tag every place has is not counted (it cannot be varied, and counted it would make
 * every place a repeat of every other). A place left without cuisine tags is a cuisine
 * of its own, so its repeats count too.
 */
public final class WeekModel {
    /** No place (or cuisine): as a state, nothing eaten that the plan knows of; as an action, nothing open. */
    public static final int NONE = -1;
    /** Past meals older than this many days before a day no longer weigh on it. */
    public static final int MEMORY_DAYS = 3;

    private final List<PlanPlace> places;
    private final Set<String> everywhere;
    private final double[] liking;
    private final boolean[][] open;
    private final int[] openCount;
    private final double variety;
    private final double[][] past;
    private final int yesterday;
    /** Per place: the index of its cuisine set. */
    private final int[] cuisineOf;
    /** shares[σ][a]: place a shares a cuisine tag with cuisine set σ. */
    private final boolean[][] shares;

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

        // a tag every place has cannot be varied: counted, it would make every place a repeat of every other
        Map<String, Integer> tagCount = new HashMap<>();
        for (PlanPlace p : places) for (String tag : p.cuisine()) tagCount.merge(tag, 1, Integer::sum);
        Set<String> everywhere = new HashSet<>();
        if (k > 1) tagCount.forEach((tag, n) -> {
            if (n == k) everywhere.add(tag);
        });
        this.everywhere = Set.copyOf(everywhere);
        Map<Set<String>, Integer> cuisines = new HashMap<>();
        List<Set<String>> keys = new ArrayList<>();
        cuisineOf = new int[k];
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(places.get(i).id(), i);
            Set<String> key = key(places.get(i).id(), places.get(i).cuisine(), everywhere);
            cuisineOf[i] = cuisines.computeIfAbsent(key, x -> {
                keys.add(x);
                return keys.size() - 1;
            });
        }
        shares = new boolean[keys.size()][k];
        Map<String, List<Integer>> byTag = new HashMap<>();
        for (int i = 0; i < k; i++) for (String tag : keys.get(cuisineOf[i])) byTag.computeIfAbsent(tag, x -> new ArrayList<>()).add(i);
        for (int s = 0; s < keys.size(); s++) {
            for (String tag : keys.get(s)) for (int a : byTag.get(tag)) shares[s][a] = true;
        }

        this.past = new double[open.length][k];
        int y = NONE;
        for (PastMeal m : past) {
            Integer same = index.get(m.placeId());
            if (m.daysBefore() == 1 && same != null) y = same;
            Set<String> key = key(m.placeId(), m.cuisine(), everywhere);
            for (int t = 0; t < open.length; t++) {
                int d = m.daysBefore() + t;
                double w = weight(d);
                if (w == 0) continue;
                for (int a = 0; a < k; a++) {
                    boolean sharesMeal = false;
                    for (String tag : keys.get(cuisineOf[a])) sharesMeal |= key.contains(tag);
                    this.past[t][a] += (d == 1 && same != null && same == a ? 1 : 0) + (sharesMeal ? w : 0);
                }
            }
        }
        this.yesterday = y;
    }

    /** A place's cuisine for variety: its cuisine tags but those every place has, or a tag of its own when none is left. */
    private static Set<String> key(long id, Set<String> cuisine, Set<String> everywhere) {
        Set<String> key = new HashSet<>(cuisine);
        key.removeAll(everywhere);
        return key.isEmpty() ? Set.of("\u0000place " + id) : key;
    }

    /** How much a cuisine eaten d days before a day weighs on it: 1, ½, ¼, then 0 after {@link #MEMORY_DAYS}. */
    public static double weight(int d) {
        return d >= 1 && d <= MEMORY_DAYS ? 1.0 / (1 << (d - 1)) : 0;
    }

    public int days() { return open.length; }

    public int size() { return places.size(); }

    public PlanPlace place(int i) { return places.get(i); }

    public double liking(int i) { return liking[i]; }

    public double variety() { return variety; }

    public boolean open(int day, int place) { return open[day][place]; }

    public int openCount(int day) { return openCount[day]; }

    /** The number of distinct cuisine sets among the places. */
    public int cuisines() { return shares.length; }

    /** The index of a place's cuisine set, or NONE for NONE. */
    public int cuisineOf(int place) { return place == NONE ? NONE : cuisineOf[place]; }

    /** Whether place a shares a cuisine tag with cuisine set σ (false for NONE). */
    public boolean shares(int cuisine, int a) { return cuisine != NONE && shares[cuisine][a]; }

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

    /**
     * The penalty within the plan of eating at a after place {@code prev} (yesterday)
     * and a meal of cuisine set {@code earlier} the day before (either may be NONE).
     */
    public double repeat(int earlier, int prev, int a) {
        if (a == NONE) return 0;
        double r = 0;
        if (prev != NONE) r += (prev == a ? 1 : 0) + (shares[cuisineOf[prev]][a] ? 1 : 0);
        if (earlier != NONE && shares[earlier][a]) r += weight(2);
        return r;
    }

    /** The reward of eating at a on day t in state (earlier, prev) (NONE: nothing, reward 0). */
    public double reward(int day, int earlier, int prev, int a) {
        if (a == NONE) return 0;
        return liking[a] - variety * (repeat(earlier, prev, a) + past[day][a]);
    }

    /** The total reward of a plan (one place or NONE per day), or NaN if it breaks a rule. */
    public double valueOf(int[] plan) {
        if (plan.length != days()) throw new IllegalArgumentException("one choice per day");
        double v = 0;
        int prev = NONE;
        int earlier = NONE;
        for (int t = 0; t < plan.length; t++) {
            if (!allowed(t, prev, plan[t])) return Double.NaN;
            v += reward(t, earlier, prev, plan[t]);
            earlier = cuisineOf(prev);
            prev = plan[t];
        }
        return v;
    }

    int yesterday() { return yesterday; }

    @Override
    public String toString() {
        return "WeekModel[" + size() + " places, " + cuisines() + " cuisines, " + days() + " days, variety " + variety + ", yesterday " + yesterday
                + ", liking " + Arrays.toString(liking) + "]";
    }
}
