package eatbot.discord.commands;

import eatbot.chart.TasteChart;
import eatbot.commands.More;
import eatbot.commands.Words;
import eatbot.eat.EatService;
import eatbot.eat.Taste;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.FileUpload;

import java.util.Locale;

/** {@code /taste}: what eatbot has learned about the caller, as a list and a picture (PNG); only they see it. */
public final class TasteCommand extends SlashCommand {
    static final String PICTURE = "taste.png";
    private final EatService service;
    private final EatRateLimit pictures;

    /** @param pictures the per-member limit on pictures, shared with /eat-why and "Why?" */
    public TasteCommand(EatService service, EatRateLimit pictures) {
        super(eatbot.commands.Commands.TASTE);
        this.service = service;
        this.pictures = pictures;
    }

    @Override
    protected String check(Call call) {
        return pictures.tryAcquire(call.guildId(), call.userId());
    }

    @Override
    public Reply run(Call call) {
        Taste t = service.taste(call.guildId(), call.userId());
        if (t.entries().isEmpty()) return Reply.text("No places yet. Add one with `/place add`.");
        java.util.List<String> lines = t.entries().stream().map(e -> String.format(Locale.ROOT, "%s **%s** %d%% · 👍 %d 👎 %d%s",
                Words.tasteBar(e.mean()), Text.escape(e.option().name()), Math.round(100 * e.mean()), e.likes(), e.dislikes(),
                e.rated() ? "" : " · not rated yet")).toList();
        String b = More.lines(lines, 4000, call.locale());
        return new Reply(Reply.builder()
                .setEmbeds(new EmbedBuilder()
                        .setTitle("Your taste: chance you like each place")
                        .setDescription(b)
                        .setImage("attachment://" + PICTURE)
                        .build())
                .addFiles(FileUpload.fromData(TasteChart.forTaste(t, call.displayName()), PICTURE))
                .build(), null);
    }

}
