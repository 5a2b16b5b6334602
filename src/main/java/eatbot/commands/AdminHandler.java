package eatbot.commands;

import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Setting;
import eatbot.eat.SettingsText;
import eatbot.i18n.Messages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /eat-admin show} and one subcommand per setting: the settings list ({@link eatbot.eat.Settings})
 * parses what was typed and words its refusals (as for the config file); the answer is {@code show}'s lines.
 */
final class AdminHandler {
    private final EatService service;

    AdminHandler(EatService service) {
        this.service = service;
    }

    Answer show(Invocation in) {
        return shown(service.settings(in.guild()), Messages.of(in.locale()));
    }

    Answer set(Invocation in, Setting<?> setting) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (Setting.Option o : setting.options()) {
            String text = in.options().raw(o.name());
            if (text != null) typed.put(o.name(), text);
        }
        return shown(service.set(in.guild(), setting, typed), Messages.of(in.locale()));
    }

    private static Answer shown(GuildSettings s, Messages words) {
        return new Answer.Lines(SettingsText.title(words), SettingsText.lines(s, words), null, false);
    }
}
