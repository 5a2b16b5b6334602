package eatbot.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With default settings, a 👍 is taste and going is a decision: the liked place
 * keeps coming after a restart; once decided with /eat go it rests, the reply
 * says so, and it comes back after the cooldown days. Through the console over
 * a real SQLite file; a restart is a new service over the same file.
 */
class ConsoleMealsTest {
    private static final List<String> PLACES = List.of("Noodle Bar", "Other1", "Other2", "Other3");

    @TempDir
    Path dir;

    @Test
    void theLikedPlaceComesAfterARestartAndRestsOnlyOnceDecided() {
        Path db = dir.resolve("eatbot.db");
        try (ConsoleSessionTest.Session s = new ConsoleSessionTest.Session(db, 21)) {
            for (String p : PLACES) assertTrue(s.say("/place add name:" + p).startsWith("Added " + p));
            // 👍 on one place of four, 👎 on the rest: the defaults (cooldown 2 days) and no decision
            for (int i = 0; i < 60; i++) {
                String place = s.pick(s.say("/eat"));
                assertTrue(s.say(place.equals("Noodle Bar") ? "👍" : "👎").contains("Noted"));
            }
        }
        try (ConsoleSessionTest.Session s = new ConsoleSessionTest.Session(db, 22)) {
            Map<String, Integer> picks = asks(s, 20);
            assertTrue(picks.getOrDefault("Noodle Bar", 0) >= 15, "the liked place after a restart: " + picks);

            String ask;
            do ask = s.say("/eat"); while (!s.pick(ask).equals("Noodle Bar"));
            assertTrue(ask.contains("Noodle Bar — ⭐ A favourite (you: 👍 "), ask);
            // the fixture's clock: Thursday 26 Nov 2026, 12:00 UTC
            assertEquals("✅ Going to Noodle Bar (#" + id(ask) + "). It rests for you until Sat 28 Nov 12:00. /eat go id:" + id(ask)
                    + " again undoes it.\n", s.say("/eat go"));

            String resting = s.say("/eat");
            assertFalse(s.pick(resting).equals("Noodle Bar"));
            assertFalse(resting.contains(" — a favourite ("), "the favourite is resting: " + resting);
            assertTrue(resting.contains("\n   Noodle Bar is resting until Sat 12:00: you went today.\n"), resting);
            assertFalse(asks(s, 20).containsKey("Noodle Bar"), "it rests for the two default days");
            assertTrue(s.say("/eat history count:25").contains("Noodle Bar · for me · ✅ went"), "history marks the meal");

            s.fixture.clock.advance(Duration.ofDays(2).plusMinutes(1));
            Map<String, Integer> after = asks(s, 20);
            assertTrue(after.getOrDefault("Noodle Bar", 0) >= 15, "back after the cooldown: " + after);
        }
    }

    @Test
    void goAgainUndoesAndOnlyThePeopleOfTheSuggestionDecide() {
        try (ConsoleSessionTest.Session s = new ConsoleSessionTest.Session(dir.resolve("eatbot.db"), 3)) {
            s.say("/place add name:Noodle Bar");
            assertEquals("✗ There is no suggestion to decide on yet. Ask with /eat, or give id:<n> from /eat history.\n", s.say("/eat go"));
            String ask = s.say("/eat with:bob");
            long id = id(ask);
            s.say("as carol");
            assertEquals("✗ Only the people suggestion #" + id + " was made for can decide to go.\n", s.say("/eat go id:" + id));
            s.say("as bob");
            assertTrue(s.say("/eat go id:" + id).startsWith("✅ Going to Noodle Bar (#" + id + "). It rests for me, you until "));
            s.say("as me");
            assertEquals("↩️ Not going to Noodle Bar (#" + id + ") after all; it does not rest.\n", s.say("/eat go"), "anyone of them undoes it");
            assertFalse(s.say("/eat history").contains("✅"));
            assertTrue(s.say("/eat go id:" + id).startsWith("✅"), "and decides again");
            assertTrue(s.say("/privacy export").contains("\"decidedBy\" : \"me\""), "the export has the meals");
        }
    }

    private static Map<String, Integer> asks(ConsoleSessionTest.Session s, int n) {
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < n; i++) picks.merge(s.pick(s.say("/eat")), 1, Integer::sum);
        return picks;
    }

    private static long id(String ask) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#(\\d+) For").matcher(ask);
        assertTrue(m.find(), ask);
        return Long.parseLong(m.group(1));
    }
}
