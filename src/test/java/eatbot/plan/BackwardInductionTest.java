package eatbot.plan;

import eatbot.bandit.Randomness;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackwardInductionTest {
    private static final String[] CUISINES = {"thai", "pizza", "sushi", "burger"};

    @Test
    void sortedPrefixGivesTheIndicesByDecreasingKeyLowerIndexFirstOnTies() {
        UniformRandomProvider rng = Randomness.seeded(9);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + rng.nextInt(50);
            double[] key = new double[n + 5];
            int[] items = new int[n];
            for (int i = 0; i < n; i++) {
                items[i] = i;
                key[i] = rng.nextInt(8); // many ties
            }
            SortedPrefix p = new SortedPrefix(n);
            p.reset(items, n, key);
            List<Integer> expected = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted((x, y) -> key[x] != key[y] ? Double.compare(key[y], key[x]) : Integer.compare(x, y)).toList();
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) got.add(p.get(i));
            assertEquals(expected, got);
        }
    }

    /** A random instance: K places with 0 to 2 cuisines, random likings, some places closed some days, some past meals. */
    private static WeekModel randomModel(UniformRandomProvider rng, int k, int days) {
        List<PlanPlace> places = new ArrayList<>();
        double[] liking = new double[k];
        boolean common = rng.nextInt(4) == 0;
        for (int i = 0; i < k; i++) {
            Set<String> tags = new java.util.HashSet<>();
            if (common) tags.add("food");
            int n = rng.nextInt(3);
            for (int j = 0; j < n; j++) tags.add(CUISINES[rng.nextInt(CUISINES.length)]);
            places.add(new PlanPlace(100 + i, tags));
            liking[i] = rng.nextDouble();
        }
        boolean[][] open = new boolean[days][k];
        for (boolean[] day : open) for (int i = 0; i < k; i++) day[i] = rng.nextDouble() < 0.8;
        List<PastMeal> past = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            if (rng.nextBoolean()) past.add(new PastMeal(d, 100 + rng.nextInt(k + 1), Set.of(CUISINES[rng.nextInt(CUISINES.length)])));
        }
        double variety = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
        return new WeekModel(places, liking, open, variety, past);
    }

    /** The best total over every plan the rules allow, by enumeration. */
    private static double bruteForce(WeekModel m) {
        return bruteForce(m, 0, WeekModel.NONE, new int[m.days()]);
        // every plan the rules allow is scored by the model's own valueOf, from the first day
    }

    private static double bruteForce(WeekModel m, int day, int prev, int[] plan) {
        if (day == m.days()) return m.valueOf(plan);
        double best = Double.NEGATIVE_INFINITY;
        for (int a = WeekModel.NONE; a < m.size(); a++) {
            if (!m.allowed(day, prev, a)) continue;
            plan[day] = a;
            best = Math.max(best, bruteForce(m, day + 1, a, plan));
        }
        return best;
    }

    @Test
    void findsTheSameOptimumAsTryingEveryPlan() {
        UniformRandomProvider rng = Randomness.seeded(14);
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + rng.nextInt(6);
            int days = 1 + rng.nextInt(4);
            WeekModel m = randomModel(rng, k, days);
            Plan plan = BackwardInduction.solve(m);
            assertEquals(bruteForce(m), plan.value(), 1e-9, "trial " + trial);
        }
    }

    @Test
    void theReturnedPlanIsWorthTheOptimalValue() {
        UniformRandomProvider rng = Randomness.seeded(7);
        for (int trial = 0; trial < 200; trial++) {
            WeekModel m = randomModel(rng, 1 + rng.nextInt(40), 1 + rng.nextInt(14));
            Plan plan = BackwardInduction.solve(m);
            assertEquals(plan.value(), m.valueOf(plan.choice()), 1e-9, "trial " + trial); // NaN if it broke a rule
        }
    }

    @Test
    void neverPlansAClosedPlaceNorTheSamePlaceTwoDaysRunning() {
        UniformRandomProvider rng = Randomness.seeded(3);
        for (int trial = 0; trial < 200; trial++) {
            WeekModel m = randomModel(rng, 1 + rng.nextInt(30), 14);
            if (m.variety() == 0) continue;
            int[] plan = BackwardInduction.solve(m).choice();
            for (int t = 0; t < plan.length; t++) {
                if (plan[t] == WeekModel.NONE) {
                    assertEquals(0, m.openCount(t));
                    continue;
                }
                assertTrue(m.open(t, plan[t]));
                if (t > 0 && plan[t] == plan[t - 1]) assertEquals(1, m.openCount(t), "a repeat only when nothing else is open");
            }
        }
    }

    @Test
    void withoutVarietyTheClearFavouriteFillsEveryDay() {
        List<PlanPlace> places = List.of(new PlanPlace(1, Set.of("thai")), new PlanPlace(2, Set.of("thai")), new PlanPlace(3, Set.of("pizza")));
        boolean[][] open = new boolean[7][3];
        for (boolean[] d : open) Arrays.fill(d, true);
        double[] liking = {0.9, 0.5, 0.4};
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), list(BackwardInduction.solve(new WeekModel(places, liking, open, 0, List.of())).choice()));
        // with variety the favourite comes back every other day, and a different cuisine in between
        int[] varied = BackwardInduction.solve(new WeekModel(places, liking, open, 0.3, List.of())).choice();
        assertEquals(List.of(0, 2, 0, 2, 0, 2, 0), list(varied));
    }

    @Test
    void aMealEatenYesterdayKeepsItsPlaceOffTheFirstDay() {
        List<PlanPlace> places = List.of(new PlanPlace(1, Set.of("thai")), new PlanPlace(2, Set.of("pizza")));
        boolean[][] open = {{true, true}};
        double[] liking = {0.9, 0.2};
        WeekModel m = new WeekModel(places, liking, open, 0.1, List.of(new PastMeal(1, 1, Set.of("thai"))));
        assertEquals(1, BackwardInduction.solve(m).at(0));
        assertFalse(m.allowed(0, WeekModel.NONE, 0));
        // three days ago it only weighs a quarter, and long ago not at all
        WeekModel older = new WeekModel(places, liking, open, 0.1, List.of(new PastMeal(3, 1, Set.of("thai"))));
        assertEquals(0.25, older.pastPenalty(0, 0), 1e-12);
        assertEquals(0, new WeekModel(places, liking, open, 0.1, List.of(new PastMeal(4, 1, Set.of("thai")))).pastPenalty(0, 0));
        assertNotEquals(0, older.pastPenalty(0, 0));
    }

    @Test
    void aDayWithNothingOpenIsLeftEmptyAndForgetsYesterday() {
        List<PlanPlace> places = List.of(new PlanPlace(1, Set.of("thai")), new PlanPlace(2, Set.of("pizza")));
        boolean[][] open = {{true, true}, {false, false}, {true, true}};
        int[] plan = BackwardInduction.solve(new WeekModel(places, new double[] {0.9, 0.1}, open, 0.5, List.of())).choice();
        assertEquals(List.of(0, WeekModel.NONE, 0), list(plan));
    }

    @Test
    void aTagEveryPlaceHasDoesNotHideTheCuisines() {
        List<PlanPlace> places = List.of(new PlanPlace(1, Set.of("food", "thai")), new PlanPlace(2, Set.of("food", "thai")),
                new PlanPlace(3, Set.of("food", "pizza")));
        boolean[][] open = new boolean[3][3];
        for (boolean[] d : open) Arrays.fill(d, true);
        // the two Thai places are liked best, but after one of them the other is a repeat of Thai, and pizza is not
        int[] plan = BackwardInduction.solve(new WeekModel(places, new double[] {0.9, 0.85, 0.5}, open, 1, List.of())).choice();
        assertEquals(List.of(0, 2, 0), list(plan));
    }

    private static List<Integer> list(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
