package eatbot.bandit;

import java.util.Locale;

/** How the scores of several people for one arm become one score. */
public enum GroupRule {
    /** The minimum: nobody is sent to a place they dislike. */
    LEAST_MISERY("least-misery"),
    /** The mean of the members' scores. */
    AVERAGE("average"),
    /** The product: with Thompson draws, the chance that everyone likes it. */
    PRODUCT("product");

    private final String id;

    GroupRule(String id) { this.id = id; }

    public String id() { return id; }

    public static GroupRule parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (GroupRule r : values()) if (r.id.equals(t)) return r;
        throw new IllegalArgumentException("unknown group rule '" + s + "' (least-misery, average or product)");
    }

    /** scores[member][arm] to one score per arm. */
    public double[] combine(double[][] scores) {
        int k = scores[0].length;
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            double acc = switch (this) {
                case LEAST_MISERY -> Double.POSITIVE_INFINITY;
                case AVERAGE -> 0;
                case PRODUCT -> 1;
            };
            for (double[] member : scores) {
                double s = member[i];
                acc = switch (this) {
                    case LEAST_MISERY -> Math.min(acc, s);
                    case AVERAGE -> acc + s / scores.length;
                    case PRODUCT -> acc * s;
                };
            }
            out[i] = acc;
        }
        return out;
    }
}
