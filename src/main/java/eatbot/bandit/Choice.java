package eatbot.bandit;

import org.apache.commons.rng.UniformRandomProvider;

/** Picking the best arm, possibly for a group, with ties broken at random. */
public final class Choice {
    private Choice() {}

    /** Index of the largest score; ties broken uniformly so no arm is favoured by its position. */
    public static int argmax(double[] scores, UniformRandomProvider rng) {
        int best = -1;
        int ties = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (Double.isNaN(s)) continue;
            if (best < 0 || s > scores[best]) {
                best = i;
                ties = 1;
            } else if (s == scores[best] && rng.nextInt(++ties) == 0) {
                best = i; // reservoir sampling over the tied arms
            }
        }
        if (best < 0) throw new IllegalArgumentException("no arm has a score");
        return best;
    }

    /**
     * Picks an arm for a group: each member's arms are scored by the policy, the
     * member scores are combined by {@code rule} and the best combined score
     * wins. With a single member this is exactly {@link Policy#choose}.
     */
    public static int forGroup(Policy policy, Arms[] members, GroupRule rule, UniformRandomProvider rng) {
        return decide(policy, members, rule, rng).arm();
    }

    /**
     * What decided a pick: the arm, whether it was taken uniformly at random
     * (ε-greedy's exploration; then there are no scores), and otherwise each
     * member's score per arm (Thompson: the draws; UCB1: the index; ε-greedy:
     * the mean) and their combination by the group rule.
     */
    public record Decision(int arm, boolean atRandom, double[][] scores, double[] combined) {}

    /** {@link #forGroup}, keeping what decided it; the same random draws in the same order. */
    public static Decision decide(Policy policy, Arms[] members, GroupRule rule, UniformRandomProvider rng) {
        if (members.length == 0) throw new IllegalArgumentException("a group needs members");
        int k = members[0].size();
        for (Arms a : members) {
            if (a.size() != k) throw new IllegalArgumentException("members disagree on the number of arms");
        }
        if (policy.exploresUniformly(rng)) return new Decision(rng.nextInt(k), true, null, null);
        double[][] scores = new double[members.length][k];
        for (int m = 0; m < members.length; m++) policy.score(members[m], rng, scores[m]);
        double[] combined = rule.combine(scores);
        return new Decision(argmax(combined, rng), false, scores, combined);
    }

    /** The arm with the best combined posterior mean: what a purely greedy group would take. */
    public static int greedyForGroup(Arms[] members, GroupRule rule, UniformRandomProvider rng) {
        int k = members[0].size();
        double[][] means = new double[members.length][k];
        for (int m = 0; m < members.length; m++) {
            for (int i = 0; i < k; i++) means[m][i] = members[m].posteriorMean(i);
        }
        return argmax(rule.combine(means), rng);
    }
}
