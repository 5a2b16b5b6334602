package eatbot.eat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one request leaves out, from {@code /eat not:spicy,smelly max-price:$$ only:vegetarian}.
 * A place is kept when it has none of the {@code not} tags, all of the
 * {@code only} tags, and a price tag ({@code $}..{@code $$$$}) no higher than
 * {@code maxPrice}; a place without a price tag is kept (its price is unknown,
 * not known to be too high).
 *
 * @param maxPrice 1 to 4 dollar signs, or 0 for no limit
 */
public record Filters(Set<String> not, int maxPrice, Set<String> only) {
    public static final Filters NONE = new Filters(Set.of(), 0, Set.of());
    public static final int MAX_PRICE = 4;

    public Filters {
        not = Set.copyOf(new LinkedHashSet<>(not));
        only = Set.copyOf(new LinkedHashSet<>(only));
        if (maxPrice < 0 || maxPrice > MAX_PRICE) throw EatException.of("refusal.max-price.range");
    }

    /** From the three option values as typed (any may be null or blank). */
    public static Filters parse(String not, String maxPrice, String only) {
        List<String> no = Names.tags(not);
        List<String> must = Names.tags(only);
        for (String t : no) {
            if (must.contains(t)) throw EatException.of("refusal.filters.both", Names.shown(t));
        }
        return new Filters(new LinkedHashSet<>(no), price(maxPrice), new LinkedHashSet<>(must));
    }

    private static int price(String raw) {
        if (raw == null || raw.isBlank()) return 0;
        String s = raw.strip();
        if (s.matches("\\${1,4}")) return s.length();
        if (s.matches("[1-4]")) return Integer.parseInt(s);
        throw EatException.of("refusal.max-price", s);
    }

    /** The place's price as a count of dollar signs, 0 when it has no price tag. */
    public static int priceOf(Option o) {
        int p = 0;
        for (String t : o.tags()) {
            if (Names.isPrice(t)) p = Math.max(p, t.length());
        }
        return p;
    }

    public boolean isEmpty() {
        return not.isEmpty() && maxPrice == 0 && only.isEmpty();
    }

    /** Each filter as a named step (not, max-price, only), for {@link Sieve}. */
    public void applyTo(Sieve sieve) {
        if (!not.isEmpty()) {
            sieve.keep("not:" + String.join(",", sorted(not)), o -> o.tags().stream().noneMatch(not::contains));
        }
        if (maxPrice > 0) {
            sieve.keep("max-price:" + "$".repeat(maxPrice), o -> priceOf(o) <= maxPrice);
        }
        if (!only.isEmpty()) {
            sieve.keep("only:" + String.join(",", sorted(only)), o -> o.tags().containsAll(only));
        }
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!not.isEmpty()) parts.add("not:" + String.join(",", sorted(not)));
        if (maxPrice > 0) parts.add("max-price:" + "$".repeat(maxPrice));
        if (!only.isEmpty()) parts.add("only:" + String.join(",", sorted(only)));
        return String.join(" ", parts);
    }
}
