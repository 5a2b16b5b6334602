package eatbot.eat;

import eatbot.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * A guild's settings as the lines {@code /eat-admin show} prints on both front ends, from
 * {@link Settings#ALL}: each label in the reader's words ({@code setting.<key>.label}), the value as
 * the setting shows it (numbers, names and policy names are the same in every language).
 */
public final class SettingsText {
    private SettingsText() {}

    public static String title(Messages words) {
        return words.text("settings.title");
    }

    /** One "Label: value" line per shown setting, in the list's order. */
    public static List<String> lines(GuildSettings s, Messages words) {
        List<String> lines = new ArrayList<>();
        for (Setting<?> setting : Settings.ALL) {
            if (setting.label() != null) lines.add(words.text("setting." + setting.key() + ".label") + words.text("settings.separator") + setting.shown(s));
        }
        return lines;
    }

    public static List<String> lines(GuildSettings s) {
        return lines(s, Messages.ENGLISH);
    }

    public static String describe(GuildSettings s) {
        return String.join("\n", lines(s));
    }
}
