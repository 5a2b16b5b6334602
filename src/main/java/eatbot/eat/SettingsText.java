package eatbot.eat;

import java.util.ArrayList;
import java.util.List;

/** A guild's settings as the lines {@code /eat-admin show} prints on both front ends, from {@link Settings#ALL}. */
public final class SettingsText {
    public static final String TITLE = "eatbot settings for this server";

    private SettingsText() {}

    /** One "Label: value" line per shown setting, in the list's order. */
    public static List<String> lines(GuildSettings s) {
        List<String> lines = new ArrayList<>();
        for (Setting<?> setting : Settings.ALL) {
            if (setting.label() != null) lines.add(setting.label() + ": " + setting.shown(s));
        }
        return lines;
    }

    public static String describe(GuildSettings s) {
        return String.join("\n", lines(s));
    }
}
