package eatbot.discord.commands;

import java.util.Map;
import java.util.Set;

/** A call as a handler sees it, without Discord. */
public record FakeCall(String guildId, String userId, String subcommand, Map<String, String> options,
                       boolean canManageServer, Set<String> roles) implements Call {

    public static FakeCall member(String subcommand, Map<String, String> options) {
        return new FakeCall("111", "222", subcommand, options, false, Set.of());
    }

    public static FakeCall admin(String subcommand, Map<String, String> options) {
        return new FakeCall("111", "333", subcommand, options, true, Set.of());
    }

    public FakeCall withRole(String role) {
        return new FakeCall(guildId, userId, subcommand, options, canManageServer, Set.of(role));
    }

    @Override
    public String option(String name) {
        return options.get(name);
    }

    @Override
    public boolean hasRole(String roleId) {
        return roles.contains(roleId);
    }
}
