package eatbot.commands;

import eatbot.ServiceFixture;
import eatbot.console.Console;
import eatbot.console.ConsoleForms;
import eatbot.discord.commands.CommandSet;
import eatbot.discord.commands.EatRateLimit;
import eatbot.discord.commands.FakeCall;
import eatbot.discord.commands.SlashCommand;
import eatbot.eat.EatException;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks the one registry ({@link Commands#ALL}): every command, subcommand and option is on
 * both front ends with the same limits, and the same bad input gets the same refusal on both.
 */
class CommandParityTest {
    @TempDir Path dir;
    ServiceFixture f;
    CommandSet discord;
    ByteArrayOutputStream bytes;
    Console console;

    @BeforeEach
    void open() throws IOException {
        f = new ServiceFixture(Files.createDirectory(dir.resolve("db")), 7);
        discord = new CommandSet(f.service, new EatRateLimit(1000, () -> 0), new EatRateLimit(1000, () -> 0, "picture"));
        bytes = new ByteArrayOutputStream();
        console = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "alice", dir.resolve("charts"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Every subcommand path of a command, or just the command (null). */
    private static List<String> paths(CommandDef c) {
        return c.subcommands().isEmpty() ? Collections.singletonList(null) : c.subcommands().stream().map(SubcommandDef::path).toList();
    }

    private static String line(CommandDef c, String path, String options) {
        return (c.console() + (path == null ? "" : " " + path) + " " + options).strip();
    }

    private String onConsole(String line) {
        bytes.reset();
        console.handle(line);
        String out = bytes.toString(StandardCharsets.UTF_8).strip();
        assertTrue(out.startsWith("✗ "), line + " is refused on the console: " + out);
        return out.substring(2);
    }

    /** What Discord answers a manager who sends these options: the refusal before acknowledging, else the handler's. */
    private String onDiscord(CommandDef c, String path, Map<String, String> options) {
        SlashCommand command = discord.get(c.name());
        FakeCall call = FakeCall.admin(path, options);
        String refusal = command.refuse(call);
        if (refusal != null) return refusal;
        try {
            command.run(call);
        } catch (EatException e) {
            return e.getMessage();
        }
        return fail("/" + c.name() + " " + path + " " + options + " was accepted on Discord");
    }

    @Test
    void everyCommandAndOptionIsOnBothFrontEndsWithTheSameLimits() {
        String help = ConsoleForms.help();
        for (CommandDef c : Commands.ALL) {
            SlashCommandData data = discord.get(c.name()).data();
            assertEquals(c.name(), data.getName());
            for (String path : paths(c)) {
                String where = "/" + c.name() + (path == null ? "" : " " + path);
                List<OptionData> registered = path == null ? data.getOptions() : subcommand(data, path).getOptions();
                List<OptionDef> defined = c.optionsOf(path);
                assertEquals(defined.stream().map(OptionDef::name).toList(), registered.stream().map(OptionData::getName).toList(), where);
                for (int i = 0; i < defined.size(); i++) {
                    OptionDef d = defined.get(i);
                    OptionData r = registered.get(i);
                    assertEquals(d.required(), r.isRequired(), where + " " + d.name());
                    assertEquals(d.min(), r.getMinValue() == null ? null : r.getMinValue().doubleValue(), where + " " + d.name() + " min");
                    assertEquals(d.max(), r.getMaxValue() == null ? null : r.getMaxValue().doubleValue(), where + " " + d.name() + " max");
                    assertEquals(d.choices().stream().map(OptionDef.Choice::value).toList(),
                            r.getChoices().stream().map(ch -> ch.getAsString()).toList(), where + " " + d.name() + " choices");
                }
                if (c == Commands.HELP) continue;
                // the console finds the same command from its own words and takes the same option keys
                ConsoleForms.Form form = ConsoleForms.find(line(c, path, ""), java.util.Locale.ENGLISH);
                assertNotNull(form, where);
                assertEquals(c, form.def(), where);
                assertEquals(path, form.path(), where);
                assertTrue(ConsoleForms.keys(form).containsAll(defined.stream().map(OptionDef::name).toList()), where);
                assertTrue(help.contains(ConsoleForms.usage(c, path)), "console help shows " + ConsoleForms.usage(c, path));
            }
        }
    }

    private static SubcommandData subcommand(SlashCommandData data, String path) {
        String[] words = path.split(" ");
        List<SubcommandData> subs = words.length == 1 ? data.getSubcommands()
                : data.getSubcommandGroups().stream().filter(g -> g.getName().equals(words[0])).findFirst().orElseThrow().getSubcommands();
        return subs.stream().filter(s -> s.getName().equals(words[words.length - 1])).findFirst().orElseThrow(() -> new AssertionError(path));
    }

    @Test
    void everyNumberOptionRefusesTheSameBadInputAlikeOnBothFrontEnds() {
        int checked = 0;
        for (CommandDef c : Commands.ALL) {
            for (String path : paths(c)) {
                for (OptionDef o : c.optionsOf(path)) {
                    if (o.kind() != OptionKind.WHOLE && o.kind() != OptionKind.NUMBER) continue;
                    List<String> bad = new ArrayList<>(List.of("abc", "1e400", "NaN"));
                    if (o.kind() == OptionKind.WHOLE) bad.add("2.5");
                    if (o.min() != null) bad.add(Parse.show(o.min() - 1));
                    if (o.max() != null) bad.add(Parse.show(o.max() + 1));
                    for (String value : bad) {
                        String console = onConsole(line(c, path, o.name() + ":" + value));
                        assertEquals(console, onDiscord(c, path, Map.of(o.name(), value)), c.console() + " " + path + " " + o.name() + ":" + value);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 30, "every number option was tried: " + checked);
    }

    @Test
    void everyTextOptionRefusesTooMuchTextAlikeOnBothFrontEnds() {
        int checked = 0;
        for (CommandDef c : Commands.ALL) {
            for (String path : paths(c)) {
                for (OptionDef o : c.optionsOf(path)) {
                    if (o.kind() != OptionKind.TEXT || o.maxLength() == 0) continue;
                    String value = "x".repeat(o.maxLength() + 1);
                    Map<String, String> options = new HashMap<>();
                    StringBuilder line = new StringBuilder();
                    // the required options before it given, so that the long one is what is refused
                    for (OptionDef other : c.optionsOf(path)) {
                        if (other == o) break;
                        if (other.required()) {
                            options.put(other.name(), "Pho");
                            line.append(other.name()).append(":Pho ");
                        }
                    }
                    options.put(o.name(), value);
                    line.append(o.name()).append(':').append(value);
                    String expected = o.name() + " can have at most " + o.maxLength() + " characters.";
                    assertEquals(expected, onConsole(line(c, path, line.toString())), c.console() + " " + path + " " + o.name());
                    assertEquals(expected, onDiscord(c, path, options), "/" + c.name() + " " + path + " " + o.name());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "every text option with a limit was tried: " + checked);
    }

    @Test
    void theIssuesExamplesAreRefusedInTheSameWordsOnBoth() {
        assertEquals("count must be 1 to 25, got 26.", onConsole("/eat history count:26"));
        assertEquals("count must be 1 to 25, got 26.", onDiscord(Commands.HISTORY, null, Map.of("count", "26")));
        assertEquals("count must be 1 to 25, got 0.", onDiscord(Commands.HISTORY, null, Map.of("count", "0")));
        assertEquals("count must be a whole number, got 'abc'.", onConsole("/eat history count:abc"));
        assertEquals("count must be a whole number, got 'abc'.", onDiscord(Commands.HISTORY, null, Map.of("count", "abc")));
        assertEquals("page must be a whole number, got 'abc'.", onConsole("/place list page:abc"));
        assertEquals("page must be a whole number, got 'abc'.", onDiscord(Commands.PLACE, "list", Map.of("page", "abc")));

        String names = IntStream.rangeClosed(1, 10).mapToObj(i -> "b" + i).collect(Collectors.joining(","));
        String mentions = IntStream.rangeClosed(1, 10).mapToObj(i -> "<@" + (1000 + i) + ">").collect(Collectors.joining(" "));
        String tooMany = "At most 10 people can eat together (you and 9 others).";
        assertEquals(tooMany, onConsole("/eat with:" + names));
        assertEquals(tooMany, onDiscord(Commands.EAT, null, Map.of("with", mentions)));
        assertEquals(tooMany, onConsole("/eat plan with:" + names));
        assertEquals(tooMany, onDiscord(Commands.PLAN, null, Map.of("with", mentions)));
    }

    @Test
    void anUnknownSubcommandGetsTheSameListOnBoth() {
        for (CommandDef c : Commands.ALL) {
            if (c.subcommands().isEmpty()) continue;
            assertEquals(onConsole(c.console() + " frobnicate"), onDiscord(c, "frobnicate", Map.of()), c.name());
            assertEquals(onConsole(c.console()), onDiscord(c, null, Map.of()), c.name());
        }
        assertEquals("Use /place add, list, edit, remove, rename, export or import.", onConsole("/place"));
        assertEquals("Use /eat-admin veto add, remove or list.", onConsole("/eat-admin veto"));
    }

    @Test
    void everyDefinedSubcommandHasOneHandlerForBothFrontEnds() {
        Handlers handlers = new Handlers(f.service);
        for (CommandDef c : Commands.ALL) {
            if (c == Commands.HELP) continue; // each front end writes its help from the definitions itself
            for (String path : paths(c)) assertTrue(handlers.get(c, path).isPresent(), "/" + c.name() + " " + path);
        }
        assertFalse(handlers.get(Commands.PLACE, "frobnicate").isPresent());
    }

    @Test
    void whoMayRunWhatIsReadFromTheDefinitionsInOnePlace() {
        Map<String, Boolean> managersOnly = new HashMap<>();
        for (CommandDef c : Commands.ALL) {
            for (String path : paths(c)) {
                boolean defined = c.audience(path) == Audience.MANAGE_SERVER;
                String refusal = discord.get(c.name()).refuse(FakeCall.member(path, Map.of("id", "1")));
                assertEquals(defined, "Only members with the Manage Server permission can do that.".equals(refusal),
                        "/" + c.name() + " " + path + ": " + refusal);
                managersOnly.put(c.name() + (path == null ? "" : " " + path), defined);
            }
        }
        // what the issue names: the admin-only /place subcommands come from the structure, not a string set
        for (String sub : List.of("edit", "remove", "rename", "export", "import")) assertTrue(managersOnly.get("place " + sub), sub);
        for (String sub : List.of("add", "list")) assertFalse(managersOnly.get("place " + sub), sub);
        assertTrue(managersOnly.get("eat-admin veto add"));
        assertNull(discord.get("place").refuse(FakeCall.admin("remove", Map.of("name", "x"))));
    }
}
