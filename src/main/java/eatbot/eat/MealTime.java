package eatbot.eat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the people mean to eat, as typed after {@code at:}: {@code 19:00} (today)
 * or {@code fri 19:00} (the next Friday, today included), in the guild's time zone.
 *
 * @param day null for today
 */
public record MealTime(DayOfWeek day, LocalTime time) {
    private static final Pattern SHAPE = Pattern.compile("(?:([a-z]{3,9})\\s+)?(\\d{1,2}):(\\d{2})");

    public MealTime {
        if (time == null) throw new IllegalArgumentException("a meal time needs a time");
    }

    /** Null when blank; otherwise a checked time, or an {@link EatException} saying how to write it. */
    public static MealTime parse(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) throw EatException.of("refusal.at.not-a-time", Names.shown(raw.strip()));
        int h = Integer.parseInt(m.group(2));
        int min = Integer.parseInt(m.group(3));
        if (h > 23 || min > 59) throw EatException.of("refusal.at.not-a-time-of-day", Names.shown(raw.strip()));
        DayOfWeek day = null;
        if (m.group(1) != null) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().toLowerCase(Locale.ROOT).startsWith(m.group(1))) day = d;
            }
            if (day == null) throw EatException.of("refusal.at.not-a-day", Names.shown(m.group(1)));
        }
        return new MealTime(day, LocalTime.of(h, min));
    }

    /**
     * A time of day only, as typed after {@code option:} ({@code 12:30}): the meal time
     * of a plan or a server, which has no day of its own.
     */
    public static LocalTime timeOfDay(String raw, String option) {
        if (raw == null || raw.isBlank()) throw EatException.of("refusal.time-of-day.give", option);
        Matcher m = SHAPE.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw EatException.of("refusal.time-of-day.not-a-time", Names.shown(raw.strip()), option);
        if (m.group(1) != null) throw EatException.of("refusal.time-of-day.day", option);
        int h = Integer.parseInt(m.group(2));
        int min = Integer.parseInt(m.group(3));
        if (h > 23 || min > 59) throw EatException.of("refusal.time-of-day.not-a-time-of-day", Names.shown(raw.strip()), option);
        return LocalTime.of(h, min);
    }

    /** The local date and time meant, seen from {@code now} in the guild's zone. */
    public LocalDateTime resolve(ZonedDateTime now) {
        LocalDateTime t = now.toLocalDate().atTime(time);
        return day == null ? t : t.with(TemporalAdjusters.nextOrSame(day));
    }

    @Override
    public String toString() {
        String d = day == null ? "" : day.name().charAt(0) + day.name().substring(1, 3).toLowerCase(Locale.ROOT) + " ";
        return d + time;
    }
}
