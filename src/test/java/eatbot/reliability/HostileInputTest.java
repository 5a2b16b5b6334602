package eatbot.reliability;

import eatbot.console.Console;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile text in every place a member can type or upload it. Each row is
 * either refused with a short, one-line message that names the problem, with
 * nothing written, or stored exactly and shown back as plain text.
 */
class HostileInputTest {
    private static final String G = Console.GUILD;
    private static final String STORED = null; // expected outcome: accepted and stored as given
    private static final String LONG = "a".repeat(10_000);

    // one database for the whole table (opening one per row would cost most of the run); rows use fresh names
    @TempDir
    static Path dir;
    private static TestBot bot;
    private static ByteArrayOutputStream bytes;
    private static Console console;
    private static int serial;

    @BeforeAll
    static void open() {
        bot = TestBot.open(dir);
        bytes = new ByteArrayOutputStream();
        console = new Console(bot.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
        bot.service.settings(G);
    }

    @AfterAll
    static void close() {
        bot.close();
    }

    @BeforeEach
    void clearOutput() {
        bytes.reset();
    }

    private static String fresh(String name) {
        return name + " " + (++serial);
    }

    /** Everything a refused command could have touched. */
    private String state() {
        return bot.store.options(G, true) + "|" + bot.service.settings(G) + "|" + bot.store.feedback(G);
    }

    private static void assertClearMessage(String message) {
        assertFalse(message.isBlank());
        assertTrue(message.length() <= 200, "message too long: " + message.length());
        assertTrue(message.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                || Character.getType(c) == Character.LINE_SEPARATOR), "message carries hidden characters: " + message);
    }

    private void refused(Runnable action, String expected) {
        String before = state();
        EatException e = assertThrows(EatException.class, action::run);
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should say '" + expected + "'");
        assertClearMessage(e.getMessage());
        assertEquals(before, state(), "a refused input changed something");
    }

    // ---- place names ----

    static Stream<Arguments> placeNames() {
        return Stream.of(
                arguments("SQL injection", "Robert'); DROP TABLE options;--", STORED),
                arguments("SQL quote trick", "' OR '1'='1", STORED),
                arguments("SQL comment", "\"; DELETE FROM guilds; --", STORED),
                arguments("markdown", "**Pho** _99_ ~~x~~ ||spoiler|| `code`", STORED),
                arguments("@everyone", "@everyone", STORED),
                arguments("@here", "@here", STORED),
                arguments("role mention", "<@&123456789012345678>", STORED),
                arguments("user mention", "<@123456789012345678>", STORED),
                arguments("right-to-left script", "مطعم الشام", STORED),
                arguments("80 emoji", "🍜".repeat(80), STORED),
                arguments("10k characters", LONG, "at most 80"),
                arguments("81 emoji", "🍜".repeat(81), "at most 80"),
                arguments("combining-mark storm", "e" + "\u0301".repeat(200), "at most 80"),
                arguments("NUL", "Pho\u0000", "control character"),
                arguments("terminal escape", "Pho\u001B[31m", "control character"),
                arguments("newline", "Pho\n99", "one line"),
                arguments("line separator", "Pho\u2028 99", "one line"),
                arguments("zero-width space", "Pho\u200B99", "invisible"),
                arguments("right-to-left override", "\u202Eevil.exe", "invisible"),
                arguments("right-to-left isolate", "\u2067abc", "invisible"),
                arguments("byte order mark", "\uFEFFPho", "invisible"),
                arguments("blank Hangul filler", "\u3164", "invisible"),
                // format characters beyond the BMP come as surrogate pairs (found by the console fuzzer)
                arguments("hieroglyph format control", "Pho\uD80D\uDC31 99", "invisible"),
                arguments("tag character", "Pho\uDB40\uDC41", "invisible"),
                arguments("lone high surrogate", "Pho\uD800", "broken character"),
                arguments("lone low surrogate", "\uDC00Pho", "broken character"),
                arguments("only spaces", "   ", "needs a name"),
                arguments("empty", "", "needs a name"));
    }

    @ParameterizedTest(name = "place name: {0}")
    @MethodSource("placeNames")
    void placeName(String label, String name, String refusal) {
        if (refusal != null) {
            refused(() -> bot.service.addPlace(G, "me", name, null), refusal);
            return;
        }
        Option o = bot.service.addPlace(G, "me", name, null);
        assertEquals(name, o.name());
        assertEquals(name, bot.service.place(G, name).name());
        console.handle("/place list");
        assertTrue(output().lines().anyMatch(l -> l.equals("  " + name)), "shown as plain text: " + output());
    }

    // ---- tags and links ----

    static Stream<Arguments> tags() {
        return Stream.of(
                arguments("SQL injection", "x';--", "may only use letters"),
                arguments("10k characters", LONG, "at most 24"),
                arguments("@everyone", "@everyone", "may only use letters"),
                arguments("markdown", "**hot**", "may only use letters"),
                arguments("zero-width", "x\u200By", "invisible"),
                arguments("tag character", "x\uDB40\uDC41", "invisible"),
                arguments("lone surrogate", "\uD800", "broken character"),
                arguments("13 tags", "a,b,c,d,e,f,g,h,i,j,k,l,m", "at most 12"),
                arguments("cleaned", "Spicy, $$, vegan  options,spicy", "[spicy, $$, vegan-options]"),
                arguments("letters of any script", "épicé,ラーメン", "[épicé, ラーメン]"));
    }

    @ParameterizedTest(name = "tags: {0}")
    @MethodSource("tags")
    void tags(String label, String tags, String outcome) {
        if (!outcome.startsWith("[")) {
            refused(() -> bot.service.addPlace(G, "me", fresh("Tagged"), tags), outcome);
            return;
        }
        assertEquals(outcome, bot.service.addPlace(G, "me", fresh("Tagged"), tags).tags().toString());
    }

    static Stream<Arguments> links() {
        return Stream.of(
                arguments("javascript", "javascript:alert(1)", "web address"),
                arguments("file", "file:///etc/passwd", "web address"),
                arguments("no host", "http://", "web address"),
                arguments("space", "https://exa mple.com", "web address"),
                arguments("10k characters", "https://" + LONG + ".com", "at most 300"),
                arguments("right-to-left override", "https://example.com/\u202Efdp.exe", "invisible"),
                arguments("SQL in query", "https://example.com/?q=');DROP%20TABLE%20options;--", STORED),
                arguments("markdown link text", "https://example.com/**x**", STORED));
    }

    @ParameterizedTest(name = "link: {0}")
    @MethodSource("links")
    void link(String label, String link, String refusal) {
        if (refusal != null) {
            refused(() -> bot.service.addPlace(G, "me", fresh("Linked"), null, link, null), refusal);
            return;
        }
        assertEquals(link, bot.service.addPlace(G, "me", fresh("Linked"), null, link, null).link());
    }

    // ---- settings ----

    interface Change {
        void apply(EatService s);
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                arguments("policy: SQL", (Change) s -> s.setPolicy(G, "'; DROP TABLE guilds;--"), "unknown policy"),
                arguments("policy: 10k characters", (Change) s -> s.setPolicy(G, LONG), "unknown policy"),
                arguments("policy: terminal escape", (Change) s -> s.setPolicy(G, "\u001B[2J"), "unknown policy"),
                arguments("policy: lone surrogate", (Change) s -> s.setPolicy(G, "\uD800"), "unknown policy"),
                arguments("epsilon: NaN", (Change) s -> s.setExploration(G, Double.NaN, null), "epsilon must be between 0 and 1"),
                arguments("epsilon: negative", (Change) s -> s.setExploration(G, -0.5, null), "epsilon must be between 0 and 1"),
                arguments("c: infinite", (Change) s -> s.setExploration(G, null, Double.POSITIVE_INFINITY), "c must be greater than 0"),
                arguments("c: zero", (Change) s -> s.setExploration(G, null, 0.0), "c must be greater than 0"),
                arguments("prior: zero", (Change) s -> s.setPrior(G, 0, 1), "alpha must be greater than 0"),
                arguments("prior: huge", (Change) s -> s.setPrior(G, 1, 1e308), "beta must be greater than 0"),
                arguments("prior: NaN", (Change) s -> s.setPrior(G, Double.NaN, 1), "alpha must be greater than 0"));
    }

    @ParameterizedTest(name = "setting: {0}")
    @MethodSource("settings")
    void setting(String label, Change change, String refusal) {
        refused(() -> change.apply(bot.service), refusal);
    }

    // ---- console lines ----

    static Stream<Arguments> consoleLines() {
        return Stream.of(
                arguments("10k characters", LONG, "✗ That line is too long"),
                arguments("SQL in a name", "/place add name:Bobby'); DROP TABLE places;--", "Added Bobby'); DROP TABLE places;--."),
                arguments("override in a name", "/place add name:\u202Eabc", "✗ The place name has an invisible formatting character"),
                arguments("terminal escape as a command", "/\u001B[2J", "✗ Unknown command '/?\\[2J'"),
                arguments("NUL in a policy", "/eat-admin policy name:\u0000", "✗ unknown policy '?'"),
                arguments("NaN", "/eat-admin exploration epsilon:NaN", "✗ epsilon must be a number"),
                arguments("overflowing number", "/eat-admin exploration epsilon:1e400", "✗ epsilon must be a number"),
                arguments("SQL as a user name", "as '; DROP TABLE", "✗ A console user name is"),
                arguments("option twice", "/place add name:x name:y", "✗ 'name:' is given twice"),
                arguments("empty option", "/place add tags:a name:", "✗ Missing name:"),
                arguments("stray text", "/taste please; DROP", "✗ I don't understand"),
                arguments("forget without confirming", "/privacy forget", "To go on: /privacy forget confirm:yes"),
                arguments("forget, confirmed otherwise", "/privacy forget confirm:no", "To go on: /privacy forget confirm:yes"),
                arguments("import of a missing file", "/place import file:/nonexistent/places.json", "✗ No file"),
                arguments("import of a NUL path", "/place import file:a\u0000b", "✗ 'a?b' is not a file name"));
    }

    @ParameterizedTest(name = "console: {0}")
    @MethodSource("consoleLines")
    void consoleLine(String label, String line, String expected) {
        bot.service.react(G, bot.service.suggest(eatbot.eat.SuggestRequest.forUser(G, "me")).id(), "me", eatbot.eat.Reaction.LIKE);
        String before = state();
        assertTrue(console.handle(line));
        String out = output();
        assertTrue(out.contains(expected), "'" + out + "' should contain '" + expected + "'");
        assertFalse(out.contains("Something went wrong"));
        assertTrue(out.codePoints().noneMatch(c -> c != '\n' && Character.getType(c) == Character.CONTROL), "output carries control characters");
        if (expected.startsWith("✗") || expected.startsWith("To go on")) {
            assertEquals(1, out.strip().lines().count(), "one line: " + out);
            assertEquals(before, state(), "a refused line changed something");
        }
    }

    // ---- imported files ----

    static Stream<Arguments> importedFiles() {
        String ok = "{\"name\": \"Fine Place\"}";
        return Stream.of(
                arguments("SQL in a name", "{\"places\": [{\"name\": \"Rob'); DELETE FROM options;--\"}]}", STORED),
                arguments("mentions and markdown", "{\"places\": [{\"name\": \"@everyone **now**\", \"tags\": [\"x\"]}]}", STORED),
                arguments("byte order mark", "\uFEFF{\"places\": [{\"name\": \"Marked Place\"}]}", STORED),
                arguments("one bad entry among good", "{\"places\": [" + ok + ", {\"name\": \"B\"}, {\"name\": \"\\u202Eevil\"}]}", "Entry 3 ('?evil'): the place name has an invisible"),
                arguments("lone surrogate escape", "{\"places\": [" + ok + ", {\"name\": \"x\\ud800\"}]}", "Entry 2 ('x?'): the place name has a broken character"),
                arguments("NUL escape", "{\"places\": [{\"name\": \"x\\u0000\"}]}", "Entry 1 ('x?'): the place name has a control character"),
                arguments("10k-character name", "{\"places\": [{\"name\": \"" + LONG + "\"}]}", "Entry 1 ('" + "a".repeat(40) + "…'): a place name can have at most 80"),
                arguments("bad tag", "{\"places\": [" + ok + ", {\"name\": \"T\", \"tags\": [\"a,b\"]}]}", "Entry 2 ('T'): tag 'a,b' may only use"),
                arguments("bad link", "{\"places\": [{\"name\": \"L\", \"link\": \"javascript:alert(1)\"}]}", "Entry 1 ('L'): a link must be a web address"),
                arguments("duplicate names", "{\"places\": [" + ok + ", {\"name\": \"fine  PLACE\"}]}", "Entries 1 and 2 are both named"),
                arguments("unknown key", "{\"places\": [{\"name\": \"K\", \"id\": 5}]}", "Entry 1 ('K') has an unknown key 'id'"),
                arguments("name is a number", "{\"places\": [{\"name\": 5}]}", "Entry 1: it needs a \"name\" text"),
                arguments("tags as text", "{\"places\": [{\"name\": \"T\", \"tags\": \"a,b\"}]}", "\"tags\" must be a list"),
                arguments("deeply nested", "[".repeat(100_000), "nested too deeply"),
                arguments("nested in an entry", "{\"places\": [{\"name\": " + "[".repeat(20) + "]".repeat(20) + "}]}", "nested too deeply"),
                arguments("huge", "{\"places\": [], \"x\": \"" + "a".repeat(300_000) + "\"}", "too big"),
                arguments("too many entries", "{\"places\": [" + String.join(",", java.util.Collections.nCopies(501, "{}")) + "]}", "at most 500"),
                arguments("top-level list", "[" + ok + "]", "must be a JSON object"),
                arguments("no places", "{\"format\": \"eatbot-places\"}", "no \"places\" list"),
                arguments("other format", "{\"format\": \"something-else\", \"places\": []}", "not an eatbot places file"),
                arguments("future version", "{\"version\": 2, \"places\": []}", "unknown version"),
                arguments("duplicate key", "{\"places\": [{\"name\": \"A\", \"name\": \"B\"}]}", "not valid JSON"),
                arguments("trailing garbage", "{\"places\": []} DROP TABLE", "not valid JSON"),
                arguments("NaN", "{\"places\": [{\"name\": NaN}]}", "not valid JSON"),
                arguments("truncated", "{\"places\": [{\"name\": \"A\"", "not valid JSON"),
                arguments("empty", "", "The file is empty"),
                arguments("spaces only", "   ", "must be a JSON object"));
    }

    @ParameterizedTest(name = "import: {0}")
    @MethodSource("importedFiles")
    void importedFile(String label, String json, String refusal) {
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        if (refusal != null) {
            refused(() -> bot.service.importPlaces(G, "me", data), refusal);
            return;
        }
        EatService.PlaceImport done = bot.service.importPlaces(G, "me", data);
        assertFalse(done.added().isEmpty());
        for (Option o : done.added()) assertEquals(o.name(), bot.service.place(G, o.name()).name());
    }

    @org.junit.jupiter.api.Test
    void anImportThatIsNotUtf8IsRefused() {
        byte[] latin1 = "{\"places\": [{\"name\": \"Caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        refused(() -> bot.service.importPlaces(G, "me", latin1), "not UTF-8");
    }

    @org.junit.jupiter.api.Test
    void theConsoleRefusesAnOversizedFileWithoutReadingIt() throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[300_000]);
        String before = state();
        console.handle("/place import file:" + big);
        assertTrue(output().startsWith("✗ The file is too big"), output());
        assertEquals(before, state());
    }

    private static String output() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    @SuppressWarnings("unused")
    private static List<String> lines(String s) {
        return s.lines().toList();
    }
}
