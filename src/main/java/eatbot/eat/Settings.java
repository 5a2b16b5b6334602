package eatbot.eat;

import eatbot.bandit.GroupRule;
import eatbot.eat.Setting.Choice;
import eatbot.eat.Setting.Kind;
import eatbot.eat.Setting.Option;
import eatbot.eat.Setting.Range;
import eatbot.eat.Setting.Stored;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Every guild setting, each defined once, in the order {@code /eat-admin} offers them and
 * {@code show} lists them. The config file's {@code defaults}, {@code /eat-admin} on Discord and
 * in the console, {@code show} ({@link SettingsText}) and the store's columns all come from here:
 * adding a setting is one entry below, a {@link GuildSettings} component, and its column's migration.
 */
public final class Settings {
    private Settings() {}

    /** Beta(α, β): what eatbot assumes about a place nobody has rated. */
    public record Prior(double alpha, double beta) {}

    public static final Option EPSILON = new Option("epsilon", "epsilon", Kind.NUMBER, false, Range.closed(0, 1), List.of(),
            "epsilon-greedy: the chance of a random place, 0 to 1");
    public static final Option C = new Option("c", "c", Kind.NUMBER, false, Range.aboveZero(100), List.of(),
            "ucb1: the confidence factor, above 0, at most 100");
    public static final Option ALPHA = new Option("alpha", "priorAlpha", Kind.NUMBER, true, Range.aboveZero(1000), List.of(),
            "above 0, at most 1000");
    public static final Option BETA = new Option("beta", "priorBeta", Kind.NUMBER, true, Range.aboveZero(1000), List.of(),
            "above 0, at most 1000");
    public static final Option COOLDOWN_DAYS = new Option("days", "cooldownDays", Kind.WHOLE_NUMBER, true, Range.closed(0, 365), List.of(),
            "0 to 365");
    public static final Option GAMMA_VALUE = new Option("value", "gamma", Kind.NUMBER, true, Range.aboveZero(1), List.of(),
            "above 0, at most 1");
    public static final Option COLD_START_STRENGTH = new Option("strength", "coldStartStrength", Kind.NUMBER, true, Range.closed(0, 1000), List.of(),
            "0 to 1000");
    public static final Option VARIETY_VALUE = new Option("value", "variety", Kind.NUMBER, true, Range.closed(0, 1), List.of(),
            "0 to 1");

    public static final Setting<SuggestionPolicy> POLICY = new Setting<>("policy", "Policy",
            "Choose how eatbot balances favourites and new places",
            List.of(new Option("name", "policy", Kind.CHOICE, true, null, List.of(
                            new Choice("thompson", "Thompson sampling"), new Choice("ucb1", "UCB1"),
                            new Choice("epsilon-greedy", "epsilon-greedy")), "The policy"), EPSILON, C),
            new SuggestionPolicy.Thompson(), GuildSettings::policy, GuildSettings.Builder::policy,
            (current, v) -> policy((String) v.get("name"), current, (Double) v.get("epsilon"), (Double) v.get("c")),
            Settings::shown,
            new Stored<>(List.of("policy", "epsilon", "ucb_c"),
                    p -> List.of(p.name(), p instanceof SuggestionPolicy.Greedy g ? g.epsilon() : SuggestionPolicy.DEFAULT_EPSILON,
                            p instanceof SuggestionPolicy.Ucb u ? u.c() : SuggestionPolicy.DEFAULT_C),
                    cols -> SuggestionPolicy.named((String) cols.get(0), number(cols.get(1)), number(cols.get(2)))));

    /** Tunes the current policy's number; shown with the policy, stored in its columns. */
    public static final Setting<SuggestionPolicy> EXPLORATION = new Setting<>("exploration", null,
            "How much to explore: epsilon (epsilon-greedy) or c (UCB1)",
            List.of(noConfigKey(EPSILON), noConfigKey(C)),
            null, GuildSettings::policy, GuildSettings.Builder::policy,
            (current, v) -> {
                if (v.isEmpty()) throw new EatException("Give epsilon:" + EPSILON.usage() + " or c:" + C.usage() + ".");
                return policy(null, current, (Double) v.get("epsilon"), (Double) v.get("c"));
            },
            Settings::shown, Stored.elsewhere());

    public static final Setting<Prior> PRIOR = new Setting<>("prior", "Prior",
            "What eatbot assumes about a place nobody has rated: Beta(alpha, beta)",
            List.of(ALPHA, BETA), new Prior(1, 1),
            s -> new Prior(s.priorAlpha(), s.priorBeta()), (b, p) -> b.prior(p.alpha(), p.beta()),
            (current, v) -> new Prior(or(v.get("alpha"), current.alpha()), or(v.get("beta"), current.beta())),
            p -> "Beta(" + Numbers.format(p.alpha()) + ", " + Numbers.format(p.beta()) + ")",
            new Stored<>(List.of("prior_alpha", "prior_beta"), p -> List.of(p.alpha(), p.beta()),
                    cols -> new Prior(number(cols.get(0)), number(cols.get(1)))));

    public static final Setting<String> ADD_ROLE = new Setting<>("add-role", "Who may add places",
            "Only members with this role may add places (leave empty: everyone)",
            List.of(new Option("role", null, Kind.ROLE, false, null, List.of(), "The role; leave out to let everyone add")),
            null, GuildSettings::addRoleId, GuildSettings.Builder::addRoleId,
            (current, v) -> (String) v.get("role"),
            role -> role == null ? "everyone" : "<@&" + role + "> and admins",
            new Stored<>(List.of("add_role_id"), r -> java.util.Collections.singletonList(r), cols -> (String) cols.get(0)));

    public static final Setting<GroupRule> GROUP_RULE = new Setting<>("group-rule", "Group rule",
            "How the members' draws combine in a group suggestion",
            List.of(new Option("rule", "groupRule", Kind.CHOICE, true, null, List.of(
                    new Choice("least-misery", "least-misery: nobody is sent where they hate it"),
                    new Choice("average", "average"),
                    new Choice("product", "product: the chance everyone likes it")), "The rule")),
            GroupRule.LEAST_MISERY, GuildSettings::groupRule, GuildSettings.Builder::groupRule,
            (current, v) -> v.containsKey("rule") ? GroupRule.parse((String) v.get("rule")) : current,
            GroupRule::id,
            new Stored<>(List.of("group_rule"), r -> List.of(r.id()), cols -> GroupRule.parse((String) cols.get(0))));

    public static final Setting<Integer> COOLDOWN = new Setting<>("cooldown", "Cooldown",
            "Days a place rests for the people of a meal there (We're going; 0 = off)",
            List.of(COOLDOWN_DAYS), 2, GuildSettings::cooldownDays, GuildSettings.Builder::cooldownDays,
            (current, v) -> (Integer) v.getOrDefault("days", current),
            d -> d + " day(s)",
            new Stored<>(List.of("cooldown_days"), d -> List.of(d), cols -> (int) number(cols.get(0))));

    public static final Setting<Double> GAMMA = new Setting<>("gamma", "Forgetting (gamma)",
            "Forget older feedback: each newer reaction keeps gamma of the weight (1 = never)",
            List.of(GAMMA_VALUE), 1.0, GuildSettings::discount, GuildSettings.Builder::discount,
            (current, v) -> or(v.get("value"), current),
            g -> Numbers.format(g) + (g == 1 ? " (never forget)" : ""),
            new Stored<>(List.of("discount"), g -> List.of(g), cols -> number(cols.get(0))));

    public static final Setting<Double> COLD_START = new Setting<>("cold-start", "Cold start",
            "Lean newcomers on the server's ratings: up to this many pseudo-ratings (0 = off)",
            List.of(COLD_START_STRENGTH), 0.0, GuildSettings::coldStartStrength, GuildSettings.Builder::coldStartStrength,
            (current, v) -> or(v.get("strength"), current),
            s -> s == 0 ? "off" : "up to " + Numbers.format(s) + " ratings",
            new Stored<>(List.of("cold_start_strength"), s -> List.of(s), cols -> number(cols.get(0))));

    public static final Setting<String> TIME_ZONE = new Setting<>("timezone", "Time zone",
            "The time zone opening hours are read in",
            List.of(new Option("zone", "timeZone", Kind.TIME_ZONE, true, null, List.of(), "e.g. Europe/Paris")),
            "UTC", GuildSettings::timeZone, GuildSettings.Builder::timeZone,
            (current, v) -> (String) v.getOrDefault("zone", current),
            z -> z,
            new Stored<>(List.of("time_zone"), z -> List.of(z), cols -> (String) cols.get(0)));

    public static final Setting<LocalTime> MEAL_TIME = new Setting<>("meal-time", "Meal time",
            "When this server eats, for /eat plan's opening hours (default 12:00)",
            List.of(new Option("time", "mealTime", Kind.TIME_OF_DAY, true, null, List.of(), "HH:MM, e.g. 12:30")),
            LocalTime.NOON, GuildSettings::mealTime, GuildSettings.Builder::mealTime,
            (current, v) -> (LocalTime) v.getOrDefault("time", current),
            LocalTime::toString,
            new Stored<>(List.of("meal_time"), t -> List.of(t.toString()), cols -> LocalTime.parse((String) cols.get(0))));

    /** See the README, "Planning the week": yesterday's cuisine costs half the liking scale, two days back a quarter. */
    public static final Setting<Double> VARIETY = new Setting<>("variety", "Variety",
            "How much /eat plan trades liking for variety (0 = liking only)",
            List.of(VARIETY_VALUE), 0.5, GuildSettings::variety, GuildSettings.Builder::variety,
            (current, v) -> or(v.get("value"), current),
            x -> Numbers.format(x) + (x == 0 ? " (liking only)" : ""),
            new Stored<>(List.of("variety"), x -> List.of(x), cols -> number(cols.get(0))));

    /** Every setting, in the order {@code /eat-admin} offers them and {@code show} lists them. */
    public static final List<Setting<?>> ALL = List.of(POLICY, EXPLORATION, PRIOR, ADD_ROLE, GROUP_RULE, COOLDOWN, GAMMA,
            COLD_START, TIME_ZONE, MEAL_TIME, VARIETY);

    /** The setting whose {@code /eat-admin} subcommand is {@code key}, or null. */
    public static Setting<?> named(String key) {
        for (Setting<?> s : ALL) if (s.key().equals(key)) return s;
        return null;
    }

    /** The refusal of an unknown {@code /eat-admin} subcommand, naming them all. */
    public static String adminUsage() {
        return "Use /eat-admin show, " + String.join(", ", ALL.stream().map(Setting::key).toList()) + " or veto.";
    }

    /** The refusal of a policy name that is not one of the three. */
    static String unknownPolicy(String name) {
        return "unknown policy '" + Names.shown(name == null ? "" : name.strip()) + "' (choose " + String.join(", ", SuggestionPolicy.NAMES) + ")";
    }

    /** "thompson", "ucb1 (c 1)", "epsilon-greedy (epsilon 0.1)". */
    private static String shown(SuggestionPolicy p) {
        if (p instanceof SuggestionPolicy.Ucb u) return u.name() + " (c " + Numbers.format(u.c()) + ")";
        if (p instanceof SuggestionPolicy.Greedy g) return g.name() + " (epsilon " + Numbers.format(g.epsilon()) + ")";
        return p.name();
    }

    /**
     * The policy named (null: the current one's) with the number given, else the current one's
     * when it is the same policy, else the default. A number the policy does not use is refused,
     * not kept for later: the closed type has nowhere to keep it.
     */
    private static SuggestionPolicy policy(String name, SuggestionPolicy current, Double epsilon, Double c) {
        String n = name == null ? current.name() : name;
        SuggestionPolicy named = SuggestionPolicy.named(n, SuggestionPolicy.DEFAULT_EPSILON, SuggestionPolicy.DEFAULT_C);
        if (epsilon != null && !(named instanceof SuggestionPolicy.Greedy)) throw new EatException(unused("epsilon", "epsilon-greedy", named));
        if (c != null && !(named instanceof SuggestionPolicy.Ucb)) throw new EatException(unused("c", "ucb1", named));
        if (named instanceof SuggestionPolicy.Ucb u) {
            return new SuggestionPolicy.Ucb(c != null ? c : current instanceof SuggestionPolicy.Ucb was ? was.c() : u.c());
        }
        if (named instanceof SuggestionPolicy.Greedy g) {
            return new SuggestionPolicy.Greedy(epsilon != null ? epsilon : current instanceof SuggestionPolicy.Greedy was ? was.epsilon() : g.epsilon());
        }
        return named;
    }

    private static String unused(String number, String owner, SuggestionPolicy p) {
        return number + " is only for " + owner + ", and the policy is " + p.name() + ".";
    }

    private static Option noConfigKey(Option o) {
        return new Option(o.name(), null, o.kind(), o.required(), o.range(), o.choices(), o.description());
    }

    private static double or(Object given, double current) {
        return given == null ? current : (Double) given;
    }

    private static double number(Object stored) {
        return ((Number) stored).doubleValue();
    }
}
