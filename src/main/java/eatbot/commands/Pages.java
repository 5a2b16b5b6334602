package eatbot.commands;

import eatbot.eat.EatException;
import eatbot.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A long list in pages of whole lines, read by {@code page:} ({@link Commands#PAGE}): the one paging helper. */
public final class Pages {
    /** What one page holds, in characters: a Discord embed's description holds 4096. */
    public static final int PAGE = 4000;
    private final List<List<String>> pages;

    private Pages(List<List<String>> pages) {
        this.pages = pages;
    }

    public static Pages of(List<String> lines, int budget) {
        List<List<String>> pages = new ArrayList<>();
        pages.add(new ArrayList<>());
        int size = 0;
        for (String line : lines) {
            // a line takes its newline and room for Discord's "• " before it: the same pages on both front ends
            int takes = line.length() + 3;
            if (size + takes > budget && !pages.get(pages.size() - 1).isEmpty()) {
                pages.add(new ArrayList<>());
                size = 0;
            }
            pages.get(pages.size() - 1).add(line);
            size += takes;
        }
        return new Pages(pages);
    }

    public int count() {
        return pages.size();
    }

    /** Page {@code n} (from 1); past the last one is refused, saying how many there are. */
    public Page page(int n, Locale locale) {
        if (n > pages.size()) throw new EatException(Messages.of(locale).count("pages.count", pages.size()));
        return new Page(pages.get(n - 1), n, pages.size());
    }

    /** One page's lines, its number and how many pages there are. */
    public record Page(List<String> lines, int number, int of) {
        /** "Page 1 of 3 · /place list page:2 for more". */
        public String footer(String command, Locale locale) {
            Messages m = Messages.of(locale);
            return m.text("pages.footer", number, of) + (number < of ? m.text("pages.more", command, number + 1) : "");
        }
    }
}
