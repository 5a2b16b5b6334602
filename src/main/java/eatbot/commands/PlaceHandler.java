package eatbot.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Option;
import eatbot.eat.PlaceTransfer;
import eatbot.i18n.Messages;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /place add|list|edit|rename|remove|export|import}. Who may run which is the
 * definition's ({@link Commands#PLACE}); adding may further be kept to a role.
 */
final class PlaceHandler {
    private final EatService service;

    PlaceHandler(EatService service) {
        this.service = service;
    }

    Answer add(Invocation in) {
        Args o = in.options();
        GuildSettings s = service.settings(in.guild());
        if (s.addRoleId() != null && !in.canManage() && !in.hasRole().test(s.addRoleId())) {
            throw new EatException(Messages.of(in.locale()).text("place.add.role", in.style().role(s.addRoleId())));
        }
        Option added = service.addPlace(in.guild(), in.user(), o.text("name"), o.text("tags"), o.text("link"), o.text("hours"));
        return new Answer.Text(Messages.of(in.locale()).text("place.added", described(added, in)));
    }

    Answer edit(Invocation in) {
        Args o = in.options();
        Option edited = service.editPlace(in.guild(), o.text("name"), o.text("tags"), o.text("link"), o.text("hours"));
        return new Answer.Text(Messages.of(in.locale()).text("place.updated", described(edited, in)));
    }

    Answer remove(Invocation in) {
        Option removed = service.removePlace(in.guild(), in.options().text("name"));
        return new Answer.Text(Messages.of(in.locale()).text("place.removed", shown(removed.name(), in)));
    }

    Answer rename(Invocation in) {
        String name = in.options().text("name"), to = in.options().text("to");
        Option before = service.place(in.guild(), name);
        Option after = service.renamePlace(in.guild(), name, to);
        return new Answer.Text(Messages.of(in.locale()).text("place.renamed", shown(before.name(), in), shown(after.name(), in)));
    }

    /** The places, one a line, with their details and "closed now" where their hours say so; whole lines a page. */
    Answer list(Invocation in) {
        int page = in.options().whole("page", 1);
        List<Option> places = service.places(in.guild());
        Messages m = Messages.of(in.locale());
        if (places.isEmpty()) return new Answer.Text(m.text("places.none", in.style().code("/place add")));
        List<String> lines = places.stream().map(o -> in.style().name(o.name()) + details(o, in)
                + (o.hours() != null && !service.isOpenNow(in.guild(), o) ? " · " + m.text("place.closedNow") : "")).toList();
        Pages.Page shown = Pages.of(lines, Pages.PAGE).page(page, in.locale());
        return new Answer.Lines(m.count("places.count", places.size()), shown.lines(),
                shown.of() > 1 ? shown.footer(in.style().command(Commands.PLACE) + " list", in.locale()) : null, true);
    }

    Answer export(Invocation in) {
        List<Option> places = service.places(in.guild());
        Messages m = Messages.of(in.locale());
        return new Answer.File(m.count("places.count", places.size()) + ". " + m.text("place.exported", in.style().code("/place import")),
                "eatbot-places.json", PlaceTransfer.write(places).getBytes(StandardCharsets.UTF_8), false);
    }

    Answer importPlaces(Invocation in) {
        byte[] bytes = in.files().read("file", PlaceTransfer.MAX_BYTES);
        EatService.PlaceImport done = service.importPlaces(in.guild(), in.user(), bytes);
        Messages m = Messages.of(in.locale());
        String text = m.count("place.imported", done.added().size());
        if (!done.alreadyThere().isEmpty()) {
            text += m.text("place.alreadyThere", More.join(done.alreadyThere().stream().map(in.style()::name).toList(), 1800, in.locale()));
        }
        return new Answer.Text(text + ".");
    }

    /** "The file is too big (at most 256 KB). Nothing was imported.": for the front ends' file readers. */
    static String tooBig(java.util.Locale locale) {
        return Messages.of(locale).text("place.import.tooBig", PlaceTransfer.MAX_BYTES / 1024);
    }

    private static String shown(String name, Invocation in) {
        return in.style().strong(in.style().name(name));
    }

    /** "**Pho 99** · vietnamese · hours Mon-Fri 11:00-21:00 · <link>" */
    private static String described(Option o, Invocation in) {
        return shown(o.name(), in) + details(o, in);
    }

    private static String details(Option o, Invocation in) {
        Style st = in.style();
        return (o.tags().isEmpty() ? "" : " · " + st.name(String.join(", ", o.tags())))
                + (o.hours() == null ? "" : " · " + Messages.of(in.locale()).text("place.hours", st.name(o.hours())))
                + (o.link() == null ? "" : " · " + st.link(o.link()));
    }
}
