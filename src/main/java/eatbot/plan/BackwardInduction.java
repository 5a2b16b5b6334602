package eatbot.plan;

import java.util.Arrays;

/**
 * Solves a {@link WeekModel} exactly by backward induction (finite-horizon value
 * iteration): V_T(s) = 0 and V_t(s) = max over allowed a of reward_t(s, a) + V_{t+1}(a),
 * from the last day back to the first; the plan then follows the maximising
 * actions forward from "nothing yesterday".
 *
 * <p>A day costs O(K log K + Σ_s |conflicts(s)|), not K²: the places that share
 * nothing with s all get the same, unpenalised value base(a) = liking(a) − past + V_{t+1}(a),
 * so the best of them is the first in one sorted list that is not among s's
 * conflicts; only the few places sharing s's cuisine need their own penalty.
 */
public final class BackwardInduction {
    private BackwardInduction() {}

    public static Plan solve(WeekModel m) {
        int days = m.days();
        int k = m.size();
        int none = k; // the NONE state's row
        double[][] value = new double[days + 1][k + 1];
        int[][] best = new int[days][k + 1];
        double[] base = new double[k];
        Integer[] order = new Integer[k];
        int[] stamp = new int[k];
        Arrays.fill(stamp, -1);
        int stampId = 0;
        for (int t = days - 1; t >= 0; t--) {
            double[] next = value[t + 1];
            if (m.openCount(t) == 0) {
                Arrays.fill(value[t], next[none]);
                Arrays.fill(best[t], WeekModel.NONE);
                continue;
            }
            int n = 0;
            for (int a = 0; a < k; a++) {
                if (!m.open(t, a)) continue;
                base[a] = m.liking(a) - m.variety() * m.pastPenalty(t, a) + next[a];
                order[n++] = a;
            }
            final double[] b = base;
            Arrays.sort(order, 0, n, (x, y) -> x.equals(y) ? 0 : b[y] != b[x] ? Double.compare(b[y], b[x]) : Integer.compare(x, y));
            for (int s = 0; s <= k; s++) {
                int prev = s == none ? WeekModel.NONE : s;
                stampId++;
                if (prev != WeekModel.NONE) for (int a : m.conflicts(prev)) stamp[a] = stampId;
                double v = Double.NEGATIVE_INFINITY;
                int arg = WeekModel.NONE;
                for (int i = 0; i < n; i++) {
                    int a = order[i];
                    if (stamp[a] == stampId || !m.allowed(t, prev, a)) continue;
                    v = base[a];
                    arg = a;
                    break; // the best place sharing nothing with yesterday's
                }
                if (prev != WeekModel.NONE) {
                    int[] with = m.conflicts(prev);
                    double[] rep = m.conflictRepeat(prev);
                    for (int j = 0; j < with.length; j++) {
                        int a = with[j];
                        if (!m.allowed(t, prev, a)) continue;
                        double c = base[a] - m.variety() * rep[j];
                        if (c > v || (c == v && a < arg)) {
                            v = c;
                            arg = a;
                        }
                    }
                }
                value[t][s] = v;
                best[t][s] = arg;
            }
        }
        int[] plan = new int[days];
        int s = none;
        for (int t = 0; t < days; t++) {
            plan[t] = best[t][s];
            s = plan[t] == WeekModel.NONE ? none : plan[t];
        }
        return new Plan(plan, value[0][none]);
    }
}
