package eatbot.eat;

import eatbot.bandit.Arms;
import eatbot.bandit.Choice;
import eatbot.bandit.GroupRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a suggestion was decided on, kept with it so {@code /eat why} draws the
 * decision rather than today's taste: every place that was in the running
 * ({@link #optionIds}), and for the {@link #kept} best of them by the combined
 * score (plus the pick, always) each member's posterior Beta(α, β) and the score
 * the policy gave it (Thompson: the draw; UCB1: the index; ε-greedy: the mean);
 * the group rule that combined the scores; whether the pick was taken uniformly
 * at random instead (ε-greedy exploring: then no scores, and the best means are
 * kept); and how many active places were not in the running (filtered, vetoed,
 * resting, closed or re-rolled away). The kept places come first in
 * {@link #optionIds}, best first. Floats, and only the best {@link #KEEP}: a
 * /eat of 500 places for 10 people keeps 8 KB instead of 64 KB (README "Performance").
 */
public record Reasons(String groupRule, boolean atRandom, int notInRunning, long[] optionIds, int kept, List<Member> members,
                      Map<String, Integer> leftOutBy) {
    /** How many of the best candidates keep their beliefs and scores; the picture draws 8 of them. */
    public static final int KEEP = 32;

    /** One member's view of each kept candidate, index-aligned with the start of {@link #optionIds}; scores NaN when at random. */
    public record Member(String userId, float[] alpha, float[] beta, float[] score) {
        public Member {
            if (alpha.length != beta.length || alpha.length != score.length) throw new IllegalArgumentException("ragged member");
        }
    }

    /**
     * @param leftOutBy how many places each step of the sieve took out of the running
     *                  ("not:spicy", "resting", …; a member's own vetoes without naming
     *                  whose), in order; places re-rolled away are counted in
     *                  {@code notInRunning} only
     */
    public Reasons {
        members = List.copyOf(members);
        leftOutBy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(leftOutBy));
        if (kept > optionIds.length) throw new IllegalArgumentException("more kept than candidates");
        for (Member m : members) {
            if (m.alpha().length != kept) throw new IllegalArgumentException("member and kept candidates disagree");
        }
    }

    /** What {@link Choice#decide} saw and did, for these members (same order as {@code arms}) and candidates. */
    public static Reasons of(GroupRule rule, Choice.Decision choice, List<String> userIds, Arms[] arms,
                             List<Option> candidates, int notInRunning, Map<Option, String> removed) {
        Map<String, Integer> leftOutBy = new java.util.LinkedHashMap<>();
        for (String step : removed.values()) {
            // a person's vetoes are theirs: the picture says a member's, not whose ("your" would be wrong for another reader)
            String why = step.equals("your vetoes") || step.startsWith("the vetoes of ") ? "a member's vetoes" : step;
            leftOutBy.merge(why, 1, Integer::sum);
        }
        int n = candidates.size();
        double[] combined = choice.atRandom() ? means(rule, arms) : choice.combined();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(combined[y], combined[x])); // best first, stable
        int kept = Math.min(KEEP, n);
        for (int j = kept; j < n; j++) {
            if (order[j] == choice.arm()) { // the pick is always kept: in place of the last of the best
                order[j] = order[kept - 1];
                order[kept - 1] = choice.arm();
            }
        }
        long[] ids = new long[n];
        for (int j = 0; j < n; j++) ids[j] = candidates.get(order[j]).id();
        List<Member> members = new ArrayList<>(arms.length);
        for (int m = 0; m < arms.length; m++) {
            float[] a = new float[kept];
            float[] b = new float[kept];
            float[] s = new float[kept];
            for (int j = 0; j < kept; j++) {
                int i = order[j];
                a[j] = (float) arms[m].alpha(i);
                b[j] = (float) arms[m].beta(i);
                s[j] = choice.atRandom() ? Float.NaN : (float) choice.scores()[m][i];
            }
            members.add(new Member(userIds.get(m), a, b, s));
        }
        return new Reasons(rule.id(), choice.atRandom(), notInRunning, ids, kept, members, leftOutBy);
    }

    private static double[] means(GroupRule rule, Arms[] arms) {
        double[][] m = new double[arms.length][];
        for (int k = 0; k < arms.length; k++) {
            m[k] = new double[arms[k].size()];
            for (int i = 0; i < m[k].length; i++) m[k][i] = arms[k].posteriorMean(i);
        }
        return rule.combine(m);
    }

    public int candidates() {
        return optionIds.length;
    }

    /** The position of a place among the candidates, or -1. */
    public int indexOf(long optionId) {
        for (int i = 0; i < optionIds.length; i++) if (optionIds[i] == optionId) return i;
        return -1;
    }

    /** The members' scores of each kept candidate combined by the group rule (what the pick maximised); NaN when at random. */
    public double[] combinedScores() {
        double[][] s = new double[members.size()][kept];
        for (int m = 0; m < s.length; m++) for (int i = 0; i < kept; i++) s[m][i] = members.get(m).score()[i];
        return GroupRule.parse(groupRule).combine(s);
    }

    /** The members' posterior means of each kept candidate combined by the group rule. */
    public double[] combinedMeans() {
        double[][] s = new double[members.size()][kept];
        for (int m = 0; m < s.length; m++) {
            Member mm = members.get(m);
            for (int i = 0; i < kept; i++) s[m][i] = mm.alpha()[i] / ((double) mm.alpha()[i] + mm.beta()[i]);
        }
        return GroupRule.parse(groupRule).combine(s);
    }
}
