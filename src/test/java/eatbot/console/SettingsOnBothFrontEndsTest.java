package eatbot.console;

import eatbot.ServiceFixture;
import eatbot.discord.commands.FakeCall;
import eatbot.discord.commands.admin.EatAdminCommand;
import eatbot.eat.EatException;
import eatbot.eat.GuildSettings;
import eatbot.eat.Numbers;
import eatbot.eat.Setting;
import eatbot.eat.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /eat-admin in the console and on Discord: the same settings shown, the same values refused with the same words. */
class SettingsOnBothFrontEndsTest {
    @TempDir Path dir;
    ServiceFixture f;
    ByteArrayOutputStream bytes;
    Console console;
    EatAdminCommand discord;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, 3);
        bytes = new ByteArrayOutputStream();
        console = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "alice", dir.resolve("charts"));
        discord = new EatAdminCommand(f.service);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String console(String line) {
        bytes.reset();
        console.handle(line);
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    /** The console's refusal of the line, without its mark; fails when the line was taken. */
    private String consoleRefusal(String line) {
        String out = console(line);
        assertTrue(out.startsWith("✗ "), line + " was refused: " + out);
        return out.substring(2);
    }

    private String discordRefusal(String sub, Map<String, String> options) {
        try {
            discord.run(FakeCall.admin(sub, options));
        } catch (EatException e) {
            return e.getMessage();
        }
        throw new AssertionError(sub + " " + options + " was taken on Discord");
    }

    private static String line(String sub, Map<String, String> options) {
        return "/eat-admin " + sub + options.entrySet().stream().map(e -> " " + e.getKey() + ":" + e.getValue()).collect(Collectors.joining());
    }

    @Test
    void showListsWhoMayAddPlacesOnBothFrontEnds() {
        String shown = console("/eat-admin show");
        assertTrue(shown.contains("Who may add places: everyone"), shown);
        String onDiscord = discord.run(FakeCall.admin("show", Map.of())).message().getEmbeds().get(0).getDescription();
        assertTrue(onDiscord.contains("Who may add places: everyone"), onDiscord);
        onDiscord = discord.run(FakeCall.admin("add-role", Map.of("role", "555"))).message().getEmbeds().get(0).getDescription();
        assertTrue(onDiscord.contains("Who may add places: <@&555> and admins"), onDiscord);
        for (Setting<?> s : Settings.ALL) {
            if (s.label() != null) assertTrue(shown.contains(s.label() + ": "), "the console shows " + s.label() + ": " + shown);
        }
    }

    @Test
    void anUnknownPolicyIsRefusedOnBothAndNothingChanges() {
        for (String name : List.of("ts", "ucb", "egreedy", "random", "thompson-sampling")) {
            String expected = "unknown policy '" + name + "' (choose thompson, ucb1, epsilon-greedy)";
            assertEquals(expected, consoleRefusal("/eat-admin policy name:" + name));
            assertEquals(expected, discordRefusal("policy", Map.of("name", name)));
        }
        assertEquals("thompson", f.service.settings(Console.GUILD).policy().name());
        assertEquals("thompson", f.service.settings("111").policy().name());
    }

    /** A value each option takes, to fill the required options beside the one under test. */
    private static String good(Setting.Option o) {
        return switch (o.kind()) {
            case NUMBER, WHOLE_NUMBER -> Numbers.format(o.range().max());
            case CHOICE -> o.choices().get(0).value();
            case TIME_ZONE -> "UTC";
            case TIME_OF_DAY -> "12:00";
            case ROLE -> "555";
        };
    }

    @Test
    void everyNumberOfEverySettingIsRefusedAlikeOnBothFrontEnds() {
        GuildSettings consoleBefore = f.service.settings(Console.GUILD);
        GuildSettings discordBefore = f.service.settings("111");
        int checked = 0;
        for (Setting<?> s : Settings.ALL) {
            for (Setting.Option o : s.options()) {
                if (o.range() == null) continue;
                List<String> bad = new ArrayList<>(List.of(Numbers.format(o.range().max() + 1), Numbers.format(o.range().min() - 1), "lots"));
                if (o.range().minOpen()) bad.add(Numbers.format(o.range().min()));
                if (o.kind() == Setting.Kind.WHOLE_NUMBER) bad.add("2.5");
                for (String value : bad) {
                    Map<String, String> options = new LinkedHashMap<>();
                    for (Setting.Option other : s.options()) {
                        if (other == o) options.put(o.name(), value);
                        else if (other.required()) options.put(other.name(), good(other));
                    }
                    String onDiscord = discordRefusal(s.key(), options);
                    assertEquals(onDiscord, consoleRefusal(line(s.key(), options)), s.key() + " " + options);
                    assertTrue(onDiscord.startsWith(s.refusalName(o, o.name()) + " must be "), onDiscord);
                    assertFalse(onDiscord.contains("\n") || onDiscord.length() > 200, onDiscord);
                    checked++;
                }
            }
        }
        assertTrue(checked > 30, "checked " + checked);
        assertEquals(consoleBefore, f.service.settings(Console.GUILD), "no half-written change");
        assertEquals(discordBefore, f.service.settings("111"), "no half-written change");
    }

    @Test
    void aMissingValueAndAnUnknownSubcommandAreRefusedAlike() {
        assertEquals(discordRefusal("cooldown", Map.of()), consoleRefusal("/eat-admin cooldown"));
        assertEquals("Give days:<0..365>.", consoleRefusal("/eat-admin cooldown"));
        assertEquals(discordRefusal("exploration", Map.of()), consoleRefusal("/eat-admin exploration"));
        assertEquals(discordRefusal("colour", Map.of()), consoleRefusal("/eat-admin colour"));
        assertEquals("epsilon is only for epsilon-greedy, and the policy is thompson.", consoleRefusal("/eat-admin exploration epsilon:0.2"));
        assertEquals(consoleRefusal("/eat-admin exploration epsilon:0.2"), discordRefusal("exploration", Map.of("epsilon", "0.2")));
    }
}
