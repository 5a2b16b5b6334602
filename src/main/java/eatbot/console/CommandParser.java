package eatbot.console;

import eatbot.eat.EatException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a console line in the shape of a Discord slash command:
 * {@code /place add name:Pho 99 tags:vietnamese,cheap}. An option's value runs
 * to the next known option name, so values may contain spaces and colons.
 */
public final class CommandParser {
    public static final int MAX_LINE = 2000;
    private static final Pattern OPTION = Pattern.compile("(?:^|\\s)([a-z][a-z-]*):");

    private CommandParser() {}

    /** The words of a command ({@code /place}, {@code add}) and what follows them. */
    public record Line(List<String> words, String rest) {
        public String word(int i) {
            return i < words.size() ? words.get(i) : "";
        }
    }

    /** Splits off the command words: the leading words with no ':' in them, up to {@code maxWords}. */
    public static Line split(String line, int maxWords) {
        if (line.length() > MAX_LINE) throw new EatException("That line is too long (at most " + MAX_LINE + " characters).");
        String s = line.strip();
        List<String> words = new ArrayList<>();
        int i = 0;
        while (words.size() < maxWords && i < s.length()) {
            int end = s.indexOf(' ', i);
            if (end < 0) end = s.length();
            String w = s.substring(i, end);
            if (w.contains(":")) break;
            words.add(w);
            i = end;
            while (i < s.length() && s.charAt(i) == ' ') i++;
        }
        return new Line(words, s.substring(Math.min(i, s.length())).strip());
    }

    /**
     * Reads {@code key:value} options from {@code rest}. A word followed by ':'
     * after a space is an option name, and one the command does not have is
     * refused (Discord would never send it; taking it as part of the value before
     * it added places called "Sushi Go foo:bar"). A web address's {@code https://}
     * is no option name. Text before the first option, or a key given twice, is
     * refused too; every refusal names the command's options.
     */
    public static Map<String, String> options(String rest, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rest.isBlank()) return out;
        Matcher m = OPTION.matcher(rest);
        List<int[]> starts = new ArrayList<>(); // {keyStart, valueStart}
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            if (allowed.contains(m.group(1))) {
                starts.add(new int[] {m.start(1), m.end()});
                keys.add(m.group(1));
            } else if (!rest.startsWith("//", m.end())) {
                throw new EatException("Unknown option '" + shorten(m.group(1)) + ":'." + offered(allowed));
            }
        }
        if (starts.isEmpty() || !rest.substring(0, starts.get(0)[0]).isBlank()) {
            String stray = starts.isEmpty() ? rest : rest.substring(0, starts.get(0)[0]).strip();
            throw new EatException("I don't understand '" + shorten(stray) + "'." + offered(allowed));
        }
        for (int i = 0; i < starts.size(); i++) {
            int valueStart = starts.get(i)[1];
            int valueEnd = i + 1 < starts.size() ? starts.get(i + 1)[0] : rest.length();
            String key = keys.get(i);
            if (out.containsKey(key)) throw new EatException("'" + key + ":' is given twice.");
            out.put(key, rest.substring(valueStart, valueEnd).strip());
        }
        return out;
    }

    private static String offered(Set<String> allowed) {
        return allowed.isEmpty() ? " This command takes no options."
                : " Options here: " + String.join(", ", allowed.stream().sorted().map(k -> k + ":").toList()) + ".";
    }

    /** Typed text as it may be echoed in a reply: short, and no terminal escapes or invisible characters. */
    static String shorten(String s) {
        return eatbot.eat.Names.shown(s);
    }
}
