package eatbot.eat;

/** Numbers as people type them into commands, and as settings show them back. */
public final class Numbers {
    private Numbers() {}

    /** The number typed for {@code key}, or null when it was not given; text, NaN and infinities are refused. */
    public static Double parse(String key, String text) {
        if (text == null) return null;
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw EatException.of("refusal.not-a-number", key, Names.shown(text));
        }
    }

    /** A whole number typed for {@code key}. */
    public static int parseWhole(String key, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw EatException.of("refusal.not-a-whole-number", key, Names.shown(text));
        }
    }

    /** 2 rather than 2.0; "nothing" for NaN. */
    public static String format(double x) {
        if (Double.isNaN(x)) return "nothing";
        return x == Math.rint(x) && !Double.isInfinite(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
