package eatbot.discord.commands;

import eatbot.chart.TasteChart;
import eatbot.eat.EatService;
import eatbot.eat.Taste;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;

import java.util.Locale;

/** {@code /taste}: what eatbot has learned about the caller, as a list and a picture (PNG); only they see it. */
public final class TasteCommand extends SlashCommand {
    static final String PICTURE = "taste.png";
    private final EatService service;
    private final EatRateLimit pictures;

    /** @param pictures the per-member limit on pictures, shared with /eat-why and "Why?" */
    public TasteCommand(EatService service, EatRateLimit pictures) {
        super("taste");
        this.service = service;
        this.pictures = pictures;
    }

    @Override
    public String refuse(Call call) {
        return pictures.tryAcquire(call.guildId(), call.userId());
    }

    @Override
    public SlashCommandData data() {
        return slash("What eatbot has learned about your taste (only you see it)");
    }

    @Override
    public Reply run(Call call) {
        Taste t = service.taste(call.guildId(), call.userId());
        if (t.entries().isEmpty()) return Reply.text("No places yet. Add one with `/place add`.");
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (Taste.Entry e : t.entries()) {
            String line = String.format(Locale.ROOT, "%s **%s** %d%% · 👍 %d 👎 %d%s%n", bar(e.mean()),
                    Text.escape(e.option().name()), Math.round(100 * e.mean()), e.likes(), e.dislikes(),
                    e.rated() ? "" : " · not rated yet");
            if (b.length() + line.length() > 4000) break;
            b.append(line);
            shown++;
        }
        if (shown < t.entries().size()) b.append("… and ").append(t.entries().size() - shown).append(" more");
        return new Reply(Reply.builder()
                .setEmbeds(new EmbedBuilder()
                        .setTitle("Your taste: chance you like each place")
                        .setDescription(b.toString().strip())
                        .setImage("attachment://" + PICTURE)
                        .build())
                .addFiles(FileUpload.fromData(TasteChart.forTaste(t, call.displayName()), PICTURE))
                .build(), null);
    }

    static String bar(double p) {
        int n = (int) Math.round(p * 10);
        return "█".repeat(n) + "░".repeat(10 - n);
    }
}
