package eatbot.discord.commands;

import eatbot.chart.WhyChart;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Why;
import eatbot.commands.Args;
import eatbot.commands.Commands;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * A picture of why a place was suggested (see {@link WhyChart}): everyone's
 * posteriors and draws as they were when it was chosen, as a PNG only the asker sees.
 * Reached by the "Why?" button under every suggestion, or {@code /eat-why id:}
 * for an older one (ids are in {@code /eat-history}). It is a command of its
 * own because a Discord command with options ({@code /eat}) cannot have subcommands.
 */
public final class EatWhyCommand extends SlashCommand {
    private final EatService service;
    private final EatRateLimit pictures;

    /** @param pictures the per-member limit on pictures, shared with /taste: each one is a chart rendered */
    public EatWhyCommand(EatService service, EatRateLimit pictures) {
        super(Commands.WHY);
        this.service = service;
        this.pictures = pictures;
    }

    /** For /eat-why and the "Why?" button alike. */
    @Override
    protected String check(Call call) {
        return pictures.tryAcquire(call.guildId(), call.userId());
    }

    @Override
    public Reply run(Call call) {
        return why(call, new Args(Commands.WHY, null, call::option, call.locale()).whole("id"));
    }

    /** The "Why?" button: the custom id ends in the suggestion id. */
    public Reply button(Call call, String customId) {
        try {
            return why(call, Long.parseLong(customId.substring(SuggestionMessage.WHY.length())));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new EatException("This button no longer works; ask again with /eat.");
        }
    }

    Reply why(Call call, long suggestionId) {
        Why why = service.why(call.guildId(), suggestionId, call.userId());
        byte[] png = WhyChart.png(why, call::nameOf);
        String place = Text.escape(why.suggestion().option().name());
        return new Reply(Reply.builder()
                .setContent("Why **" + Text.limit(place, 200) + "** (#" + suggestionId + "): what eatbot believed when it chose,"
                        + " one panel per person; the pick is drawn bold, the dots are the guesses that decided.")
                .addFiles(FileUpload.fromData(png, "why-" + call.guildId() + "-" + suggestionId + "-" + call.userId() + ".png"))
                .build(), null);
    }
}
