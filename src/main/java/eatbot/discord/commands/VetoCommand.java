package eatbot.discord.commands;

import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.eat.EatService;

/**
 * {@code /veto add|remove|list}: the caller's own standing "never suggest this
 * to me", a place or a tag; it applies whenever they are among the people
 * eating. Answered by {@code eatbot.commands.VetoHandler}, which also answers
 * {@code /eat-admin veto} and the console's forms of both.
 */
public final class VetoCommand extends DefinedCommand {
    public VetoCommand(EatService service) {
        this(service, new Handlers(service));
    }

    public VetoCommand(EatService service, Handlers handlers) {
        super(Commands.VETO, service, handlers);
    }
}
