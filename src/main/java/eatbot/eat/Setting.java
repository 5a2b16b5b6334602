package eatbot.eat;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One setting of a guild, defined once (see {@link Settings#ALL}): its key (the
 * {@code /eat-admin} subcommand), what it does, the options it is set with (kind, range or
 * choices, the config file's key), its default, how it is shown, and how the store keeps it.
 * Both front ends and the config file set it through {@link #apply}, so they parse the same
 * way and refuse with the same words.
 *
 * @param key         the {@code /eat-admin} subcommand, e.g. {@code cooldown}
 * @param label       its name in {@code /eat-admin show}; null when shown with another setting
 * @param description one line for the command's help
 * @param options     what it is set with, in the order they are offered
 * @param defaultValue what a guild starts with (before the config file); null when another setting holds the value
 * @param get         its value in a guild's settings
 * @param set         a guild's settings with this value
 * @param change      the new value from the current one and the options given (parsed; absent ones missing)
 * @param format      the value as {@code show} prints it
 * @param stored      the store's columns for it and how the value becomes them and back
 * @param <T>         the value's type
 */
public record Setting<T>(String key, String label, String description, List<Option> options, T defaultValue,
                         Function<GuildSettings, T> get, BiFunction<GuildSettings.Builder, T, GuildSettings.Builder> set,
                         BiFunction<T, Map<String, Object>, T> change, Function<T, String> format, Stored<T> stored) {

    public Setting {
        options = List.copyOf(options);
    }

    /** What an option holds: how it is typed and what its parsed value is. */
    public enum Kind {
        /** a decimal number: {@link Double} */
        NUMBER,
        /** a whole number: {@link Integer} */
        WHOLE_NUMBER,
        /** one of {@link Option#choices}: its value as a {@link String} */
        CHOICE,
        /** an IANA time zone id: {@link String} */
        TIME_ZONE,
        /** a time of day, HH:MM: {@link LocalTime} */
        TIME_OF_DAY,
        /** a Discord role (its id), or none: {@link String} */
        ROLE
    }

    /** A value to choose, and how the choice is offered. */
    public record Choice(String value, String label) {}

    /** Closed or open bounds of a number, with the words that say them. */
    public record Range(double min, boolean minOpen, double max) {
        public static Range closed(double min, double max) { return new Range(min, false, max); }
        public static Range aboveZero(double max) { return new Range(0, true, max); }

        public boolean contains(double x) {
            return (minOpen ? x > min : x >= min) && x <= max;
        }

        /** "between 0 and 365", "greater than 0 (and at most 100)". */
        public String text() {
            return minOpen ? "greater than " + Numbers.format(min) + " (and at most " + Numbers.format(max) + ")"
                    : "between " + Numbers.format(min) + " and " + Numbers.format(max);
        }

        /** As typed in a usage line: "0..365", "above 0, at most 100". */
        public String usage() {
            return minOpen ? "above " + Numbers.format(min) + ", at most " + Numbers.format(max)
                    : Numbers.format(min) + ".." + Numbers.format(max);
        }

        /** The value, or the refusal naming {@code what}: the one out-of-range refusal of every setting. */
        public double check(String what, double x) {
            if (!contains(x)) throw new EatException(what + " must be " + text() + ", got " + Numbers.format(x));
            return x;
        }
    }

    /**
     * One option of a setting.
     *
     * @param name        as typed after the subcommand ({@code days:3})
     * @param configKey   its key under {@code defaults} in the config file; null when the file has none
     * @param kind        how it is typed
     * @param required    whether a command must give it
     * @param range       for numbers; null otherwise
     * @param choices     for {@link Kind#CHOICE}; empty otherwise
     * @param description one short line
     */
    public record Option(String name, String configKey, Kind kind, boolean required, Range range,
                         List<Choice> choices, String description) {
        /** The longest text a text option takes (a time zone id, a time). */
        public static final int MAX_LENGTH = 64;

        public Option {
            choices = List.copyOf(choices);
        }

        /** The value typed for this option (named {@code as} in a refusal), or the one-line refusal. */
        public Object parse(String text, String as) {
            if (text == null || text.isBlank()) {
                if (kind == Kind.ROLE) return null;
                throw new EatException("Give " + as + ":" + usage() + ".");
            }
            return switch (kind) {
                case NUMBER -> range.check(as, Numbers.parse(as, text));
                case WHOLE_NUMBER -> (int) range.check(as, Numbers.parseWhole(as, text));
                case CHOICE -> choice(text, as);
                case TIME_ZONE -> zone(text);
                case TIME_OF_DAY -> MealTime.timeOfDay(text, as);
                case ROLE -> text.strip();
            };
        }

        public Object parse(String text) {
            return parse(text, name);
        }

        /** How it is typed in a usage line: {@code <0..365>}, {@code thompson|ucb1|epsilon-greedy}. */
        public String usage() {
            return switch (kind) {
                case NUMBER, WHOLE_NUMBER -> "<" + range.usage() + ">";
                case CHOICE -> String.join("|", choices.stream().map(Choice::value).toList());
                case TIME_ZONE -> "<e.g. Europe/Paris>";
                case TIME_OF_DAY -> "<HH:MM>";
                case ROLE -> "<role>";
            };
        }

        private String choice(String text, String as) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Choice c : choices) if (c.value().equals(t)) return c.value();
            throw new EatException("unknown " + as + " '" + Names.shown(text.strip()) + "' (choose " + String.join(", ",
                    choices.stream().map(Choice::value).toList()) + ")");
        }

        private static String zone(String text) {
            try {
                return ZoneId.of(text.strip()).getId();
            } catch (DateTimeException e) {
                throw new EatException("unknown time zone '" + Names.shown(text.strip()) + "' (use a name like Europe/Paris or UTC)");
            }
        }
    }

    /**
     * How the store keeps a setting: its columns, and the value as those columns' values
     * (String, Double, Integer or null) and back.
     */
    public record Stored<T>(List<String> columns, Function<T, List<Object>> write, Function<List<Object>, T> read) {
        public Stored {
            columns = List.copyOf(columns);
        }

        /** Kept in the columns of another setting. */
        public static <T> Stored<T> elsewhere() {
            return new Stored<>(List.of(), v -> List.of(), v -> null);
        }
    }

    /** The option named so, or null. */
    public Option option(String name) {
        for (Option o : options) if (o.name().equals(name)) return o;
        return null;
    }

    /**
     * The settings with this one changed by what a command typed (option name → text): every
     * required option must be there, each is parsed by its kind and range, and the change is
     * checked whole before anything is saved. The refusals are one line.
     */
    public GuildSettings apply(GuildSettings current, Map<String, String> typed) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option o : options) {
            String text = typed.get(o.name());
            if (text == null && o.required()) throw new EatException("Give " + o.name() + ":" + o.usage() + ".");
            if (text != null) values.put(o.name(), o.parse(text, refusalName(o, o.name())));
        }
        return withValues(current, values);
    }

    /**
     * As {@link #apply} for the config file's keys (config key → text): nothing is required,
     * and a refusal names the key as the file spells it.
     */
    public GuildSettings applyFile(GuildSettings current, Map<String, String> byConfigKey) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option o : options) {
            if (o.configKey() == null) continue;
            String text = byConfigKey.get(o.configKey());
            if (text != null) values.put(o.name(), o.parse(text, refusalName(o, o.configKey())));
        }
        return values.isEmpty() ? current : withValues(current, values);
    }

    /**
     * How a refusal names the option: by the setting for a choice ("unknown policy 'x'") and for
     * an option just called {@code value} ("variety must be …"), else as typed ("days must be …").
     */
    public String refusalName(Option o, String typedAs) {
        return o.kind() == Kind.CHOICE || o.name().equals("value") ? key.replace('-', ' ') : typedAs;
    }

    /** The settings with this one changed by options already parsed (option name → value); the value's own checks still apply. */
    public GuildSettings withValues(GuildSettings current, Map<String, Object> values) {
        for (Option o : options) {
            if (o.range() != null && values.get(o.name()) instanceof Number n) o.range().check(refusalName(o, o.name()), n.doubleValue());
        }
        T next = change.apply(get.apply(current), values);
        return set.apply(current.toBuilder(), next).build();
    }

    /** The value as {@code show} prints it. */
    public String shown(GuildSettings s) {
        return format.apply(get.apply(s));
    }

    /** The config file keys of this setting's options. */
    public List<String> configKeys() {
        List<String> keys = new ArrayList<>();
        for (Option o : options) if (o.configKey() != null) keys.add(o.configKey());
        return keys;
    }

    /** The command's usage line: {@code /eat-admin cooldown days:<0 to 365>}. */
    public String usage(String command) {
        StringBuilder b = new StringBuilder(command).append(' ').append(key);
        for (Option o : options) {
            b.append(' ').append(o.required() ? "" : "[").append(o.name()).append(':').append(o.usage()).append(o.required() ? "" : "]");
        }
        return b.toString();
    }
}
