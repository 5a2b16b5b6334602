package eatbot.commands;

import eatbot.eat.PersonalData;
import eatbot.eat.Pick;
import eatbot.i18n.Messages;

import java.util.Locale;

/** What both front ends say alike, written once; a front end passes in names already shown its way (escaped, bold). */
public final class Words {
    private Words() {}

    /** The chance of liking a place as ten blocks: ███████░░░ for 0.7. */
    public static String tasteBar(double p) {
        int n = (int) Math.round(p * 10);
        return "█".repeat(n) + "░".repeat(10 - n);
    }

    /** "⭐ A favourite": a pick's label, its emoji and words, capitalised. */
    public static String pick(Pick p) {
        String w = p.label().words();
        return p.label().emoji() + " " + Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** What /privacy forget deleted, or that there was nothing. */
    public static String forgotten(PersonalData.Forgotten f, Locale locale) {
        Messages m = Messages.of(locale);
        if (f.nothing()) return m.text("privacy.forgotten.nothing");
        return m.text("privacy.forgotten", m.count("count.reaction", f.feedback()), m.count("count.preference", f.preferences()),
                m.count("count.suggestion", f.suggestionsAnonymised()), m.count("count.place", f.placesUnattributed()));
    }

    /** @param what the place or tag, as the front end shows it; @param server whether it is the server's veto */
    public static String vetoed(String what, boolean server, Locale locale) {
        return Messages.of(locale).text(server ? "veto.added.server" : "veto.added.own", what);
    }

    public static String lifted(String what, boolean server, Locale locale) {
        return Messages.of(locale).text(server ? "veto.lifted.server" : "veto.lifted.own", what);
    }

    public static String noVetoes(boolean server, Locale locale) {
        return Messages.of(locale).text(server ? "veto.none.server" : "veto.none.own");
    }
}
