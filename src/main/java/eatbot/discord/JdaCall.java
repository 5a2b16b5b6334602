package eatbot.discord;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.Permissions;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** A {@link Call} read from a JDA interaction (slash command or button) in a guild. */
record JdaCall(String guildId, String userId, String subcommand, CommandInteractionPayload payload, Member member)
        implements Call {

    @Override
    public String option(String name) {
        if (payload == null) return null;
        OptionMapping m = payload.getOption(name);
        return m == null ? null : m.getAsString();
    }

    @Override
    public boolean canManageServer() {
        return member != null && member.hasPermission(Permissions.ADMIN);
    }

    @Override
    public boolean hasRole(String roleId) {
        return member != null && member.getRoles().stream().anyMatch(r -> r.getId().equals(roleId));
    }
}
