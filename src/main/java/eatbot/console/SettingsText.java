package eatbot.console;

import eatbot.eat.GuildSettings;
import eatbot.eat.Numbers;

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
                  time zone    %s
                  meal time    %s
                  variety      %s""",
                s.policy(), Numbers.format(s.epsilon()), Numbers.format(s.ucbC()), Numbers.format(s.priorAlpha()), Numbers.format(s.priorBeta()),
                s.groupRule().id(), s.cooldownDays(), Numbers.format(s.discount()), s.discount() == 1 ? " (never forget)" : "",
                s.coldStartStrength() == 0 ? "off" : "strength " + Numbers.format(s.coldStartStrength()), s.timeZone(),
                s.mealTime(), Numbers.format(s.variety()) + (s.variety() == 0 ? " (liking only)" : ""));
    }

}
