package eatbot.discord.commands;

import eatbot.chart.WhyChart;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Why;
import eatbot.commands.Args;
import eatbot.commands.Commands;
import eatbot.commands.Handlers;
import eatbot.commands.Invocation;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * A picture of why a place was suggested (see {@link WhyChart}): everyone's
 * posteriors and draws as they were when it was chosen, as a PNG only the asker sees.
 * Reached by the "Why?" button under every suggestion, or {@code /eat-why id:}
 * for an older one (ids are in {@code /eat-history}). It is a command of its
 * own because a Discord command with options ({@code /eat}) cannot have subcommands.
 */
public final class EatWhyCommand extends DefinedCommand {
    private final EatRateLimit pictures;

    /** @param pictures the per-member limit on pictures, shared with /taste: each one is a chart rendered */
    public EatWhyCommand(EatService service, EatRateLimit pictures) {
        this(service, pictures, new Handlers(service));
    }

    public EatWhyCommand(EatService service, EatRateLimit pictures, Handlers handlers) {
        super(Commands.WHY, service, handlers);
        this.pictures = pictures;
    }

    /** For /eat-why and the "Why?" button alike. */
    @Override
    protected String check(Call call) {
        return pictures.tryAcquire(call.guildId(), call.userId(), eatbot.i18n.Messages.of(call.locale()));
    }

    /** The "Why?" button: the custom id ends in the suggestion id. */
    public Reply button(Call call, String customId) {
        String id = customId.startsWith(SuggestionMessage.WHY) ? customId.substring(SuggestionMessage.WHY.length()) : "";
        if (!id.matches("\\d{1,18}")) throw new EatException("This button no longer works; ask again with /eat.");
        Invocation in = invocation(call, null).with(new Args(Commands.WHY, null, java.util.Map.of("id", id)::get, call.locale()));
        return reply(handlers().answer(Commands.WHY, null, in), call);
    }
}
