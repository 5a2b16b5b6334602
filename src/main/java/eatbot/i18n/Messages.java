package eatbot.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words eatbot says, in the reader's language: English and Simplified Chinese
 * ({@code zh-CN}), anything else in English. Texts live in
 * {@code eatbot/i18n/messages*.properties} (UTF-8); {@code {0}}, {@code {1}} … are
 * replaced by the arguments as they are, with none of {@link java.text.MessageFormat}'s
 * quoting rules, so an apostrophe in "We're going" needs no escaping.
 *
 * <p>A count picks {@code key.one} or {@code key.other} ({@link #count}); Chinese has
 * one form and writes both keys alike. A key missing in a bundle falls back to English
 * (and {@code MessagesTest} fails on it); a key missing in English is a bug and throws.
 */
public final class Messages {
    public static final String BUNDLE = "eatbot.i18n.messages";
    public static final Locale SIMPLIFIED_CHINESE = Locale.forLanguageTag("zh-CN");
    /** The languages with a complete bundle; the first is the fallback. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, SIMPLIFIED_CHINESE);
    // Before ENGLISH: static fields start in order.
    // No fallback to the JVM's default locale: a server in Shanghai must not answer an English reader in Chinese.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    public static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), CONTROL);
    }

    /** The messages for a reader: Simplified Chinese for {@code zh-CN} (and plain {@code zh}), else English. */
    public static Messages of(Locale reader) {
        return supported(reader).equals(SIMPLIFIED_CHINESE) ? Chinese.INSTANCE : ENGLISH;
    }

    /** The supported locale a reader gets: zh-CN for zh-CN and zh-Hans/plain zh, else English. */
    public static Locale supported(Locale reader) {
        if (reader == null || !"zh".equals(reader.getLanguage())) return Locale.ENGLISH;
        String country = reader.getCountry(), script = reader.getScript();
        boolean traditional = "Hant".equals(script) || "TW".equals(country) || "HK".equals(country) || "MO".equals(country);
        return traditional ? Locale.ENGLISH : SIMPLIFIED_CHINESE;
    }

    /** The messages for a language tag such as {@code zh-CN} (EATBOT_LOCALE); blank or unknown is English. */
    public static Messages ofTag(String tag) {
        return tag == null || tag.isBlank() ? ENGLISH : of(Locale.forLanguageTag(tag.strip().replace('_', '-')));
    }

    /**
     * An argument that is itself words: worded in the reader's language when the text is
     * filled ("your vetoes" inside a refusal made before anyone knew who would read it).
     */
    @FunctionalInterface
    public interface Phrase {
        String in(Messages words);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {@code {n}} replaced by {@code args[n]}. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + BUNDLE, e);
        }
        Object[] worded = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Phrase p) {
                if (worded == args) worded = args.clone();
                worded[i] = p.in(this);
            }
        }
        return fill(pattern, worded);
    }

    /** {@code key.one} when {@code n} is 1, else {@code key.other}; {@code {0}} is {@code n}, then {@code args}. */
    public String count(String key, long n, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = n;
        System.arraycopy(args, 0, all, 1, args.length);
        return text(key + (n == 1 ? ".one" : ".other"), all);
    }

    /** True when the bundle (or English under it) has the key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The keys a supported locale's own file defines, not those it inherits: for the completeness test. */
    public static Set<String> ownKeys(Locale locale) {
        String file = BUNDLE.replace('.', '/') + (locale.equals(Locale.ENGLISH) ? "" : "_" + locale.toString()) + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) return Set.of();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fill(String pattern, Object... args) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < args.length ? String.valueOf(args[n]) : pattern.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final class Chinese {
        static final Messages INSTANCE = new Messages(SIMPLIFIED_CHINESE);
    }
}
