package eatbot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d{1,2})}");

    @Test
    void everyBundleHasEveryKeyOfEveryOther() {
        Set<String> english = Messages.ownKeys(Locale.ENGLISH);
        assertFalse(english.isEmpty());
        for (Locale l : Messages.SUPPORTED) {
            Set<String> own = Messages.ownKeys(l);
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(own);
            Set<String> extra = new TreeSet<>(own);
            extra.removeAll(english);
            assertEquals(Set.of(), missing, "keys missing in " + l.toLanguageTag());
            assertEquals(Set.of(), extra, "keys only in " + l.toLanguageTag());
        }
    }

    @Test
    void everyTranslationUsesTheSameArguments() {
        Messages en = Messages.ENGLISH;
        Messages zh = Messages.of(Messages.SIMPLIFIED_CHINESE);
        for (String key : Messages.ownKeys(Locale.ENGLISH)) {
            assertEquals(args(en.text(key)), args(zh.text(key)), key);
            assertFalse(zh.text(key).isBlank(), key);
        }
    }

    /** The placeholders a text leaves unfilled when given no arguments. */
    private static Set<String> args(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void readersGetTheirLanguageOrEnglish() {
        assertEquals("简体中文", Messages.of(Locale.forLanguageTag("zh-CN")).text("language.name"));
        assertEquals("简体中文", Messages.ofTag("zh_CN").text("language.name"));
        assertEquals("简体中文", Messages.of(Locale.forLanguageTag("zh")).text("language.name"));
        assertEquals("English", Messages.of(Locale.forLanguageTag("zh-TW")).text("language.name"));
        assertEquals("English", Messages.of(Locale.forLanguageTag("de")).text("language.name"));
        assertEquals("English", Messages.of(null).text("language.name"));
        assertEquals("English", Messages.ofTag(" ").text("language.name"));
    }

    @Test
    void argumentsAreFilledAsTheyAreWithoutQuotingRules() {
        assertEquals("We're going to {x}'s: Noodle Bar, 3", Messages.fill("We're going to {x}'s: {0}, {1}", "Noodle Bar", 3));
        assertEquals("{2} stays", Messages.fill("{2} stays", "a"));
        assertTrue(Messages.fill("{0}{0}", "{1}", "b").equals("{1}{1}"), "an argument is not filled again");
    }

    /**
     * A key the code names but no bundle has would be a failure in front of a reader, not a
     * refusal: every literal in src/main that looks like one of the bundle's keys (its first
     * part is one the bundle uses) must be a key, or a count's stem ({@code key.one}/{@code key.other}).
     */
    /** A file name ("taste.png") is not a key, whatever it starts with. */
    private static final Pattern FILE = Pattern.compile("\\.(png|json|jar|db|txt|csv|properties|java)$");

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws java.io.IOException {
        Set<String> keys = Messages.ownKeys(Locale.ENGLISH);
        Set<String> prefixes = new TreeSet<>();
        for (String k : keys) prefixes.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')));
        Pattern literal = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9$-]+)+)\"");
        Set<String> unknown = new TreeSet<>();
        int seen = 0;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    String k = m.group(1);
                    if (!prefixes.contains(k.substring(0, k.indexOf('.'))) || FILE.matcher(k).find()) continue;
                    seen++;
                    if (!keys.contains(k) && !(keys.contains(k + ".one") && keys.contains(k + ".other"))) unknown.add(f.getFileName() + ": " + k);
                }
            }
        }
        assertTrue(seen > 50, "the scan finds the keys the code names: " + seen);
        assertEquals(Set.of(), unknown);
    }
}
