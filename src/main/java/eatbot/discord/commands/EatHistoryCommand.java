package eatbot.discord.commands;

import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.eat.EatService;

/**
 * {@code /eat-history [count:]}: the console's {@code /eat history} (on Discord a command of
 * its own, since {@code /eat} has options), answered by {@code eatbot.commands.HistoryHandler}.
 * Only the caller sees it.
 */
public final class EatHistoryCommand extends DefinedCommand {
    public EatHistoryCommand(EatService service) {
        this(service, new Handlers(service));
    }

    public EatHistoryCommand(EatService service, Handlers handlers) {
        super(Commands.HISTORY, service, handlers);
    }
}
