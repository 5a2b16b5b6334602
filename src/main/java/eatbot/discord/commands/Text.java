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

    /** Cuts to at most {@code max} characters, ending with … when cut. */
    public static String limit(String s, int max) {
        if (s.length() <= max) return s;
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }
}
