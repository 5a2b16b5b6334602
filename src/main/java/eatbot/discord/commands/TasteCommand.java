package eatbot.discord.commands;

import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.eat.EatService;

/**
 * {@code /taste}: what eatbot has learned about the caller, as a list and a picture (PNG);
 * only they see it. Answered by {@code eatbot.commands.TasteHandler}; each picture counts
 * against the caller's per-minute limit on pictures.
 */
public final class TasteCommand extends DefinedCommand {
    private final EatRateLimit pictures;

    /** @param pictures the per-member limit on pictures, shared with /eat-why and "Why?" */
    public TasteCommand(EatService service, EatRateLimit pictures) {
        this(service, pictures, new Handlers(service));
    }

    public TasteCommand(EatService service, EatRateLimit pictures, Handlers handlers) {
        super(Commands.TASTE, service, handlers);
        this.pictures = pictures;
    }

    @Override
    protected String check(Call call) {
        return pictures.tryAcquire(call.guildId(), call.userId(), eatbot.i18n.Messages.of(call.locale()));
    }
}
