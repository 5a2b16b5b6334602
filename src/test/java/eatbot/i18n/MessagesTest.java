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
}
