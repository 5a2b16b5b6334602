package eatbot.eat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The words both front ends use for a pick, so Discord and the console say the
 * same: whose counts these are, and why a better place was not picked
 * ("Noodle Bar is resting until Fri 12:00: you went Wed."). The one asking is
 * "you"; others by name, never with a possessive.
 */
public final class PickText {
    /** Resting places named one by one; more are counted. */
    static final int RESTING_NAMED = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ZoneId zone;
    private final Instant now;
    private final UnaryOperator<String> person;
    private final UnaryOperator<String> place;

    /**
     * @param person how a front end shows a person id (a mention, a console name)
     * @param place  how it shows a place name (escaped for Discord's markdown, or as is)
     */
    public PickText(ZoneId zone, Instant now, UnaryOperator<String> person, UnaryOperator<String> place) {
        this.zone = zone;
        this.now = now;
        this.person = person;
        this.place = place;
    }

    /** "you" for one person, "together" for a group: whose 👍/👎 the counts are. */
    public static String whoseCounts(Suggestion s) {
        return s.isGroup() ? "together" : "you";
    }

    /** One sentence per reason a better place was not picked; empty when there is none. */
    public List<String> reasons(Suggestion s) {
        Pick p = s.pick();
        List<String> out = new ArrayList<>();
        if (p == null) return out;
        for (Pick.Resting r : p.resting().subList(0, Math.min(RESTING_NAMED, p.resting().size()))) {
            out.add(place.apply(r.place().name()) + " is resting until " + until(r.until()) + ": "
                    + people(r.who(), s.requestedBy()) + " went " + day(r.went()) + ".");
        }
        int more = p.resting().size() - RESTING_NAMED;
        if (more > 0) out.add(more + " more " + (more == 1 ? "place ranked above it is" : "places ranked above it are") + " resting too.");
        if (p.leftOut() != null) {
            out.add(place.apply(p.leftOut().place().name()) + ", " + (s.isGroup() ? "the group's" : "your")
                    + " best, is left out by " + p.leftOut().step() + ".");
        }
        return out;
    }

    /** "you", "bob", "you and bob", "you, bob and carol". */
    String people(List<String> ids, String asker) {
        List<String> names = new ArrayList<>();
        if (ids.contains(asker)) names.add("you");
        for (String id : ids) if (!id.equals(asker)) names.add(person.apply(id));
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** "today", "yesterday", "Wed", or with the date when more than six days away. */
    String day(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        long days = ChronoUnit.DAYS.between(z.toLocalDate(), LocalDate.ofInstant(now, zone));
        if (days == 0) return "today";
        if (days == 1) return "yesterday";
        if (days == -1) return "tomorrow";
        return (Math.abs(days) <= 6 ? DAY : DATE).format(z);
    }

    /** "tomorrow 12:00", "Fri 12:00". */
    String until(Instant t) {
        return day(t) + " " + TIME.format(t.atZone(zone));
    }
}
