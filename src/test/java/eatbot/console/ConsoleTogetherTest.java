package eatbot.console;

import eatbot.ServiceFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deciding together from the console, as the README shows it. */
class ConsoleTogetherTest {
    @TempDir Path dir;
    ServiceFixture f;
    ByteArrayOutputStream bytes;
    Console console;

    @BeforeEach
    void open() throws IOException {
        f = new ServiceFixture(Files.createDirectory(dir.resolve("db")), 3);
        bytes = new ByteArrayOutputStream();
        console = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "alice", dir.resolve("charts"));
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

    private void places() {
        run("/place add name:Hotpot King tags:chinese,hotpot,smelly,$$",
                "/place add name:Sichuan House tags:chinese,spicy,$$",
                "/place add name:Steakhouse tags:western,$$$$",
                "/place add name:Green Bowl tags:vegetarian,$ link:https://greenbowl.example/menu hours:Mon-Sat 11:00-21:00",
                "/place add name:Falafel Cart tags:vegetarian,middle-eastern,$$");
    }

    @Test
    void aGroupDecisionWithFiltersAndVetoes() {
        places();
        String out = run("as bob", "/veto add tag:spicy", "as alice",
                "/eat with:bob,carol not:smelly max-price:$$");
        assertTrue(out.contains("🚫 eatbot will not suggest places tagged spicy when you are eating."), out);
        Matcher m = Pattern.compile("#(\\d+) For alice, bob, carol: (Green Bowl|Falafel Cart) ").matcher(out);
        assertTrue(m.find(), out);
        String picked = m.group(2);
        if (picked.equals("Green Bowl")) assertTrue(out.contains("https://greenbowl.example/menu"), "the place is linked: " + out);

        out = run("+1", "as bob", "+1", "as carol", "-1", "/eat history");
        assertTrue(out.contains("bob on " + picked + " (👍 1 👎 0)"), out);
        assertTrue(out.contains("#" + m.group(1) + " ") && out.contains(picked + " · for alice, bob, carol · 👍 alice, bob · 👎 carol"), out);

        out = run("/eat only:halal");
        assertEquals("✗ Nothing is left after only:halal: it rules out all 5 places still in the running.\n", out);
    }

    @Test
    void tasteAndWhyWriteAPictureAndPrintItsPath() throws IOException {
        places();
        String out = run("/eat", "+1", "/taste");
        Matcher m = Pattern.compile("Picture: (.+\\.png)").matcher(out);
        assertTrue(m.find(), out);
        Path png = Path.of(m.group(1));
        assertTrue(png.startsWith(dir.resolve("charts").toAbsolutePath()), png.toString());
        assertNotNull(ImageIO.read(png.toFile()), "a PNG an image reader can decode");

        out = run("/eat why");
        m = Pattern.compile("Why .+ \\(#\\d+\\): .+ (\\S+\\.png)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Files.size(Path.of(m.group(1))) > 1000);
        assertTrue(run("/eat why id:999").startsWith("✗ That suggestion does not exist"));
    }

    @Test
    void adminSettingsForDecidingTogether() {
        assertTrue(run("/eat-admin group-rule rule:product").contains("Group rule: product"));
        assertTrue(run("/eat-admin cooldown days:4").contains("Cooldown: 4 day(s)"));
        assertTrue(run("/eat-admin gamma value:0.8").contains("Forgetting (gamma): 0.8"));
        assertTrue(run("/eat-admin cold-start strength:5").contains("Cold start: up to 5 ratings"));
        assertTrue(run("/eat-admin timezone zone:Europe/Paris").contains("Time zone: Europe/Paris"));
        assertEquals("✗ days must be a whole number, got 'two'.\n", run("/eat-admin cooldown days:two"));
        assertTrue(run("/eat-admin group-rule rule:loudest").startsWith("✗ unknown group rule 'loudest'"));

        places();
        assertTrue(run("/eat-admin veto add place:steakhouse").contains("will not suggest Steakhouse on this server any more"));
        String list = run("as bob", "/veto add place:Hotpot King", "/veto list");
        assertTrue(list.contains("  Steakhouse — the whole server") && list.contains("  Hotpot King — you"), list);
        assertTrue(run("/eat-admin veto remove place:Steakhouse").contains("Lifted the server's veto on Steakhouse."));
        assertEquals("Vetoes:\n  Hotpot King — bob\n", run("/eat-admin veto list"), "an admin sees every veto");
    }

    @Test
    void placesCarryHoursAndLinksAndCanBeEdited() {
        String out = run("/place add name:Noodle Bar tags:noodles hours:mon-fri 11:00-14:00; sat 12:00-15:00",
                "/place edit name:noodle bar link:https://noodles.example hours:daily 10:00-22:00",
                "/place edit name:Noodle Bar hours:Mon 9-5");
        assertTrue(out.contains("Added Noodle Bar · noodles · hours Mon-Fri 11:00-14:00; Sat 12:00-15:00."), out);
        assertTrue(out.contains("Updated Noodle Bar · noodles · hours daily 10:00-22:00 · https://noodles.example."), out);
        assertTrue(out.contains("✗ '9-5' is not a time range like 11:30-14:30."), out);
        // ServiceFixture.START is Wednesday 12:00 UTC: open
        assertTrue(run("/place list").contains("Noodle Bar · noodles · hours daily 10:00-22:00 · https://noodles.example\n"));
        assertTrue(run("/eat at:23:00").startsWith("✗ Nothing is left after opening hours (Wed 23:00)"));
    }

    @Test
    void helpListsEveryNewCommand() {
        String help = run("help");
        for (String c : List.of("not:", "max-price:", "only:", "at:", "/eat why", "/eat history", "/place edit", "hours:",
                "/veto add", "/veto list", "group-rule", "cooldown", "gamma", "cold-start", "timezone", "/eat-admin veto")) {
            assertTrue(help.contains(c), "help mentions " + c);
        }
        assertEquals(help, run("/eat-help"), "Discord's name for it works here too");
    }
}
