package eatbot.discord.commands;

import eatbot.eat.EatService;
import eatbot.eat.HistoryCount;
import eatbot.eat.PastSuggestion;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.EmbedBuilder;
import eatbot.commands.Args;
import eatbot.commands.More;
import eatbot.commands.Commands;

import java.util.List;

/**
 * {@code /eat-history [count:]}: the server's last suggestions, who said
 * 👍 or 👎, and "✅ went" on those decided (meals) (the console's {@code /eat history}; on Discord a command of its
 * own, since {@code /eat} has options). Only the caller sees it.
 */
public final class EatHistoryCommand extends SlashCommand {
    private final EatService service;

    public EatHistoryCommand(EatService service) {
        super(Commands.HISTORY);
        this.service = service;
    }

    @Override
    public Reply run(Call call) {
        return show(service.historyWithReactions(call.guildId(), new Args(Commands.HISTORY, null, call::option, call.locale()).whole("count", HistoryCount.DEFAULT)), call.locale());
    }

    static Reply show(List<PastSuggestion> past, java.util.Locale locale) {
        if (past.isEmpty()) return Reply.text("No suggestions yet. Ask with `/eat`.");
        List<String> lines = new java.util.ArrayList<>();
        for (PastSuggestion p : past) {
            Suggestion s = p.suggestion();
            // <t:…:f> shows the time in each reader's own time zone
            String line = "**#" + s.id() + "** <t:" + s.createdAt().getEpochSecond() + ":f> " + Text.limit(Text.escape(s.option().name()), 100)
                    + " · for " + SuggestionMessage.members(s.members())
                    + (p.liked().isEmpty() ? "" : " · 👍 " + SuggestionMessage.members(p.liked()))
                    + (p.disliked().isEmpty() ? "" : " · 👎 " + SuggestionMessage.members(p.disliked()))
                    + (p.decided() ? " · ✅ went" : "");
            lines.add(line);
        }
        return Reply.embed(new EmbedBuilder()
                .setTitle("Last suggestions, newest first")
                .setDescription(More.lines(lines, 4000, locale))
                .setFooter("/eat-why id:<number> draws why one was suggested")
                .build());
    }
}
