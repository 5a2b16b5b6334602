package eatbot.console;

import eatbot.eat.GuildSettings;

import java.util.Locale;

/** Guild settings as the few lines an admin reads. */
public final class SettingsText {
    private SettingsText() {}

    public static String describe(GuildSettings s) {
        return String.format(Locale.ROOT, """
                Settings:
                  policy       %s
                  exploration  epsilon=%s (epsilon-greedy), c=%s (ucb1)
                  prior        alpha=%s beta=%s
                  group rule   %s
                  cooldown     %d day(s)
                  gamma        %s%s
                  cold start   %s
                  time zone    %s""",
                s.policy(), num(s.epsilon()), num(s.ucbC()), num(s.priorAlpha()), num(s.priorBeta()),
                s.groupRule().id(), s.cooldownDays(), num(s.discount()), s.discount() == 1 ? " (never forget)" : "",
                s.coldStartStrength() == 0 ? "off" : "strength " + num(s.coldStartStrength()), s.timeZone());
    }

    static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
