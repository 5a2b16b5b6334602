package eatbot.discord.commands.admin;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.Permissions;
import eatbot.discord.commands.SlashCommand;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** A command for server admins only: hidden from others by default and refused in the handler. */
public abstract class AdminCommand extends SlashCommand {
    protected AdminCommand(String name) {
        super(name);
    }

    @Override
    protected SlashCommandData slash(String description) {
        return super.slash(description).setDefaultPermissions(Permissions.adminDefault());
    }

    @Override
    public final String refuse(Call call) {
        return Permissions.refuseUnlessAdmin(call);
    }
}
