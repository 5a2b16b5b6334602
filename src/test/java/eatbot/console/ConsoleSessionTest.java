package eatbot.console;

import eatbot.Fixture;
import eatbot.eat.Taste;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A newcomer's session in the console: learn, quit, start again, and the taste is still there. */
class ConsoleSessionTest {
    private static final Pattern PICK = Pattern.compile("For (\\w+): (.+?)(?: \\[.*])? — ");

    @TempDir
    Path dir;

    /** One console over a database file; each line's output is returned. */
    static final class Session implements AutoCloseable {
        final Fixture fixture;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Console console;

        Session(Path db, long seed) {
            fixture = new Fixture(db, seed);
            console = new Console(fixture.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
        }

        String say(String line) {
            bytes.reset();
            console.handle(line);
            return bytes.toString(StandardCharsets.UTF_8);
        }

        String pick(String output) {
            Matcher m = PICK.matcher(output);
            assertTrue(m.find(), "a suggestion was printed: " + output);
            return m.group(2);
        }

        @Override
        public void close() {
            fixture.close();
        }
    }

    @Test
    void tastesSurviveARestartAndTheLikedPlaceWinsFarMoreOften() {
        Path db = dir.resolve("eatbot.db");
        try (Session s = new Session(db, 11)) {
            for (String place : new String[] {"Pho 99", "Sichuan House", "Green Bowl", "Burger Barn"}) {
                assertTrue(s.say("/place add name:" + place + " tags:test").startsWith("Added " + place));
            }
            // alice loves Pho 99 and hates Sichuan House; bob the other way round; both lukewarm on the rest
            for (int i = 0; i < 40; i++) {
                for (String user : new String[] {"alice", "bob"}) {
                    s.say("as " + user);
                    String place = s.pick(s.say("/eat"));
                    String love = user.equals("alice") ? "Pho 99" : "Sichuan House";
                    String reaction = place.equals(love) ? "👍" : (i % 2 == 0 ? "-1" : "+1");
                    if (!place.equals(love) && !place.equals("Pho 99") && !place.equals("Sichuan House")) reaction = i % 3 == 0 ? "+1" : "-1";
                    if (user.equals("alice") && place.equals("Sichuan House") || user.equals("bob") && place.equals("Pho 99")) reaction = "👎";
                    assertTrue(s.say(reaction).contains("Noted"), "reaction acknowledged");
                }
            }
            assertTrue(s.say("quit").isEmpty());
        }

        try (Session s = new Session(db, 12)) {
            Taste alice = s.fixture.service.taste(Console.GUILD, "alice");
            assertEquals("Pho 99", alice.entries().get(0).option().name(), "alice's favourite survived the restart");
            assertTrue(alice.entries().get(0).likes() > 0);
            String tasteText = s.say("as alice") + s.say("/taste");
            assertTrue(tasteText.lines().anyMatch(l -> l.contains("Pho 99") && l.contains("👍")), tasteText);

            Map<String, Integer> picks = new HashMap<>();
            for (int i = 0; i < 200; i++) picks.merge(s.pick(s.say("/eat")), 1, Integer::sum);
            int liked = picks.getOrDefault("Pho 99", 0);
            int disliked = picks.getOrDefault("Sichuan House", 0);
            assertTrue(liked > 5 * Math.max(disliked, 1), "liked " + liked + " vs disliked " + disliked + ": " + picks);
            assertTrue(liked > 100, "the favourite wins most of the time: " + picks);
        }
    }
}
