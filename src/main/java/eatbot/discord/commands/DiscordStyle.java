package eatbot.discord.commands;

import eatbot.commands.CommandDef;
import eatbot.commands.Style;

import java.time.Instant;
import java.time.ZoneId;

/** Discord's way of showing answers: typed text escaped, names bold, people as mentions (the reply pings nobody), times as {@code <t:…:f>}. */
public final class DiscordStyle implements Style {
    public static final DiscordStyle INSTANCE = new DiscordStyle();

    private DiscordStyle() {}

    @Override
    public String name(String typed) {
        return Text.limit(Text.escape(typed), 100);
    }

    @Override
    public String strong(String shown) {
        return "**" + shown + "**";
    }

    @Override
    public String person(String userId) {
        return "<@" + userId + ">";
    }

    /** Each reader's client shows it in their own zone. */
    @Override
    public String time(Instant t, java.util.function.Supplier<ZoneId> zone) {
        return "<t:" + t.getEpochSecond() + ":f>";
    }

    @Override
    public String command(CommandDef def) {
        return "/" + def.name();
    }

    @Override
    public String link(String url) {
        return "<" + url + ">";
    }

    @Override
    public String role(String roleId) {
        return "<@&" + roleId + ">";
    }

    @Override
    public String code(String typed) {
        return "`" + typed + "`";
    }
}
