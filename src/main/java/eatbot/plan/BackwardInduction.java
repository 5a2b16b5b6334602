package eatbot.plan;

import java.util.Arrays;

/**
 * Solves a {@link WeekModel} exactly by backward induction (finite-horizon value
 * iteration): V_T = 0 and, from the last day back to the first,
 * V_t(σ, c) = max over allowed a of reward_t(σ, c, a) + V_{t+1}(cuisine(c), a),
 * for every state (σ = the cuisine of two days before, c = yesterday's place). The plan
 * then follows the maximising actions forward from "nothing known".
 *
 * <p>Cost per day: per cuisine set σc, the places ordered by g(a) = liking − past + V_{t+1}(σc, a),
 * then for each of the (K + 1)(S + 1) states a walk down that order which stops at the
 * first place that costs no penalty (any later one is worth no more). The order is a heap
 * popped only as deep as the longest walk ({@link SortedPrefix}): O(S·(K + w log K) + K·S·w),
 * w the walk's length, at most the places sharing a cuisine with the state (K in the worst
 * case). The walk is exact because the penalty is never negative: g(a) − penalty ≤ g(a).
 */
public final class BackwardInduction {
    private BackwardInduction() {}

    public static Plan solve(WeekModel m) {
        int days = m.days();
        int k = m.size();
        int s = m.cuisines();
        double lambda = m.variety();
        // rows: cuisine σ (s = NONE); columns: place c (k = NONE)
        double[][] next = new double[s + 1][k + 1];
        double[][] value = new double[s + 1][k + 1];
        int[][][] best = new int[days][s + 1][k + 1];
        double[][] g = new double[s + 1][k];
        SortedPrefix[] order = new SortedPrefix[s + 1];
        for (int i = 0; i <= s; i++) order[i] = new SortedPrefix(k);
        int[] openToday = new int[k];
        for (int t = days - 1; t >= 0; t--) {
            if (m.openCount(t) == 0) {
                for (int sigma = 0; sigma <= s; sigma++) {
                    for (int c = 0; c <= k; c++) value[sigma][c] = next[c == k ? s : m.cuisineOf(c)][k];
                    Arrays.fill(best[t][sigma], WeekModel.NONE);
                }
            } else {
                int count = 0;
                for (int a = 0; a < k; a++) if (m.open(t, a)) openToday[count++] = a;
                // g(a) after a place of cuisine σc: liking, the known past, and what follows
                for (int sc = 0; sc <= s; sc++) {
                    double[] gs = g[sc];
                    for (int i = 0; i < count; i++) {
                        int a = openToday[i];
                        gs[a] = m.liking(a) - lambda * m.pastPenalty(t, a) + next[sc][a];
                    }
                    order[sc].reset(openToday, count, gs);
                }
                for (int c = 0; c <= k; c++) {
                    int prev = c == k ? WeekModel.NONE : c;
                    int sc = c == k ? s : m.cuisineOf(c);
                    double[] gs = g[sc];
                    SortedPrefix o = order[sc];
                    for (int sigma = 0; sigma <= s; sigma++) {
                        int earlier = sigma == s ? WeekModel.NONE : sigma;
                        double v = Double.NEGATIVE_INFINITY;
                        int arg = WeekModel.NONE;
                        for (int i = 0; i < count; i++) {
                            int a = o.get(i);
                            if (gs[a] <= v) break; // penalties are never negative: nothing further can win
                            if (!m.allowed(t, prev, a)) continue;
                            double x = gs[a] - lambda * m.repeat(earlier, prev, a);
                            if (x > v) {
                                v = x;
                                arg = a;
                            }
                        }
                        value[sigma][c] = v;
                        best[t][sigma][c] = arg;
                    }
                }
            }
            double[][] swap = next;
            next = value;
            value = swap;
        }
        int[] plan = new int[days];
        int sigma = s;
        int c = k;
        for (int t = 0; t < days; t++) {
            int a = best[t][sigma][c];
            plan[t] = a;
            sigma = c == k ? s : m.cuisineOf(c);
            c = a == WeekModel.NONE ? k : a;
        }
        return new Plan(plan, next[s][k]);
    }
}
