package eatbot.discord.commands;

import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.eat.EatService;

/**
 * {@code /place add|list|edit|rename|remove|export|import}, answered by
 * {@code eatbot.commands.PlaceHandler}. Anyone may add and list (admins can restrict
 * adding to a role); the rest needs Manage Server, as {@link Commands#PLACE} defines.
 */
public final class PlaceCommand extends DefinedCommand {
    public PlaceCommand(EatService service) {
        this(service, new Handlers(service));
    }

    public PlaceCommand(EatService service, Handlers handlers) {
        super(Commands.PLACE, service, handlers);
    }
}
