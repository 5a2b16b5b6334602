package eatbot.commands;

import eatbot.eat.EatService;
import eatbot.eat.HistoryCount;
import eatbot.eat.PastSuggestion;
import eatbot.eat.PersonalData;
import eatbot.eat.Suggestion;
import eatbot.i18n.Messages;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /eat history [count:]} (Discord: {@code /eat-history}): the last suggestions, who said 👍 or 👎, and "✅ went". */
final class HistoryHandler implements Handler {
    private final EatService service;

    HistoryHandler(EatService service) {
        this.service = service;
    }

    @Override
    public Answer handle(Invocation in) {
        int count = in.options().whole("count", HistoryCount.DEFAULT);
        List<PastSuggestion> past = service.historyWithReactions(in.guild(), count);
        Messages m = Messages.of(in.locale());
        Style st = in.style();
        if (past.isEmpty()) return new Answer.Text(m.text("history.none", st.code("/eat")));
        java.util.function.Supplier<ZoneId> zone = () -> service.settings(in.guild()).zone();
        List<String> lines = past.stream().map(p -> {
            Suggestion s = p.suggestion();
            return st.strong("#" + s.id()) + " " + st.time(s.createdAt(), zone) + " " + st.name(s.option().name())
                    + " · " + m.text("history.for", people(s.members(), in))
                    + (p.liked().isEmpty() ? "" : " · 👍 " + people(p.liked(), in))
                    + (p.disliked().isEmpty() ? "" : " · 👎 " + people(p.disliked(), in))
                    + (p.decided() ? " · " + m.text("history.went") : "");
        }).toList();
        return new Answer.Lines(m.text("history.title"), lines, m.text("history.footer", st.command(Commands.WHY)), false);
    }

    /** People by the front end's way of naming them; one forgotten (privacy) as such. */
    static String people(List<String> ids, Invocation in) {
        return ids.stream().map(id -> PersonalData.FORGOTTEN_USER.equals(id) ? Messages.of(in.locale()).text("person.forgotten")
                : in.style().person(id)).collect(Collectors.joining(", "));
    }
}
