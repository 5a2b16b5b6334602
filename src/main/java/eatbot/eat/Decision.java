package eatbot.eat;

import eatbot.bandit.Arms;
import eatbot.bandit.Choice;
import eatbot.bandit.GroupRule;

import java.util.ArrayList;
import java.util.List;

/**
 * What a suggestion was decided on, kept with it so {@code /eat why} draws the
 * decision rather than today's taste: the places that were in the running (in
 * the order they were scored), for each member their posterior Beta(α, β) of
 * each and the score the policy gave it (Thompson: the draw; UCB1: the index;
 * ε-greedy: the mean), the group rule that combined the scores, whether the pick
 * was taken uniformly at random instead (ε-greedy exploring: then no scores), and
 * how many active places were not in the running (filtered, vetoed, resting,
 * closed or re-rolled away). Floats: a picture needs no more, and a /eat of 500
 * places for 10 people stays at 60 KB.
 */
public record Decision(String groupRule, boolean atRandom, int notInRunning, long[] optionIds, List<Member> members) {

    /** One member's view of every candidate, index-aligned with {@link #optionIds}; scores are NaN when at random. */
    public record Member(String userId, float[] alpha, float[] beta, float[] score) {
        public Member {
            if (alpha.length != beta.length || alpha.length != score.length) throw new IllegalArgumentException("ragged member");
        }
    }

    public Decision {
        members = List.copyOf(members);
        for (Member m : members) {
            if (m.alpha().length != optionIds.length) throw new IllegalArgumentException("member and candidates disagree");
        }
    }

    /** What {@link Choice#decide} saw and did, for these members (same order as {@code arms}) and candidates. */
    public static Decision of(GroupRule rule, Choice.Decision choice, List<String> userIds, Arms[] arms,
                              List<Option> candidates, int notInRunning) {
        long[] ids = new long[candidates.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = candidates.get(i).id();
        List<Member> members = new ArrayList<>(arms.length);
        for (int m = 0; m < arms.length; m++) {
            float[] a = new float[ids.length];
            float[] b = new float[ids.length];
            float[] s = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                a[i] = (float) arms[m].alpha(i);
                b[i] = (float) arms[m].beta(i);
                s[i] = choice.atRandom() ? Float.NaN : (float) choice.scores()[m][i];
            }
            members.add(new Member(userIds.get(m), a, b, s));
        }
        return new Decision(rule.id(), choice.atRandom(), notInRunning, ids, members);
    }

    public int candidates() {
        return optionIds.length;
    }

    /** The position of a place among the candidates, or -1. */
    public int indexOf(long optionId) {
        for (int i = 0; i < optionIds.length; i++) if (optionIds[i] == optionId) return i;
        return -1;
    }

    /** The members' scores of each candidate combined by the group rule (what the pick maximised); NaN when at random. */
    public double[] combinedScores() {
        double[][] s = new double[members.size()][optionIds.length];
        for (int m = 0; m < s.length; m++) for (int i = 0; i < optionIds.length; i++) s[m][i] = members.get(m).score()[i];
        return GroupRule.parse(groupRule).combine(s);
    }

    /** The members' posterior means of each candidate combined by the group rule. */
    public double[] combinedMeans() {
        double[][] s = new double[members.size()][optionIds.length];
        for (int m = 0; m < s.length; m++) {
            Member mm = members.get(m);
            for (int i = 0; i < optionIds.length; i++) s[m][i] = mm.alpha()[i] / ((double) mm.alpha()[i] + mm.beta()[i]);
        }
        return GroupRule.parse(groupRule).combine(s);
    }
}
