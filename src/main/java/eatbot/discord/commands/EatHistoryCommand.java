package eatbot.discord.commands;

import eatbot.eat.EatService;
import eatbot.eat.HistoryCount;
import eatbot.eat.PastSuggestion;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.List;

/**
 * {@code /eat-history [count:]}: the server's last suggestions, who said
 * 👍 or 👎, and "✅ went" on those decided (meals) (the console's {@code /eat history}; on Discord a command of its
 * own, since {@code /eat} has options). Only the caller sees it.
 */
public final class EatHistoryCommand extends SlashCommand {
    private final EatService service;

    public EatHistoryCommand(EatService service) {
        super("eat-history");
        this.service = service;
    }

    @Override
    public SlashCommandData data() {
        return slash("The last suggestions on this server, what people said and where they went (only you see it)").addOptions(
                new OptionData(OptionType.INTEGER, "count", "How many (default " + HistoryCount.DEFAULT + ")").setRequiredRange(1, HistoryCount.MAX));
    }

    @Override
    public Reply run(Call call) {
        return show(service.historyWithReactions(call.guildId(), HistoryCount.parse(call.option("count"))));
    }

    static Reply show(List<PastSuggestion> past) {
        if (past.isEmpty()) return Reply.text("No suggestions yet. Ask with `/eat`.");
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (PastSuggestion p : past) {
            Suggestion s = p.suggestion();
            // <t:…:f> shows the time in each reader's own time zone
            String line = "**#" + s.id() + "** <t:" + s.createdAt().getEpochSecond() + ":f> " + Text.limit(Text.escape(s.option().name()), 100)
                    + " · for " + SuggestionMessage.members(s.members())
                    + (p.liked().isEmpty() ? "" : " · 👍 " + SuggestionMessage.members(p.liked()))
                    + (p.disliked().isEmpty() ? "" : " · 👎 " + SuggestionMessage.members(p.disliked()))
                    + (p.decided() ? " · ✅ went" : "") + "\n";
            if (b.length() + line.length() > 4000) break;
            b.append(line);
            shown++;
        }
        if (shown < past.size()) b.append("… and ").append(past.size() - shown).append(" more");
        return Reply.embed(new EmbedBuilder()
                .setTitle("Last suggestions, newest first")
                .setDescription(b.toString().strip())
                .setFooter("/eat-why id:<number> draws why one was suggested")
                .build());
    }
}
