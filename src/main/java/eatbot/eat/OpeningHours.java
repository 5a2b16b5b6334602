package eatbot.eat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a place is open, in the guild's local time. The format, one or more
 * rules separated by {@code ;}:
 * <pre>
 *   Mon-Fri 11:30-14:30,17:30-22:00; Sat-Sun 12:00-23:00
 *   daily 11:00-23:00; Tue closed
 *   Fri,Sat 18:00-02:00          (an end before the start runs past midnight)
 * </pre>
 * Days are {@code mon..sun} (any case, full names too), ranges may wrap
 * ({@code Fri-Mon}), {@code daily} means every day. Times are {@code H:MM} or
 * {@code HH:MM}; {@code 24:00} may end a range. Days no rule names are closed;
 * a later rule replaces what an earlier one said for the same day, so
 * {@code daily ...; Tue closed} closes Tuesdays. Stored in the canonical form
 * {@link #toString()} prints.
 */
public final class OpeningHours {
    public static final int MAX_TEXT = 200;
    private static final int DAY = 24 * 60;
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    /** How to write hours, after a refusal that needs it. */
    private static final eatbot.i18n.Messages.Phrase HELP = w -> w.text("hours.help");

    /** Minutes since the day's midnight, [start, end); end past 1440 runs into the next day. */
    private record Interval(int start, int end) {}

    private final Map<DayOfWeek, List<Interval>> week;

    private OpeningHours(Map<DayOfWeek, List<Interval>> week) {
        this.week = week;
    }

    /** Parses and checks hours as a person typed them; the message names what was wrong. */
    public static OpeningHours parse(String raw) {
        String text = Names.clean(raw, "opening hours");
        if (text.isEmpty()) throw EatException.of("refusal.hours.empty", HELP);
        if (text.length() > MAX_TEXT) throw EatException.of("refusal.hours.too-long", MAX_TEXT);
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (String rule : text.split(";")) {
            // "Mon, Wed 11:00 - 14:00" reads as "Mon,Wed 11:00-14:00"
            String r = rule.strip().replaceAll("\\s*([,-])\\s*", "$1");
            if (r.isEmpty()) continue;
            String[] parts = r.split("\\s+", 2);
            List<DayOfWeek> days = days(parts[0]);
            if (parts.length < 2) throw EatException.of("refusal.hours.no-times", Names.shown(r), HELP);
            List<Interval> times = times(parts[1].replace(" ", ""));
            for (DayOfWeek d : days) week.put(d, times);
        }
        week.values().removeIf(List::isEmpty);
        if (week.isEmpty()) throw EatException.of("refusal.hours.never-open", HELP);
        return new OpeningHours(week);
    }

    /** Hours as stored; null when none are known or the stored text predates validation. */
    public static OpeningHours ofStored(String stored) {
        if (stored == null || stored.isBlank()) return null;
        try {
            return parse(stored);
        } catch (EatException e) {
            return null; // unreadable hours count as unknown: better suggested than silently hidden
        }
    }

    /** Whether the place is open at this local date and time. */
    public boolean isOpen(LocalDateTime t) {
        int minute = t.getHour() * 60 + t.getMinute();
        for (Interval i : week.getOrDefault(t.getDayOfWeek(), List.of())) {
            if (minute >= i.start && minute < i.end) return true;
        }
        for (Interval i : week.getOrDefault(t.getDayOfWeek().minus(1), List.of())) {
            if (i.end > DAY && minute + DAY < i.end) return true; // yesterday's late hours
        }
        return false;
    }

    private static List<DayOfWeek> days(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        if (s.equals("daily") || s.equals("everyday")) return List.of(DayOfWeek.values());
        List<DayOfWeek> out = new ArrayList<>();
        for (String piece : s.split(",")) {
            String[] ends = piece.split("-", -1);
            if (ends.length == 1) {
                out.add(day(ends[0]));
            } else if (ends.length == 2) {
                DayOfWeek from = day(ends[0]);
                DayOfWeek to = day(ends[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    out.add(d);
                    if (d == to) break;
                }
            } else {
                throw EatException.of("refusal.hours.not-days", Names.shown(piece), HELP);
            }
        }
        return out;
    }

    private static DayOfWeek day(String s) {
        if (s.length() >= 3) {
            for (DayOfWeek d : DayOfWeek.values()) {
                String full = d.name().toLowerCase(Locale.ROOT);
                if (full.startsWith(s)) return d;
            }
        }
        throw EatException.of("refusal.hours.not-a-day", Names.shown(s), HELP);
    }

    private static List<Interval> times(String spec) {
        if (spec.equalsIgnoreCase("closed")) return List.of();
        List<Interval> out = new ArrayList<>();
        for (String piece : spec.split(",")) {
            Matcher m = RANGE.matcher(piece);
            if (!m.matches()) throw EatException.of("refusal.hours.not-a-range", Names.shown(piece), HELP);
            int start = minutes(m.group(1), m.group(2), false, piece);
            int end = minutes(m.group(3), m.group(4), true, piece);
            if (start == end) throw EatException.of("refusal.hours.same-time", Names.shown(piece));
            if (end < start) end += DAY;
            out.add(new Interval(start, end));
        }
        out.sort((a, b) -> Integer.compare(a.start, b.start));
        return List.copyOf(out);
    }

    private static int minutes(String h, String m, boolean end, String piece) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        boolean ok = minute < 60 && (hour < 24 || (end && hour == 24 && minute == 0));
        if (!ok) throw EatException.of("refusal.hours.no-such-time", Names.shown(piece));
        return hour * 60 + minute;
    }

    /** The canonical text: consecutive days with the same hours grouped, closed days left out. */
    @Override
    public String toString() {
        List<String> rules = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            List<Interval> times = week.get(all[i]);
            int j = i;
            while (j + 1 < all.length && times != null && times.equals(week.get(all[j + 1]))) j++;
            if (times != null) {
                String days = (i == 0 && j == all.length - 1) ? "daily"
                        : j == i ? name(all[i]) : name(all[i]) + "-" + name(all[j]);
                rules.add(days + " " + String.join(",", times.stream().map(OpeningHours::range).toList()));
            }
            i = j + 1;
        }
        return String.join("; ", rules);
    }

    private static String name(DayOfWeek d) {
        String n = d.name();
        return n.charAt(0) + n.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    private static String range(Interval i) {
        return clock(i.start) + "-" + clock(i.end > DAY ? i.end - DAY : i.end);
    }

    private static String clock(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningHours h && h.week.equals(week);
    }

    @Override
    public int hashCode() {
        return week.hashCode();
    }
}
