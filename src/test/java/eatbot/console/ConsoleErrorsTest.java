package eatbot.console;

import eatbot.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mistake a console user can make gets one clear line and changes nothing. */
class ConsoleErrorsTest {
    @TempDir
    Path dir;
    Fixture fixture;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Console console;

    @BeforeEach
    void open() {
        fixture = new Fixture(dir.resolve("e.db"), 5);
        console = new Console(fixture.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    String say(String line) {
        bytes.reset();
        console.handle(line);
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void askingWithNoPlacesSaysHowToAddOne() {
        assertEquals("✗ There are no places yet. Add one with /place add name:<place>.", say("/eat"));
    }

    @Test
    void reactingBeforeAnySuggestionSaysToAskFirst() {
        assertEquals("✗ There is no suggestion to react to yet. Ask with /eat.", say("+1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "/nope => ✗ Unknown command '/nope'. Type help for the list.",
            "/place => ✗ Use /place add, list, edit, remove, rename, export or import.",
            "/place add => ✗ Missing name:. Usage: /place add name:<text> [tags:a,b] [link:<url>] [hours:<hours>]",
            "/place add name: => ✗ Missing name:. Usage: /place add name:<text> [tags:a,b] [link:<url>] [hours:<hours>]",
            "/place add Pho => ✗ I don't understand 'Pho'. Options here: hours:, link:, name:, tags:.",
            "/place add nme:Pho => ✗ Unknown option 'nme:'. Options here: hours:, link:, name:, tags:.",
            "/place add name:Sushi Go foo:bar => ✗ Unknown option 'foo:'. Options here: hours:, link:, name:, tags:.",
            "/place add name:Sushi Go tags:japanese extra:1 => ✗ Unknown option 'extra:'. Options here: hours:, link:, name:, tags:.",
            "/place edit name:Pho 99 colour:red => ✗ Unknown option 'colour:'. Options here: hours:, link:, name:, tags:.",
            "/eat why id:1 extra:2 => ✗ Unknown option 'extra:'. Options here: id:.",
            "/eat with:bob spicy:no => ✗ Unknown option 'spicy:'. Options here: at:, max-price:, not:, only:, with:.",
            "/taste for:bob => ✗ Unknown option 'for:'. This command takes no options.",
            "/eat-admin cooldown days:3 weeks:1 => ✗ Unknown option 'weeks:'. Options here: days:.",
            "/place add name:Sushi Go tags:$$$$$ => ✗ A price tag is $ to $$$$, not $$$$$.",
            "/place add name:Sushi Go tags:$,$$$$ => ✗ A place has one price tag, not $ and $$$$: keep the one that fits.",
            "/place edit name:Pho 99 tags:vietnamese,$$,$$$ => ✗ A place has one price tag, not $$ and $$$: keep the one that fits.",
            "/place edit name:Pho 99 tags:$$$$$ => ✗ A price tag is $ to $$$$, not $$$$$.",
            "/eat history count:0 => ✗ count must be 1 to 25, got 0.",
            "/eat history count:-2 => ✗ count must be 1 to 25, got -2.",
            "/eat history count:1000 => ✗ count must be 1 to 25, got 1000.",
            "/eat history count:many => ✗ count must be a whole number, got 'many'.",
            "/place add name:A name:B => ✗ 'name:' is given twice.",
            "/place add name:Pho tags:so spicy! => ✗ Tag 'so-spicy!' may only use letters, digits, '-' and '$'.",
            "/place add name:Pho link:javascript:alert(1) => ✗ A link must be a web address starting with https:// or http://.",
            "/place add name:Taco\u200BTown => ✗ The place name has an invisible formatting character in it.",
            "/place add name:Evil\u202Eeman => ✗ The place name has an invisible formatting character in it.",
            "/place add name:Be\u0007ll => ✗ The place name has a control character in it.",
            "/place remove name:Nowhere => ✗ No place called 'Nowhere'. See /place list.",
            "/place rename name:Nowhere to:Somewhere => ✗ No place called 'Nowhere'. See /place list.",
            "/place rename name:Nowhere => ✗ Missing to:. Usage: /place rename name:<old> to:<new>",
            "/place list now => ✗ I don't understand 'now'. Options here: page:.",
            "/taste me => ✗ I don't understand 'me'. This command takes no options.",
            "/eat-admin => ✗ Use /eat-admin show, policy, exploration, prior, add-role, group-rule, cooldown, gamma, cold-start, timezone, meal-time, variety or veto.",
            "/eat-admin policy name:greedy => ✗ unknown policy 'greedy' (choose thompson, ucb1, epsilon-greedy)",
            "/eat-admin policy => ✗ Give name:thompson|ucb1|epsilon-greedy.",
            "/eat-admin exploration => ✗ Give epsilon:<0..1> or c:<above 0, at most 100>.",
            "/eat-admin exploration epsilon:1.5 => ✗ epsilon must be between 0 and 1, got 1.5",
            "/eat-admin exploration epsilon:-0.1 => ✗ epsilon must be between 0 and 1, got -0.1",
            "/eat-admin exploration epsilon:lots => ✗ epsilon must be a number, got 'lots'.",
            "/eat-admin exploration epsilon:NaN => ✗ epsilon must be a number, got 'NaN'.",
            "/eat-admin exploration c:0 => ✗ c must be greater than 0 (and at most 100), got 0",
            "/eat-admin exploration epsilon:0.2 c:-1 => ✗ c must be greater than 0 (and at most 100), got -1",
            "/eat-admin prior alpha:0 beta:1 => ✗ alpha must be greater than 0 (and at most 1000), got 0",
            "/eat-admin prior alpha:1 => ✗ Give beta:<above 0, at most 1000>.",
            "/eat-admin policy name:ts => ✗ unknown policy 'ts' (choose thompson, ucb1, epsilon-greedy)",
            "/eat-admin exploration epsilon:0.2 => ✗ epsilon is only for epsilon-greedy, and the policy is thompson.",
            "/eat-admin cooldown days:2.5 => ✗ days must be a whole number, got '2.5'.",
            "/eat with:bob;drop table => ✗ 'bob;drop' is not a console user name.",
            "as => ✗ A console user name is 1 to 32 letters, digits, '_', '-' or '.'.",
            "as bob smith => ✗ A console user name is 1 to 32 letters, digits, '_', '-' or '.'.",
    })
    void aMistakeGetsOneClearLineAndChangesNothing(String line, String expected) {
        say("/place add name:Pho 99 tags:vietnamese");
        String settingsBefore = say("/eat-admin show");
        String placesBefore = say("/place list");
        String reply = say(line);
        assertEquals(expected, reply);
        assertEquals(1, reply.lines().count());
        assertEquals(settingsBefore, say("/eat-admin show"), "settings unchanged");
        assertEquals(placesBefore, say("/place list"), "places unchanged");
    }

    @Test
    void aWebAddressIsNoOptionNameAndKnownOptionsStillSplitTheLine() {
        assertEquals("Added Sushi Go · japanese · https://example.com/menu.", say("/place add name:Sushi Go link: https://example.com/menu tags:japanese"));
        assertEquals("Added Noodle Bar · $$ · hours Mon-Fri 11:30-14:30.", say("/place add name:Noodle Bar tags:$$ hours:Mon-Fri 11:30-14:30"));
    }

    @Test
    void historyShowsFromOneToTwentyFiveAsOnDiscord() {
        say("/place add name:Pho 99");
        for (int i = 0; i < 30; i++) say("/eat");
        assertEquals(1 + 1 + 1, say("/eat history count:1").lines().count(), "a heading, one suggestion and the footer");
        assertEquals(1 + 25 + 1, say("/eat history count:25").lines().count(), "a heading, 25 suggestions and the footer");
    }

    @Test
    void aVeryLongLineIsRefused() {
        assertEquals("✗ That line is too long (at most 2000 characters).", say("/place add name:" + "x".repeat(3000)));
    }

    @Test
    void aTooLongNameIsRefusedAndNothingIsAdded() {
        assertEquals("✗ name can have at most 80 characters.", say("/place add name:" + "x".repeat(81)));
        assertEquals("No places yet. Add one with /place add.", say("/place list"));
    }

    @Test
    void aDuplicateNameIsRefused() {
        say("/place add name:Pho 99");
        assertEquals("✗ There is already a place called 'Pho 99'.", say("/place add name:PHO 99"));
    }

    @Test
    void validChangesAreShown() {
        assertTrue(say("/eat-admin policy name:UCB1").contains("Policy: ucb1 (c 1)"));
        assertTrue(say("/eat-admin exploration c:2").contains("Policy: ucb1 (c 2)"));
        assertTrue(say("/eat-admin policy name:ucb1").contains("Policy: ucb1 (c 2)"), "the same policy keeps its number");
        assertTrue(say("/eat-admin policy name:epsilon-greedy epsilon:0.25").contains("Policy: epsilon-greedy (epsilon 0.25)"));
        assertTrue(say("/eat-admin prior alpha:2 beta:3").contains("Prior: Beta(2, 3)"));
        say("/place add name:Pho 99");
        assertEquals("Renamed Pho 99 to Pho 100.", say("/place rename name:pho 99 to:Pho 100"));
        assertEquals("Removed Pho 100. It will not be suggested again; its history stays.", say("/place remove name:Pho 100"));
    }
}
