package eatbot.commands;

import eatbot.chart.TasteChart;
import eatbot.eat.EatService;
import eatbot.eat.Taste;
import eatbot.i18n.Messages;

import java.util.List;
import java.util.Locale;

/** {@code /taste}: what eatbot has learned about the caller, as a list and a picture; only they see it. */
final class TasteHandler implements Handler {
    /** The picture's file name (Discord shows it inside the list's embed). */
    static final String PICTURE = "taste.png";
    private final EatService service;

    TasteHandler(EatService service) {
        this.service = service;
    }

    @Override
    public Answer handle(Invocation in) {
        Taste t = service.taste(in.guild(), in.user());
        Messages m = Messages.of(in.locale());
        Style st = in.style();
        if (t.entries().isEmpty()) return new Answer.Text(m.text("places.none", st.code("/place add")));
        List<String> lines = t.entries().stream().map(e -> Words.tasteBar(e.mean()) + " " + st.strong(st.name(e.option().name())) + " "
                + Math.round(100 * e.mean()) + "% · 👍 " + e.likes() + " 👎 " + e.dislikes()
                + (e.rated() ? "" : " · " + m.text("taste.notRated"))).toList();
        return new Answer.Lines(m.text("taste.title", in.userName()), lines, null, false,
                new Answer.File(m.text("picture"), PICTURE, TasteChart.forTaste(t, in.userName()), true));
    }
}
