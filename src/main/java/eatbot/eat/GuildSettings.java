package eatbot.eat;

import eatbot.bandit.GroupRule;
import eatbot.bandit.Policy;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How one guild's suggestions are made. Every constructor checks its values against the
 * ranges of {@link Settings}, so a settings object that exists is valid; the refusals are
 * shown to admins. Build one with {@link #defaults()} and {@link #toBuilder()}; what each
 * value means is in {@link Settings}.
 *
 * @param policy            how a place is picked, with its own number
 * @param priorAlpha        Beta prior α0 for a place nobody has rated
 * @param priorBeta         Beta prior β0
 * @param groupRule         how members' draws combine in a group suggestion
 * @param cooldownDays      days a place rests for the people of a meal there (a decided suggestion; 0 = off)
 * @param discount          γ in (0, 1]: weight kept by older feedback per newer one (1 = never forget)
 * @param coldStartStrength pseudo-observations borrowed from the guild's ratings for a newcomer's prior (0 = off)
 * @param timeZone          the guild's time zone, for opening hours
 * @param addRoleId         when set, only members with this role (or Manage Server) may add places
 * @param mealTime          when the group eats, local time: /eat plan checks opening hours then
 * @param variety           weight of the variety penalty in /eat plan, 0 (liking only) to 1
 */
public record GuildSettings(String guildId, SuggestionPolicy policy, double priorAlpha, double priorBeta, GroupRule groupRule,
                            int cooldownDays, double discount, double coldStartStrength, String timeZone, String addRoleId,
                            LocalTime mealTime, double variety) {

    public static final int MAX_COOLDOWN_DAYS = 365;
    public static final LocalTime DEFAULT_MEAL_TIME = Settings.MEAL_TIME.defaultValue();
    public static final double DEFAULT_VARIETY = Settings.VARIETY.defaultValue();

    public GuildSettings {
        if (policy == null) throw new EatException("a policy is required");
        Settings.ALPHA.range().check("alpha", priorAlpha);
        Settings.BETA.range().check("beta", priorBeta);
        if (groupRule == null) throw new EatException("a group rule is required");
        Settings.COOLDOWN_DAYS.range().check("cooldown", cooldownDays);
        Settings.GAMMA_VALUE.range().check("gamma", discount);
        Settings.COLD_START_STRENGTH.range().check("cold-start strength", coldStartStrength);
        timeZone = (String) Settings.TIME_ZONE.options().get(0).parse(timeZone == null ? "UTC" : timeZone, "zone");
        if (mealTime == null) mealTime = DEFAULT_MEAL_TIME;
        mealTime = mealTime.withSecond(0).withNano(0);
        Settings.VARIETY_VALUE.range().check("variety", variety);
        if (addRoleId != null && addRoleId.isBlank()) addRoleId = null;
    }

    /** Every setting at its default ({@link Settings}), for no guild yet. */
    public static GuildSettings defaults() {
        Builder b = new Builder();
        b.guildId = "";
        for (Setting<?> s : Settings.ALL) b = withDefault(b, s);
        return b.build();
    }

    private static <T> Builder withDefault(Builder b, Setting<T> s) {
        return s.defaultValue() == null ? b : s.set().apply(b, s.defaultValue());
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.guildId = guildId;
        b.policy = policy;
        b.priorAlpha = priorAlpha;
        b.priorBeta = priorBeta;
        b.groupRule = groupRule;
        b.cooldownDays = cooldownDays;
        b.discount = discount;
        b.coldStartStrength = coldStartStrength;
        b.timeZone = timeZone;
        b.addRoleId = addRoleId;
        b.mealTime = mealTime;
        b.variety = variety;
        return b;
    }

    public Policy toPolicy() {
        return policy.toPolicy();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public GuildSettings forGuild(String id) {
        return toBuilder().guildId(id).build();
    }

    /** Settings changed one value at a time; {@link #build()} checks them all. */
    public static final class Builder {
        private String guildId;
        private SuggestionPolicy policy;
        private double priorAlpha;
        private double priorBeta;
        private GroupRule groupRule;
        private int cooldownDays;
        private double discount;
        private double coldStartStrength;
        private String timeZone;
        private String addRoleId;
        private LocalTime mealTime;
        private double variety;

        private Builder() {}

        public Builder guildId(String v) { guildId = v; return this; }
        public Builder policy(SuggestionPolicy v) { policy = v; return this; }
        public Builder prior(double alpha, double beta) { priorAlpha = alpha; priorBeta = beta; return this; }
        public Builder groupRule(GroupRule v) { groupRule = v; return this; }
        public Builder cooldownDays(int v) { cooldownDays = v; return this; }
        public Builder discount(double v) { discount = v; return this; }
        public Builder coldStartStrength(double v) { coldStartStrength = v; return this; }
        public Builder timeZone(String v) { timeZone = v; return this; }
        public Builder addRoleId(String v) { addRoleId = v; return this; }
        public Builder mealTime(LocalTime v) { mealTime = v; return this; }
        public Builder variety(double v) { variety = v; return this; }

        public GuildSettings build() {
            return new GuildSettings(guildId, policy, priorAlpha, priorBeta, groupRule, cooldownDays, discount, coldStartStrength,
                    timeZone, addRoleId, mealTime, variety);
        }
    }
}
