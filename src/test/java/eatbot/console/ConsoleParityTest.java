package eatbot.console;

import eatbot.ServiceFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Discord's buttons and reactions do, in the console: another one, taking a reaction back, reacting by id, add-role. */
class ConsoleParityTest {
    private static final Pattern SUGGESTION = Pattern.compile("#(\\d+) For ([^:]+): (.+?)(?: \\[.*?])? — ");

    @TempDir Path dir;
    ServiceFixture f;
    ByteArrayOutputStream bytes;
    Console console;

    @BeforeEach
    void open() throws IOException {
        f = new ServiceFixture(Files.createDirectory(dir.resolve("db")), 5);
        bytes = new ByteArrayOutputStream();
        console = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "alice", dir.resolve("charts"));
        run("/place add name:Hotpot King tags:chinese,smelly,$$",
                "/place add name:Sichuan House tags:chinese,spicy,$$",
                "/place add name:Steakhouse tags:western,$$$$",
                "/place add name:Green Bowl tags:vegetarian,$",
                "/place add name:Falafel Cart tags:vegetarian,$$");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String run(String... lines) {
        bytes.reset();
        for (String l : lines) console.handle(l);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Matcher suggestion(String out) {
        Matcher m = SUGGESTION.matcher(out);
        assertTrue(m.find(), "a suggestion was printed: " + out);
        return m;
    }

    @Test
    void anotherOneAsksTheSamePeopleWithTheSameFiltersWithoutThePreviousPick() {
        for (int round = 0; round < 10; round++) {
            Matcher first = suggestion(run("/eat with:bob not:spicy max-price:$$"));
            Matcher again = suggestion(run(round % 2 == 0 ? "another" : "/eat another"));
            assertNotEquals(first.group(1), again.group(1), "a new suggestion");
            assertEquals("alice, bob", again.group(2));
            assertNotEquals(first.group(3), again.group(3), "not the previous pick");
            assertFalse(Set.of("Sichuan House", "Steakhouse").contains(again.group(3)), "the filters still hold: " + again.group(3));
        }
    }

    @Test
    void anotherOneOfAnOlderSuggestionById() {
        String id = suggestion(run("/eat only:vegetarian")).group(1);
        String firstPick = suggestion(run("/eat")).group(3);
        Set<String> picks = new HashSet<>();
        for (int i = 0; i < 6; i++) picks.add(suggestion(run("another id:" + id)).group(3));
        assertTrue(Set.of("Green Bowl", "Falafel Cart").containsAll(picks), "only:vegetarian of #" + id + " holds: " + picks);
        assertEquals(1, picks.size(), "the other vegetarian place each time, never #" + id + "'s: " + picks + " after " + firstPick);
    }

    @Test
    void anotherOneByABystanderIsForThemAlone() {
        String id = suggestion(run("/eat with:bob")).group(1);
        assertEquals("carol", suggestion(run("as carol", "another id:" + id)).group(2));
    }

    @Test
    void anotherOneRefusals() {
        assertEquals("✗ There is no suggestion to ask another one for yet. Ask with /eat, or give id:<n> from /eat history.\n", run("another"));
        assertEquals("✗ That suggestion is gone; ask again with /eat.\n", run("another id:999"));
        assertEquals("✗ id must be a whole number, got 'x'.\n", run("another id:x"));
        assertEquals("✗ Nothing is left after only:halal: it rules out all 5 places still in the running.\n", run("/eat only:halal"));
    }

    @Test
    void aReactionIsTakenBackAndCountsNoMore() {
        Matcher m = suggestion(run("/eat"));
        String place = m.group(3);
        assertTrue(run("+1").contains("Noted #" + m.group(1) + ": alice on " + place + " (👍 1 👎 0)."));
        assertEquals("↩️ Took back 👍 #" + m.group(1) + ": alice on " + place + " (👍 0 👎 0).\n", run("undo +1"));
        assertEquals("↩️ No 👍 to take back #" + m.group(1) + ": alice on " + place + " (👍 0 👎 0).\n", run("undo 👍"));
        assertTrue(run("/eat history").contains(place + " · for alice\n"), "no reaction left in the history");
        assertTrue(run("/taste").contains("👍 0 👎 0 · not rated yet"));
    }

    @Test
    void reactingToAnOlderSuggestionById() {
        Matcher old = suggestion(run("/eat"));
        Matcher newer = suggestion(run("/eat"));
        String out = run("-1 id:" + old.group(1));
        assertEquals("👎 Noted #" + old.group(1) + ": alice on " + old.group(3) + " (👍 0 👎 1).\n", out);
        assertTrue(run("undo -1 id:" + old.group(1)).startsWith("↩️ Took back 👎 #" + old.group(1) + ": "));
        assertTrue(run("+1").contains("#" + newer.group(1) + ": alice on " + newer.group(3)), "without id: the last one still");
    }

    @Test
    void reactionRefusals() {
        assertEquals("✗ There is no suggestion to react to yet. Ask with /eat.\n", run("+1"));
        assertEquals("✗ There is no suggestion to take a reaction back from yet. Ask with /eat.\n", run("undo -1"));
        assertEquals("✗ That suggestion does not exist (any more).\n", run("+1 id:42"));
        assertEquals("✗ id must be at least 1, got -3.\n", run("undo +1 id:-3"));
        assertEquals("✗ id must be a whole number, got '99999999999'.\n", run("-1 id:99999999999"));
        assertEquals("✗ Use undo +1 or undo -1 (and id:<n> for an older suggestion).\n", run("undo"));
        assertTrue(run("+1 place:Pho").startsWith("✗ Unknown option 'place:'. Options here: id:."));
    }

    @Test
    void aGroupIsAtMostTenPeopleAsOnDiscord() {
        assertEquals("✗ At most 10 people can eat together (you and 9 others).\n",
                run("/eat with:b1,b2,b3,b4,b5,b6,b7,b8,b9,b10"));
        assertEquals("alice, b1, b2, b3, b4, b5, b6, b7, b8, b9", suggestion(run("/eat with:b1,b2,b3,b4,b5,b6,b7,b8,b9")).group(2));
    }

    @Test
    void addRoleIsRefusedInOneLineAndChangesNothing() {
        String before = run("/eat-admin show");
        assertEquals("✗ add-role works on Discord only: console users have no roles, so everyone here may add places.\n",
                run("/eat-admin add-role role:cooks"));
        assertEquals(before, run("/eat-admin show"));
        assertEquals("You are now bob.\nAdded Pho 99.\n", run("as bob", "/place add name:Pho 99"), "anyone may still add places");
    }

    @Test
    void aPipedScriptGetsNoPromptAndNoGreeting() throws IOException {
        bytes.reset();
        console.run(new BufferedReader(new StringReader("/eat-admin add-role role:x\nquit\n+1\n")));
        assertEquals("✗ add-role works on Discord only: console users have no roles, so everyone here may add places.\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesTheNewForms() {
        String help = run("help");
        for (String form : new String[] {"another [id:<n>]", "undo +1", "+1 [id:<n>]", "add-role"}) {
            assertTrue(help.contains(form), form + " in help");
        }
    }
}
