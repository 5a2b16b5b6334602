package eatbot.eat;

import java.util.HashMap;
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
 */
public final class ColdStart {
    private final double strength;
    private final double alpha0;
    private final double beta0;
    private final Map<String, Map<Long, Preference>> byUser;
    private final Map<Long, double[]> totals = new HashMap<>();

    /**
     * @param preferences every person's stored evidence in the guild (as of each row's step)
     * @param steps       every person's current feedback step, to discount their evidence to now
     */
    public ColdStart(GuildSettings s, Map<String, Map<Long, Preference>> preferences, Map<String, Long> steps) {
        this.strength = s.coldStartStrength();
        this.alpha0 = s.priorAlpha();
        this.beta0 = s.priorBeta();
        this.byUser = new HashMap<>();
        for (var user : preferences.entrySet()) {
            long now = steps.getOrDefault(user.getKey(), 0L);
            Map<Long, Preference> mine = new HashMap<>();
            for (Preference p : user.getValue().values()) {
                Preference at = p.at(Math.max(now, p.step()), s.discount());
                mine.put(at.optionId(), at);
                double[] t = totals.computeIfAbsent(at.optionId(), k -> new double[2]);
                t[0] += at.successes();
                t[1] += at.failures();
            }
            byUser.put(user.getKey(), mine);
        }
    }

    /** The guild prior for everyone, when cold start is off. */
    public static ColdStart off(GuildSettings s) {
        return new ColdStart(s.withColdStartStrength(0), Map.of(), Map.of());
    }

    /** {alpha, beta} of this person's prior for this place. */
    public double[] prior(String userId, long optionId) {
        double[] t = totals.get(optionId);
        if (strength == 0 || t == null) return new double[] {alpha0, beta0};
        Preference own = byUser.getOrDefault(userId, Map.of()).get(optionId);
        double s = t[0] - (own == null ? 0 : own.successes());
        double f = t[1] - (own == null ? 0 : own.failures());
        double n = s + f;
        if (n <= 1e-9) return new double[] {alpha0, beta0};
        double m = (alpha0 + s) / (alpha0 + beta0 + n);
        double w = Math.min(strength, n);
        return new double[] {alpha0 + w * m, beta0 + w * (1 - m)};
    }
}
