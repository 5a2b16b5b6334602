package eatbot.discord.commands.admin;

import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.discord.commands.DefinedCommand;
import eatbot.eat.EatService;

/**
 * {@code /eat-admin show}, one subcommand per setting of {@link eatbot.eat.Settings#ALL}, and
 * {@code /eat-admin veto add|remove|list}: defined in {@link Commands#ADMIN} (Manage Server, hidden
 * from others by default and refused in {@code SlashCommand.refuse}), answered by
 * {@code eatbot.commands.AdminHandler} and {@code VetoHandler}, as in the console.
 */
public final class EatAdminCommand extends DefinedCommand {
    public EatAdminCommand(EatService service) {
        this(service, new Handlers(service));
    }

    public EatAdminCommand(EatService service, Handlers handlers) {
        super(Commands.ADMIN, service, handlers);
    }
}
