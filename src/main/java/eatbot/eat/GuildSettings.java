package eatbot.eat;

import eatbot.bandit.GroupRule;
import eatbot.bandit.Policies;
import eatbot.bandit.Policy;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How one guild's suggestions are made. Every constructor checks its values,
 * so a settings object that exists is valid; the messages are shown to admins.
 *
 * @param policy            thompson, ucb1 or epsilon-greedy
 * @param epsilon           ε-greedy's exploration probability, in [0, 1]
 * @param ucbC              UCB1's confidence factor, &gt; 0
 * @param priorAlpha        Beta prior α0 for a place nobody has rated, &gt; 0
 * @param priorBeta         Beta prior β0, &gt; 0
 * @param groupRule         how members' draws combine in a group suggestion
 * @param cooldownDays      days a place rests for the people of a meal there (a decided suggestion; 0 = off)
 * @param discount          γ in (0, 1]: weight kept by older feedback per newer one (1 = never forget)
 * @param coldStartStrength pseudo-observations borrowed from the guild's ratings for a newcomer's prior (0 = off)
 * @param timeZone          the guild's time zone, for opening hours
 * @param addRoleId         when set, only members with this role (or Manage Server) may add places
 * @param mealTime          when the group eats, local time: /eat plan checks opening hours then
 * @param variety           weight of the variety penalty in /eat plan, 0 (liking only) to 1
 */
public record GuildSettings(String guildId, String policy, double epsilon, double ucbC, double priorAlpha,
                            double priorBeta, GroupRule groupRule, int cooldownDays, double discount,
                            double coldStartStrength, String timeZone, String addRoleId, LocalTime mealTime, double variety) {

    public static final int MAX_COOLDOWN_DAYS = 365;
    public static final double MAX_PRIOR = 1000;
    public static final LocalTime DEFAULT_MEAL_TIME = LocalTime.NOON;
    /** See the README, "Planning the week": yesterday's cuisine costs half the liking scale, two days back a quarter. */
    public static final double DEFAULT_VARIETY = 0.5;

    public GuildSettings {
        try {
            policy = Policies.canonicalName(policy);
        } catch (IllegalArgumentException e) {
            // not e's message: it would echo a hostile name whole
            throw new EatException("unknown policy '" + Names.shown(policy) + "' (choose " + String.join(", ", Policies.NAMES) + ")");
        }
        if (!(epsilon >= 0 && epsilon <= 1)) throw new EatException("epsilon must be between 0 and 1, got " + Numbers.format(epsilon));
        if (!(ucbC > 0 && ucbC <= 100)) throw new EatException("c must be greater than 0 (and at most 100), got " + Numbers.format(ucbC));
        if (!(priorAlpha > 0 && priorAlpha <= MAX_PRIOR)) throw new EatException("alpha must be greater than 0 (and at most 1000), got " + Numbers.format(priorAlpha));
        if (!(priorBeta > 0 && priorBeta <= MAX_PRIOR)) throw new EatException("beta must be greater than 0 (and at most 1000), got " + Numbers.format(priorBeta));
        if (groupRule == null) throw new EatException("a group rule is required");
        if (cooldownDays < 0 || cooldownDays > MAX_COOLDOWN_DAYS) throw new EatException("cooldown must be 0 to 365 days, got " + cooldownDays);
        if (!(discount > 0 && discount <= 1)) throw new EatException("gamma must be greater than 0 and at most 1, got " + Numbers.format(discount));
        if (!(coldStartStrength >= 0 && coldStartStrength <= MAX_PRIOR)) throw new EatException("cold-start strength must be 0 to 1000, got " + Numbers.format(coldStartStrength));
        try {
            timeZone = ZoneId.of(timeZone == null ? "UTC" : timeZone.strip()).getId();
        } catch (DateTimeException e) {
            throw new EatException("unknown time zone '" + Names.shown(timeZone) + "' (use a name like Europe/Paris or UTC)");
        }
        if (mealTime == null) mealTime = DEFAULT_MEAL_TIME;
        mealTime = mealTime.withSecond(0).withNano(0);
        if (!(variety >= 0 && variety <= 1)) throw new EatException("variety must be 0 to 1, got " + Numbers.format(variety));
    }

    /** Settings from before /eat plan: the default meal time and variety. */
    public GuildSettings(String guildId, String policy, double epsilon, double ucbC, double priorAlpha, double priorBeta,
                         GroupRule groupRule, int cooldownDays, double discount, double coldStartStrength, String timeZone, String addRoleId) {
        this(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId,
                DEFAULT_MEAL_TIME, DEFAULT_VARIETY);
    }

    public Policy toPolicy() {
        return Policies.of(policy, epsilon, ucbC);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public GuildSettings forGuild(String id) {
        return new GuildSettings(id, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withPolicy(String p) {
        return new GuildSettings(guildId, p, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withEpsilon(double e) {
        return new GuildSettings(guildId, policy, e, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withUcbC(double c) {
        return new GuildSettings(guildId, policy, epsilon, c, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withPrior(double a, double b) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, a, b, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withGroupRule(GroupRule r) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, r, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withCooldownDays(int d) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, d, discount, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withDiscount(double g) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, g, coldStartStrength, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withColdStartStrength(double s) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, s, timeZone, addRoleId, mealTime, variety);
    }

    public GuildSettings withTimeZone(String z) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, z, addRoleId, mealTime, variety);
    }

    public GuildSettings withAddRoleId(String r) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, r, mealTime, variety);
    }

    public GuildSettings withMealTime(LocalTime t) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, t, variety);
    }

    public GuildSettings withVariety(double v) {
        return new GuildSettings(guildId, policy, epsilon, ucbC, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength, timeZone, addRoleId, mealTime, v);
    }
}
