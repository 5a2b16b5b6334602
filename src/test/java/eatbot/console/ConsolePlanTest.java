package eatbot.console;

import eatbot.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /eat plan and its two settings in the console, over the real service and database. */
class ConsolePlanTest {
    @TempDir
    Path dir;

    private static String say(Console c, ByteArrayOutputStream bytes, String line) {
        bytes.reset();
        c.handle(line);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerDayAndRefusesWhatIsNotAPlanInOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Fixture f = new Fixture(dir.resolve("db"), 5)) {
            Console c = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
            say(c, bytes, "/place add name:Pho 99 tags:vietnamese,$");
            say(c, bytes, "/place add name:Green Bowl tags:vegetarian,$$");
            say(c, bytes, "/place add name:Steakhouse tags:western,$$$$");
            String out = say(c, bytes, "/eat plan days:4 with:bob max-price:$$");
            String[] lines = out.strip().split("\n");
            assertEquals("A plan for 4 days, meals at 12:00:", lines[0]);
            assertEquals("  For me, bob", lines[1]);
            assertEquals(1 + 1 + 4 + 1, lines.length, "title, people, a line a day, the footer: " + out);
            assertTrue(lines[6].startsWith("Advice only"), out);
            for (int i = 2; i < 6; i++) {
                assertTrue(lines[i].matches("  (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} · (Pho 99 \\[vietnamese, \\$]|Green Bowl \\[vegetarian, \\$\\$]) · (favourite|exploring|for variety)"), lines[i]);
            }
            // the day before's place never comes back the next day (variety is on by default)
            for (int i = 3; i < 6; i++) {
                assertTrue(!lines[i].split(" · ")[1].equals(lines[i - 1].split(" · ")[1]), out);
            }

            assertEquals("✗ days must be 1 to 14, got 0.\n", say(c, bytes, "/eat plan days:0"));
            assertEquals("✗ days must be 1 to 14, got 15.\n", say(c, bytes, "/eat plan days:15"));
            assertEquals("✗ days must be a whole number, got 'a week'.\n", say(c, bytes, "/eat plan days:a week"));
            assertTrue(say(c, bytes, "/eat plan at:fri 12:00").startsWith("✗ at: takes a time of day in a plan"));
        }
    }

    @Test
    void mealTimeAndVarietyAreServerSettingsThatOutliveARestart() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path db = dir.resolve("db");
        try (Fixture f = new Fixture(db, 6)) {
            Console c = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
            String shown = say(c, bytes, "/eat-admin show");
            assertTrue(shown.contains("Meal time: 12:00") && shown.contains("Variety: 0.5"), shown);
            assertTrue(say(c, bytes, "/eat-admin meal-time time:13:15").contains("Meal time: 13:15"));
            assertTrue(say(c, bytes, "/eat-admin variety value:0").contains("Variety: 0 (liking only)"));
            assertEquals("✗ variety must be between 0 and 1, got 1.5\n", say(c, bytes, "/eat-admin variety value:1.5"));
            assertEquals("✗ '25:00' is not a time of day. Write a time of day like time:12:30.\n", say(c, bytes, "/eat-admin meal-time time:25:00"));
            assertEquals("✗ time: takes a time of day without a day, like time:12:30.\n", say(c, bytes, "/eat-admin meal-time time:fri 12:00"));
        }
        try (Fixture f = new Fixture(db, 6)) {
            Console c = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
            String shown = say(c, bytes, "/eat-admin show");
            assertTrue(shown.contains("Meal time: 13:15") && shown.contains("Variety: 0 (liking only)"), shown);
        }
    }
}
