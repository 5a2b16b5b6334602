package eatbot.eat;

import eatbot.i18n.Messages;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words both front ends use for a pick, so Discord and the console say the
 * same: whose counts these are, and why a better place was not picked
 * ("Noodle Bar is resting until Fri 12:00: you went Wed."). The one asking is
 * "you"; others by name, never with a possessive. Worded in the reader's
 * language ({@link Messages}); day names and dates too.
 */
public final class PickText {
    /** Resting places named one by one; more are counted. */
    static final int RESTING_NAMED = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /** The sieve's step for opening hours, as {@code EatService} names it: "opening hours (now, Fri 12:00)". */
    private static final Pattern OPENING_HOURS = Pattern.compile("opening hours \\((now, )?([A-Z][a-z]{2}) (\\d\\d:\\d\\d)\\)");
    private static final Pattern VETOES_OF = Pattern.compile("the vetoes of (.+)");

    private final ZoneId zone;
    private final Instant now;
    private final UnaryOperator<String> person;
    private final UnaryOperator<String> place;
    private final Messages words;
    private final DateTimeFormatter day;
    private final DateTimeFormatter date;

    /** In English; see {@link #PickText(ZoneId, Instant, UnaryOperator, UnaryOperator, Messages)}. */
    public PickText(ZoneId zone, Instant now, UnaryOperator<String> person, UnaryOperator<String> place) {
        this(zone, now, person, place, Messages.ENGLISH);
    }

    /**
     * @param person how a front end shows a person id (a mention, a console name)
     * @param place  how it shows a place name (escaped for Discord's markdown, or as is)
     * @param words  the reader's language
     */
    public PickText(ZoneId zone, Instant now, UnaryOperator<String> person, UnaryOperator<String> place, Messages words) {
        this.zone = zone;
        this.now = now;
        this.person = person;
        this.place = place;
        this.words = words;
        this.day = DateTimeFormatter.ofPattern(words.text("pick.day.pattern"), words.locale());
        this.date = DateTimeFormatter.ofPattern(words.text("pick.date.pattern"), words.locale());
    }

    /** "you" for one person, "together" for a group: whose 👍/👎 the counts are. */
    public static String whoseCounts(Suggestion s) {
        return whoseCounts(s, Messages.ENGLISH);
    }

    public static String whoseCounts(Suggestion s, Messages words) {
        return words.text(s.isGroup() ? "pick.counts.together" : "pick.counts.you");
    }

    /** The label's words in lower case, as in "Pho 99 — a favourite" ("Pho 99 — 心头好"). */
    public static String label(Pick.Label label, Messages words) {
        return words.text("pick.label." + label.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The label as a heading: its emoji and its words, capitalised where the language has capitals ("⭐ A favourite"). */
    public static String heading(Pick.Label label, Messages words) {
        String w = label(label, words);
        return label.emoji() + " " + w.substring(0, 1).toUpperCase(words.locale()) + w.substring(1);
    }

    /** One sentence per reason a better place was not picked; empty when there is none. */
    public List<String> reasons(Suggestion s) {
        Pick p = s.pick();
        List<String> out = new ArrayList<>();
        if (p == null) return out;
        for (Pick.Resting r : p.resting().subList(0, Math.min(RESTING_NAMED, p.resting().size()))) {
            out.add(words.text("pick.resting", place.apply(r.place().name()), until(r.until()), people(r.who(), s.requestedBy()), day(r.went())));
        }
        int more = p.resting().size() - RESTING_NAMED;
        if (more > 0) out.add(words.count("pick.resting.more", more));
        if (p.leftOut() != null) {
            out.add(words.text(s.isGroup() ? "pick.left-out.group" : "pick.left-out.you",
                    place.apply(p.leftOut().place().name()), step(p.leftOut().step(), words)));
        }
        return out;
    }

    /**
     * A step of the sieve (see {@link Sieve}) in the reader's words: "your vetoes", "the server's
     * vetoes", "resting", "opening hours (now, Fri 12:00)"; a filter such as {@code not:spicy}
     * is the option as typed, the same in every language. Steps are named in English where
     * they are made (and kept so with a suggestion's reasons), and worded here.
     */
    public static String step(String step, Messages words) {
        switch (step) {
            case "your vetoes" -> { return words.text("step.your-vetoes"); }
            case "the server's vetoes" -> { return words.text("step.server-vetoes"); }
            case "a member's vetoes" -> { return words.text("step.member-vetoes"); }
            case Cooldown.STEP -> { return words.text("step.resting"); }
            default -> { }
        }
        Matcher m = VETOES_OF.matcher(step);
        if (m.matches()) return words.text("step.vetoes-of", m.group(1));
        m = OPENING_HOURS.matcher(step);
        if (m.matches()) {
            String when = dayName(m.group(2), words) + " " + m.group(3);
            return words.text(m.group(1) != null ? "step.opening-hours.now" : "step.opening-hours", when);
        }
        return step;
    }

    /** {@link #step} as an argument worded when a refusal is shown. */
    public static Messages.Phrase stepPhrase(String step) {
        return w -> step(step, w);
    }

    /** "Fri" in the reader's short day name ("周五"). */
    private static String dayName(String english, Messages words) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(english)) {
                return d.getDisplayName(TextStyle.SHORT, words.locale());
            }
        }
        return english;
    }

    /** "you", "bob", "you and bob", "you, bob and carol". */
    String people(List<String> ids, String asker) {
        List<String> names = new ArrayList<>();
        if (ids.contains(asker)) names.add(words.text("pick.you"));
        for (String id : ids) if (!id.equals(asker)) names.add(person.apply(id));
        if (names.size() == 1) return names.get(0);
        return words.text("pick.list", String.join(words.text("pick.list.separator"), names.subList(0, names.size() - 1)), names.get(names.size() - 1));
    }

    /** "today", "yesterday", "Wed", or with the date when more than six days away. */
    String day(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        long days = ChronoUnit.DAYS.between(z.toLocalDate(), LocalDate.ofInstant(now, zone));
        if (days == 0) return words.text("pick.today");
        if (days == 1) return words.text("pick.yesterday");
        if (days == -1) return words.text("pick.tomorrow");
        return (Math.abs(days) <= 6 ? day : date).format(z);
    }

    /** "tomorrow 12:00", "Fri 12:00". */
    String until(Instant t) {
        return day(t) + " " + TIME.format(t.atZone(zone));
    }
}
