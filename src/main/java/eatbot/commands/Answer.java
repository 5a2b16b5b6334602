package eatbot.commands;

import java.util.List;

/** What a command answers, before a front end shows it (an embed on Discord, lines of text in the console). */
public sealed interface Answer {
    /** One message. */
    record Text(String text) implements Answer {}

    /**
     * A titled list, one item a line, with a footer (or null); the front end cuts it to fit
     * ("… and N more") or pages it (then {@code page} is the page shown and its count).
     *
     * @param bulleted whether each line is an item of a list (Discord puts "• " before it)
     */
    record Lines(String title, List<String> lines, String footer, boolean bulleted) implements Answer {
        public Lines {
            lines = List.copyOf(lines);
        }
    }
}
