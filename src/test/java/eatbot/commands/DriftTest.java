package eatbot.commands;

import eatbot.ServiceFixture;
import eatbot.console.Console;
import eatbot.discord.commands.CommandSet;
import eatbot.discord.commands.EatRateLimit;
import eatbot.discord.commands.FakeCall;
import eatbot.discord.commands.PrivacyCommand;
import eatbot.eat.Option;
import eatbot.eat.Reaction;
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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the two front ends used to word differently (issue 11's drift list), now written once:
 * each of these failed when the console and Discord each had their own copy.
 */
class DriftTest {
    static final String DISCORD = "111", CONSOLE = Console.GUILD;
    @TempDir Path dir;
    ServiceFixture f;
    CommandSet discord;
    ByteArrayOutputStream bytes;
    Console console;

    @BeforeEach
    void open() throws IOException {
        f = new ServiceFixture(Files.createDirectory(dir.resolve("db")), 11);
        discord = new CommandSet(f.service, new EatRateLimit(1000, () -> 0), new EatRateLimit(1000, () -> 0, "picture"));
        bytes = new ByteArrayOutputStream();
        console = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "alice", dir.resolve("charts"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String say(String line) {
        bytes.reset();
        console.handle(line);
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    private String onDiscord(String command, String sub, Map<String, String> options) {
        return discord.get(command).run(FakeCall.member(sub, options)).message().getContent();
    }

    @Test
    void theForgottenSentenceIsTheSameOnBoth() {
        String discordUser = FakeCall.member(null, Map.of()).userId();
        assertEquals(discord.button(PrivacyCommand.FORGET).run(FakeCall.member(null, Map.of()), PrivacyCommand.FORGET + discordUser)
                .message().getContent(), say("/privacy forget confirm:yes"), "nothing to forget: the same words");
        Option there = f.service.addPlace(DISCORD, discordUser, "Pho 99", "");
        Option here = f.service.addPlace(CONSOLE, "alice", "Pho 99", "");
        f.rate(DISCORD, discordUser, there, Reaction.LIKE, 2);
        f.rate(CONSOLE, "alice", here, Reaction.LIKE, 2);
        String fromDiscord = discord.button(PrivacyCommand.FORGET).run(FakeCall.member(null, Map.of()), PrivacyCommand.FORGET + discordUser)
                .message().getContent();
        assertTrue(fromDiscord.startsWith("Forgotten: 2 reactions and 1 learned preference deleted;"), fromDiscord);
        assertEquals(fromDiscord, say("/privacy forget confirm:yes"));
    }

    @Test
    void vetoesAreWordedTheSameOnBoth() {
        assertEquals(onDiscord("veto", "list", Map.of()), say("/veto list"));
        assertEquals(discord.get("eat-admin").run(FakeCall.admin("veto list", Map.of())).message().getContent(), say("/eat-admin veto list"));
        // the tag is bold on Discord, plain in the console; the sentence around it is one
        assertEquals(onDiscord("veto", "add", Map.of("tag", "spicy")).replace("**", ""), say("/veto add tag:spicy"));
        assertEquals(onDiscord("veto", "remove", Map.of("tag", "spicy")).replace("**", ""), say("/veto remove tag:spicy"));
    }

    @Test
    void thePickLabelIsTheSameOnBoth() {
        say("/place add name:Pho 99");
        String out = say("/eat");
        assertTrue(out.contains("Pho 99 — 🧭 Trying something new ("), "the label as Discord's embed shows it: " + out);
    }

    @Test
    void aLongListEndsInAndNMoreOnTheConsoleToo() throws IOException {
        String many = IntStream.range(0, 60).mapToObj(i -> "{\"name\":\"A rather long place name number " + i + "\"}")
                .collect(Collectors.joining(",", "{\"format\":\"eatbot-places\",\"version\":1,\"places\":[", "]}"));
        Path file = Files.writeString(dir.resolve("places.json"), many);
        assertTrue(say("/place import file:" + file).startsWith("Imported 60 places"));
        String again = say("/place import file:" + file);
        assertTrue(again.matches("Imported 0 places; already there, left unchanged: .*, A rather long place name number \\d+ … and \\d+ more\\."), again);
        assertTrue(again.length() < 2000, "cut like Discord's: " + again.length());
    }

    @Test
    void pagesAreCountedAndRefusedAlike() {
        say("/place add name:Pho 99");
        f.service.addPlace(DISCORD, "222", "Pho 99", "");
        assertEquals("✗ The list has 1 page.", say("/place list page:2"));
        assertEquals("The list has 1 page.", org.junit.jupiter.api.Assertions.assertThrows(eatbot.eat.EatException.class,
                () -> onDiscord("place", "list", Map.of("page", "2"))).getMessage());
    }

    @Test
    void aChineseReaderGetsTheSharedWordsInChinese() {
        console.speaking(eatbot.i18n.Messages.SIMPLIFIED_CHINESE);
        assertEquals("✗ count 要在 1 到 25 之间，你填的是 26。", say("/eat history count:26"));
        assertEquals("✗ 请用 /place add、list、edit、remove、rename、export 或 import。", say("/place"));
        assertEquals("你和服务器的黑名单都是空的。", say("/veto list"));
    }

    @Test
    void aPlanIsWrittenInTheReadersWords() {
        say("/place add name:Pho 99 tags:vietnamese");
        say("/place add name:Sushi Go tags:japanese");
        String english = say("/eat plan days:3");
        assertTrue(english.contains("favourite") || english.contains("exploring") || english.contains("for variety"), english);
        console.speaking(eatbot.i18n.Messages.SIMPLIFIED_CHINESE);
        String chinese = say("/eat plan days:3");
        assertTrue(chinese.contains("3 天的计划"), chinese);
        assertTrue(chinese.contains("心头好") || chinese.contains("尝尝鲜") || chinese.contains("换换口味"), chinese);
        assertTrue(chinese.matches("(?s).*\\d+月\\d+日周.*"), "dates as a Chinese reader writes them: " + chinese);
        assertFalse(chinese.contains("favourite") || chinese.contains("exploring") || chinese.contains("variety"), chinese);
    }

    @Test
    void settingsAreShownInTheReadersWords() {
        String english = say("/eat-admin show");
        assertTrue(english.contains("eatbot settings for this server") && english.contains("Policy: thompson"), english);
        console.speaking(eatbot.i18n.Messages.SIMPLIFIED_CHINESE);
        String chinese = say("/eat-admin show");
        assertTrue(chinese.contains("本服务器的 eatbot 设置") && chinese.contains("推荐策略：thompson")
                && chinese.contains("谁可以添加店："), chinese);
        assertFalse(chinese.contains("Policy"), chinese);
    }
}
