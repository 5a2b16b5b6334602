package eatbot.console;

import eatbot.commands.CommandDef;
import eatbot.commands.Style;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The console's way of showing answers: plain text, people by their console names, times in the server's zone. */
final class ConsoleStyle implements Style {
    static final ConsoleStyle INSTANCE = new ConsoleStyle();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private ConsoleStyle() {}

    @Override
    public String name(String typed) {
        return typed;
    }

    @Override
    public String strong(String shown) {
        return shown;
    }

    @Override
    public String person(String userId) {
        return userId; // a console user's id is their name
    }

    @Override
    public String time(Instant t, java.util.function.Supplier<ZoneId> zone) {
        return TIME.format(t.atZone(zone.get()));
    }

    @Override
    public String command(CommandDef def) {
        return def.console();
    }

    @Override
    public String link(String url) {
        return url;
    }

    @Override
    public String role(String roleId) {
        return roleId;
    }

    @Override
    public String code(String typed) {
        return typed;
    }
}
