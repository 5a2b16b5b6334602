package eatbot.commands;

import java.util.List;

/** What a command answers, before a front end shows it (an embed on Discord, lines of text in the console). */
public sealed interface Answer {
    /** One message. */
    record Text(String text) implements Answer {}

    /**
     * A titled list, one item a line, with a footer (or null) and a picture (or null); the
     * front end cuts it to fit ("… and N more").
     *
     * @param bulleted whether each line is an item of a list (Discord puts "• " before it)
     */
    record Lines(String title, List<String> lines, String footer, boolean bulleted, File picture) implements Answer {
        public Lines {
            lines = List.copyOf(lines);
        }

        public Lines(String title, List<String> lines, String footer, boolean bulleted) {
            this(title, lines, footer, bulleted, null);
        }
    }

    /**
     * A file: Discord attaches it; the console prints data (JSON) as it is, and writes a
     * picture into its charts folder and says where.
     */
    record File(String text, String name, byte[] bytes, boolean picture) implements Answer {}

    /**
     * A suggestion made: Discord posts it with 👍/👎 and its buttons, the console prints it and
     * remembers it for +1, another and /eat go. The request is kept for "another one".
     */
    record Suggested(eatbot.eat.Suggestion suggestion, eatbot.eat.SuggestRequest request) implements Answer {}

    /**
     * A question before something that cannot be undone: Discord asks with two buttons only the
     * asker may press, the console with the command again and {@code confirm:yes}.
     *
     * @param action  what confirming does, named for the front ends ({@code privacy-forget})
     * @param decline what saying no does ({@code privacy-keep})
     */
    record Confirm(String question, String yes, String no, String action, String decline) implements Answer {}
}
