package eatbot.eat;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks and cleans the text people type: place names, tags, links. Text that
 * could break a message or hide what it says (control, zero-width and
 * direction-override characters, broken surrogates) is refused; markdown and
 * mentions are allowed here and escaped by each front end when shown.
 */
public final class Names {
    public static final int MAX_NAME = 80;
    public static final int MAX_TAG = 24;
    public static final int MAX_TAGS = 12;
    public static final int MAX_LINK = 300;
    /** The most a one-line error message may have (house rule for every refusal and start-up failure). */
    public static final int MAX_MESSAGE = 200;

    /** Letters that draw nothing (Hangul fillers, the blank Braille pattern): used to fake empty names. */
    private static final String BLANK_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800";

    private Names() {}

    /** How much of what someone typed a refusal quotes (before escaping). */
    public static final int MAX_QUOTED = 40;

    /**
     * User text as it may be quoted inside a one-line refusal, the one helper
     * every refusal quotes through: at most {@value #MAX_QUOTED} characters (then …),
     * anything invisible, broken or line-breaking shown as '?', and markdown,
     * links, mentions and timestamps escaped so they show as typed (Discord
     * renders refusals as markdown; the console shows the same text).
     */
    public static String shown(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        int count = 0;
        int i = 0;
        while (i < s.length() && count < MAX_QUOTED) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
            if (unsafe) b.append('?');
            else if (MARKDOWN.indexOf(cp) >= 0) b.append('\\').appendCodePoint(cp);
            else if (cp == '@') b.append('\uFF20'); // ＠: @everyone and @here read as typed, never as mentions, with nothing hidden
            else b.appendCodePoint(cp);
            count++;
        }
        return i < s.length() ? b + "…" : b.toString();
    }

    /**
     * Characters that change how Discord shows text inside a line: emphasis, code, spoilers, masked
     * links, mentions and timestamps. Quoted text never starts a line, so headings, lists and
     * quotes need nothing.
     */
    private static final String MARKDOWN = "\\*_~`|<>[]";

    /**
     * A message as one line of at most {@link #MAX_MESSAGE} characters: runs of
     * white space become one space, and a long middle (a path, an exception's
     * text) is cut so that the end, which says what to do, stays.
     */
    public static String oneLine(String message) {
        String flat = message.replaceAll("\\s+", " ").strip();
        if (flat.length() <= MAX_MESSAGE) return flat;
        int tail = 100;
        return flat.substring(0, MAX_MESSAGE - tail - 1) + "…" + flat.substring(flat.length() - tail);
    }

    public static String placeName(String raw) {
        String s = clean(raw, "place name");
        if (s.isEmpty()) throw EatException.of("refusal.name.empty");
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            throw EatException.of("refusal.name.too-long", MAX_NAME);
        }
        return s;
    }

    /** The form two names are compared in: "Pho 99" and "pho  99" are the same place. */
    public static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Comma-separated tags to a clean, de-duplicated list: lower case, letters, digits, '-', '$'. */
    public static List<String> tags(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String t = tag(part);
            if (!t.isEmpty()) out.add(t);
        }
        if (out.size() > MAX_TAGS) throw EatException.of("refusal.tags.too-many", MAX_TAGS);
        return new ArrayList<>(out);
    }

    /** A place's tags as typed ({@link #tags}), with at most one price tag: a place has one price. */
    public static List<String> placeTags(String raw) {
        return onePrice(tags(raw));
    }

    /** Refuses a place's clean tags with two price tags ({@code $} and {@code $$$$}): which would max-price: believe? */
    public static List<String> onePrice(List<String> tags) {
        List<String> prices = tags.stream().filter(Names::isPrice).toList();
        if (prices.size() > 1) {
            throw EatException.of("refusal.tags.two-prices", (eatbot.i18n.Messages.Phrase) w -> String.join(w.text("words.and"), prices));
        }
        return tags;
    }

    /** True for a price tag: $ to $$$$. */
    public static boolean isPrice(String tag) {
        return !tag.isEmpty() && tag.length() <= Filters.MAX_PRICE && tag.chars().allMatch(c -> c == '$');
    }

    public static String tag(String raw) {
        String t = clean(raw, "tag").toLowerCase(Locale.ROOT).replace(' ', '-');
        if (t.codePointCount(0, t.length()) > MAX_TAG) {
            throw EatException.of("refusal.tag.too-long", MAX_TAG);
        }
        boolean ok = t.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '$');
        if (!ok) throw EatException.of("refusal.tag.characters", shown(t));
        // "$$$$$" would sort above every max-price: and so pass them all
        if (t.length() > Filters.MAX_PRICE && t.chars().allMatch(c -> c == '$')) {
            throw EatException.of("refusal.tag.price", "$".repeat(Filters.MAX_PRICE), shown(t));
        }
        return t;
    }

    /** An http(s) link to a menu or map, or null when blank. */
    public static String link(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = clean(raw, "link");
        if (s.length() > MAX_LINK) throw EatException.of("refusal.link.too-long", MAX_LINK);
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || s.contains(" ")) {
                throw EatException.of("refusal.link.scheme");
            }
        } catch (URISyntaxException e) {
            throw EatException.of("refusal.link.invalid");
        }
        return s;
    }

    /** What a text is ("place name", "tag") in the reader's words; English when no key names it. */
    private static eatbot.i18n.Messages.Phrase thing(String what) {
        String key = "thing." + what.replace(' ', '-');
        return w -> w.has(key) ? w.text(key) : what;
    }

    /**
     * Trims, joins runs of spaces, and refuses invisible or structure-breaking
     * characters, naming what was wrong.
     */
    static String clean(String raw, String what) {
        if (raw == null) return "";
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            // a lone surrogate comes back as itself: a pair is judged as the character it makes
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                throw EatException.of("refusal.text.broken", thing(what));
            }
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\r' || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw EatException.of("refusal.text.one-line", thing(what));
            }
            if (type == Character.CONTROL) throw EatException.of("refusal.text.control", thing(what));
            // zero-width and direction overrides would let a name hide or reverse what it shows;
            // outside the BMP too (tag characters, hieroglyph format controls)
            if (type == Character.FORMAT || BLANK_LETTERS.indexOf(cp) >= 0) {
                throw EatException.of("refusal.text.invisible", thing(what));
            }
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return s;
    }
}
