package eatbot.commands;

import eatbot.i18n.Messages;

import java.util.List;
import java.util.Locale;

/** A long list cut to fit a message, whole items only, ending "… and N more": the one copy of that loop. */
public final class More {
    private More() {}

    /** The lines, one a line, as many as fit in {@code budget} characters; then "… and N more". */
    public static String lines(List<String> lines, int budget, Locale locale) {
        return fit(lines, "\n", budget, locale, "\n");
    }

    /** The items, comma-separated, as many as fit in {@code budget} characters; then " … and N more". */
    public static String join(List<String> items, int budget, Locale locale) {
        return fit(items, Messages.of(locale).text("list.comma"), budget, locale, " ");
    }

    private static String fit(List<String> items, String separator, int budget, Locale locale, String beforeMore) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (String item : items) {
            String part = (shown == 0 ? "" : separator) + item;
            if (b.length() + part.length() > budget) break;
            b.append(part);
            shown++;
        }
        if (shown < items.size()) {
            b.append(shown == 0 ? "" : beforeMore).append(Messages.of(locale).text("more.and", items.size() - shown));
        }
        return b.toString();
    }
}
