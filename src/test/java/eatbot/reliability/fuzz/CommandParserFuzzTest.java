package eatbot.reliability.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eatbot.console.CommandParser;
import eatbot.eat.EatException;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's command-line parser on arbitrary text: it either parses (and
 * what it returns is consistent) or refuses with a clear message; it never
 * throws anything else. In {@code mvn test} this replays the stored inputs;
 * with JAZZER_FUZZ=1 (see .ci/run) it fuzzes for a bounded time.
 */
class CommandParserFuzzTest {
    private static final Set<String> ALLOWED = Set.of("name", "tags", "link", "to", "with", "confirm", "file");

    @FuzzTest(maxDuration = "20s")
    void parsesOrRefusesClearly(FuzzedDataProvider data) {
        int words = data.consumeInt(0, 3);
        String line = data.consumeRemainingAsString();
        try {
            CommandParser.Line parsed = CommandParser.split(line, words);
            assertTrue(parsed.words().size() <= words);
            for (String w : parsed.words()) assertTrue(!w.isEmpty() && !w.contains(":") && !w.contains(" "), "word '" + w + "'");
            Map<String, String> options = CommandParser.options(parsed.rest(), ALLOWED);
            assertTrue(ALLOWED.containsAll(options.keySet()));
            for (String v : options.values()) assertEquals(v.strip(), v, "values are stripped");
        } catch (EatException e) {
            FuzzChecks.clearMessage(e.getMessage());
        }
    }
}
