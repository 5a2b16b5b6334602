package eatbot.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Veto;
import eatbot.i18n.Messages;

import java.util.List;

/**
 * {@code /veto add|remove|list} (one's own: "never suggest this to me") and
 * {@code /eat-admin veto add|remove|list} (the server's, {@code who} null).
 */
final class VetoHandler {
    private final EatService service;

    VetoHandler(EatService service) {
        this.service = service;
    }

    /** @param who the caller for their own vetoes, or null for the server's */
    Answer handle(Invocation in, String who, String sub) {
        Args o = in.options();
        Messages m = Messages.of(in.locale());
        return switch (sub) {
            case "add" -> new Answer.Text(Words.vetoed(what(service.veto(in.guild(), who, o.text("place"), o.text("tag")), in), who == null, in.locale()));
            case "remove" -> new Answer.Text(Words.lifted(what(service.liftVeto(in.guild(), who, o.text("place"), o.text("tag")), in), who == null, in.locale()));
            case "list" -> {
                List<Veto> vetoes = service.vetoes(in.guild(), who);
                if (vetoes.isEmpty()) yield new Answer.Text(Words.noVetoes(who == null, in.locale()));
                yield new Answer.Lines(m.text("veto.title"), vetoes.stream().map(v -> what(v, in) + " — " + (v.serverWide() ? m.text("veto.whose.server")
                        : v.userId().equals(who) ? m.text("veto.whose.you") : in.style().person(v.userId()))).toList(), null, true);
            }
            default -> throw new EatException(who == null ? Refusals.useGroup(Commands.ADMIN, "veto", in.locale()) : Refusals.use(Commands.VETO, in.locale()));
        };
    }

    /** The vetoed place or tag, shown and made to stand out; a place removed since says so. */
    static String what(Veto v, Invocation in) {
        Messages m = Messages.of(in.locale());
        Style s = in.style();
        if (v.placeId() == null) return m.text("veto.tag", s.strong(s.name(v.tag())));
        return s.strong(s.name(v.placeName())) + (v.placeRemoved() ? m.text("veto.removedPlace") : "");
    }
}
