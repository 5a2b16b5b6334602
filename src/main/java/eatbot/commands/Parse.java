package eatbot.commands;

import eatbot.eat.EatException;
import eatbot.eat.Names;
import eatbot.eat.Numbers;
import eatbot.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * The one reader of numbers typed into commands, on both front ends, with one style
 * of refusal: "count must be a whole number, got 'abc'." and "count must be 1 to 25,
 * got 26." The range is the option's own ({@link OptionDef#min}, {@link OptionDef#max}),
 * the same one Discord is told to enforce, so a forged interaction meets it too.
 */
public final class Parse {
    private Parse() {}

    /** The whole number typed for {@code option}, in its range; null when it was not given. */
    public static Integer whole(OptionDef option, String typed, Locale locale) {
        if (typed == null) return null;
        int n;
        try {
            n = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new EatException(Messages.of(locale).text("refusal.whole", option.name(), Names.shown(typed)));
        }
        inRange(option, n, locale);
        return n;
    }

    /** The number typed for {@code option}, in its range; null when it was not given. NaN and infinities are refused. */
    public static Double number(OptionDef option, String typed, Locale locale) {
        if (typed == null) return null;
        double d;
        try {
            d = Double.parseDouble(typed.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new EatException(Messages.of(locale).text("refusal.number", option.name(), Names.shown(typed)));
        }
        inRange(option, d, locale);
        return d;
    }

    private static void inRange(OptionDef o, double x, Locale locale) {
        boolean low = o.min() != null && x < o.min();
        boolean high = o.max() != null && x > o.max();
        if (!low && !high) return;
        Messages m = Messages.of(locale);
        throw new EatException(o.max() == null
                ? m.text("refusal.atLeast", o.name(), show(o.min()), show(x))
                : m.text("refusal.range", o.name(), show(o.min()), show(o.max()), show(x)));
    }

    /** 2 rather than 2.0. */
    static String show(double x) {
        return Numbers.format(x);
    }

    /** "a, b or c" in the reader's language. */
    public static String either(List<String> items, Locale locale) {
        if (items.size() == 1) return items.get(0);
        Messages m = Messages.of(locale);
        return m.text("list.or", String.join(m.text("list.comma"), items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }
}
