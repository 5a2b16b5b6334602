package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.Filters;
import eatbot.eat.MealTime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "another one" button's custom id. It carries what the re-roll needs
 * besides the people (who are stored with the suggestion): the suggestion id,
 * then this request's filters and meal time, so the button keeps working
 * after a restart: {@code eat-again:42|spicy,smelly|2|vegetarian|Fri 19:00}.
 * Tags use only letters, digits, '-' and '$', so '|' and ',' separate safely.
 * When that would exceed Discord's 100 characters (a dozen long tags), the
 * filters are remembered in memory instead ({@code eat-again:42|*}); such a
 * button says "ask again" after a restart.
 */
public final class AnotherOne {
    public static final String PREFIX = "eat-again:";
    static final int MAX_CUSTOM_ID = 100;
    static final String REMEMBERED = "*";
    static final String FORGOTTEN = eatbot.i18n.Messages.ENGLISH.text("another.forgotten");
    private static final int REMEMBER = 2000;

    /** What to ask again: without {@code previousId}'s pick, with the same filters and meal time. */
    public record Ask(long previousId, Filters filters, MealTime at) {}

    private final Map<Long, Ask> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Ask> eldest) {
            return size() > REMEMBER;
        }
    };

    /** The custom id for the button under suggestion {@code suggestionId}. */
    public String customId(long suggestionId, Filters filters, MealTime at) {
        String plain = PREFIX + suggestionId;
        if (filters.isEmpty() && at == null) return plain;
        String full = plain + "|" + String.join(",", filters.not()) + "|" + filters.maxPrice()
                + "|" + String.join(",", filters.only()) + "|" + (at == null ? "" : at.toString());
        if (full.length() <= MAX_CUSTOM_ID) return full;
        synchronized (remembered) {
            remembered.put(suggestionId, new Ask(suggestionId, filters, at));
        }
        return plain + "|" + REMEMBERED;
    }

    /** Reads a custom id made by {@link #customId}; a broken or forgotten one is a clear user error. */
    public Ask read(String customId) {
        if (!customId.startsWith(PREFIX)) throw EatException.of("discord.old-button");
        String[] parts = customId.substring(PREFIX.length()).split("\\|", -1);
        long id;
        try {
            id = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw EatException.of("discord.old-button");
        }
        if (parts.length == 1) return new Ask(id, Filters.NONE, null);
        if (parts.length == 2 && parts[1].equals(REMEMBERED)) {
            synchronized (remembered) {
                Ask a = remembered.get(id);
                if (a == null) throw EatException.of("another.forgotten");
                return a;
            }
        }
        if (parts.length != 5) throw EatException.of("discord.old-button");
        return new Ask(id, Filters.parse(parts[1], parts[2].equals("0") ? null : parts[2], parts[3]), MealTime.parse(parts[4]));
    }
}
