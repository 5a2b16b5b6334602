package eatbot.eat;

import java.util.Map;

/**
 * A shrunk empirical-Bayes prior: someone who has not rated a place yet starts
 * from how the rest of the guild rates it, so a newcomer's first suggestions are
 * the guild's favourites while their own 👍/👎 take over as they come in.
 *
 * <p>For person u and place p, with the others' (discounted) evidence S for and F
 * against p, their mean shrunk toward the guild prior is
 * m = (α0 + S) / (α0 + β0 + S + F), and u's prior becomes
 * Beta(α0 + w·m, β0 + w·(1 − m)) with w = min(strength, S + F): never more
 * pseudo-observations than the others actually have, and none when strength is 0.
 *
 * <p>The others' evidence is the guild's total for the place minus the person's
 * own: both discounted the same way (each row from its step to its person's
 * current step), so the difference is exact and the totals can be summed by the
 * store ({@link EatStore#placeEvidence}) instead of read row by row.
 */
public final class ColdStart {
    private final double strength;
    private final double alpha0;
    private final double beta0;
    private final double gamma;
    private final Map<Long, double[]> totals;

    /** From the guild's sums per place ({@link EatStore#placeEvidence}): {successes, failures} per place id. */
    public ColdStart(GuildSettings s, Map<Long, double[]> placeEvidence) {
        this.strength = s.coldStartStrength();
        this.alpha0 = s.priorAlpha();
        this.beta0 = s.priorBeta();
        this.gamma = s.discount();
        this.totals = Map.copyOf(placeEvidence);
    }

    /** The guild prior for everyone, when cold start is off. */
    public static ColdStart off(GuildSettings s) {
        return new ColdStart(s.toBuilder().coldStartStrength(0).build(), Map.of());
    }

    /**
     * {alpha, beta} of a person's prior for this place, given their own stored
     * evidence for it (or null) and their current step.
     */
    public double[] prior(long optionId, Preference own, long step) {
        double[] t = totals.get(optionId);
        if (strength == 0 || t == null) return new double[] {alpha0, beta0};
        Preference ownNow = own == null ? null : own.at(Math.max(step, own.step()), gamma);
        // clamped: summation order leaves rounding residue when the person is the only one with evidence
        double s = Math.max(0, t[0] - (ownNow == null ? 0 : ownNow.successes()));
        double f = Math.max(0, t[1] - (ownNow == null ? 0 : ownNow.failures()));
        double n = s + f;
        if (n <= 1e-9) return new double[] {alpha0, beta0};
        double m = (alpha0 + s) / (alpha0 + beta0 + n);
        double w = Math.min(strength, n);
        return new double[] {alpha0 + w * m, beta0 + w * (1 - m)};
    }
}
