package eatbot.discord.commands;

import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/** What users typed, made harmless to show: no markdown, links, mentions or timestamps take effect. */
public final class Text {
    private Text() {}

    public static String escape(String s) {
        if (s == null) return "";
        String e = MarkdownSanitizer.escape(s);
        StringBuilder b = new StringBuilder(e.length() + 8);
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            switch (c) {
                // masked links [x](url), <@mentions>, <#channels>, <t:timestamps>, headings and lists
                case '[', ']', '(', ')', '<', '>', '#', '-', '+' -> b.append('\\').append(c);
                // a zero-width space after @ keeps @everyone and @here from reading as mentions
                case '@' -> b.append("@\u200b");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The most a refusal or error says (house rule): one line of at most this many characters. */
    public static final int MAX_REFUSAL = eatbot.eat.Names.MAX_MESSAGE;

    /**
     * A refusal as sent: the last guard that it is at most {@link #MAX_REFUSAL}
     * characters, whatever a handler put in it (quoted text is clipped and
     * escaped where it is quoted, by {@code Names.shown}); a cut never leaves a
     * half escape.
     */
    public static String refusal(String s) {
        if (s == null || s.length() <= MAX_REFUSAL) return s;
        String cut = limit(s, MAX_REFUSAL);
        String body = cut.substring(0, cut.length() - 1);
        int slashes = 0;
        while (slashes < body.length() && body.charAt(body.length() - 1 - slashes) == '\\') slashes++;
        if (slashes % 2 == 1) body = body.substring(0, body.length() - 1);
        return body + "…";
    }

    /** Cuts to at most {@code max} characters, ending with … when cut. */
    public static String limit(String s, int max) {
        if (s.length() <= max) return s;
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }
}
