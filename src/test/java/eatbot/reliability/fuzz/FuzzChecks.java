package eatbot.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every reply to fuzzed input must be: short, one line, nothing hidden in it. */
final class FuzzChecks {
    private FuzzChecks() {}

    static void clearMessage(String message) {
        assertFalse(message == null || message.isBlank(), "empty message");
        assertTrue(message.length() <= 300, "message too long: " + message.length());
        assertTrue(safe(message, false), "message carries hidden characters: " + message);
    }

    /** No control, invisible-format, broken-surrogate or line-separator characters (newlines only if allowed). */
    static boolean safe(String s, boolean newlines) {
        return s.codePoints().allMatch(c -> {
            if (c == '\n') return newlines;
            int t = Character.getType(c);
            return t != Character.CONTROL && t != Character.FORMAT && t != Character.SURROGATE
                    && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR;
        });
    }
}
