package eatbot.discord.commands;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Pho 99|Pho 99",
            "**bold**|\\*\\*bold\\*\\*",
            "__under__|\\_\\_under\\_\\_",
            "`code`|\\`code\\`",
            "~~gone~~|\\~~gone\\~~",
            "[click](https://evil.example)|\\[click\\]\\(https://evil.example\\)",
            "<@123456789>|\\<@\u200b123456789\\>",
            "@everyone|@\u200beveryone",
            "# Big|\\# Big",
            "- item|\\- item",
            "<t:0:R>|\\<t:0:R\\>",
    })
    void everythingAUserTypedShowsAsTyped(String typed, String shown) {
        assertEquals(shown, Text.escape(typed));
    }

    @Test
    void spoilersShowAsTyped() {
        assertEquals("\\||secret\\||", Text.escape("||secret||"));
    }

    @Test
    void limitCutsLongTextWithoutBreakingACharacter() {
        String s = "a".repeat(9) + "😀" + "b".repeat(20);
        String cut = Text.limit(s, 11);
        assertTrue(cut.length() <= 11, cut);
        assertTrue(cut.endsWith("…"));
        assertTrue(!Character.isHighSurrogate(cut.charAt(cut.length() - 2)), "no broken emoji");
        assertEquals("short", Text.limit("short", 11));
    }
}
