package eatbot.reliability;

import eatbot.console.Console;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /place export and /place import: a round trip, existing names, and all-or-nothing. */
class PlaceTransferTest {
    @TempDir
    Path dir;
    private TestBot bot;

    @BeforeEach
    void open() {
        bot = TestBot.open(dir);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private static List<String> describe(List<Option> places) {
        return places.stream().map(o -> o.name() + "|" + o.tags() + "|" + o.link() + "|" + o.hours()).toList();
    }

    @Test
    void anExportImportsIntoAnotherGuildAsTheSamePlaces() {
        bot.service.addPlace("a", "u", "Ramen Ya", "japanese,noodles", "https://example.com/ramen", null);
        bot.service.addPlace("a", "u", "**Bold** @everyone", null);
        bot.service.removePlace("a", "Taco Town"); // removed places are not exported
        byte[] file = bot.service.exportPlaces("a").getBytes(StandardCharsets.UTF_8);

        bot.service.importPlaces("b", "importer", file);
        List<String> inB = new ArrayList<>(describe(bot.service.places("b")));
        // guild b keeps its own starter Taco Town, which guild a had removed
        assertTrue(inB.remove("Taco Town|[]|null|null"));
        assertEquals(describe(bot.service.places("a")), inB);
    }

    @Test
    void existingNamesAreLeftUnchangedAndReported() {
        bot.service.addPlace("a", "u", "Ramen Ya", "original");
        String json = """
                {"places": [{"name": "ramen  YA", "tags": ["replaced"]}, {"name": "New Place", "tags": ["fresh"]}]}""";
        EatService.PlaceImport done = bot.service.importPlaces("a", "u", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("Ramen Ya"), done.alreadyThere());
        assertEquals(List.of("New Place"), done.added().stream().map(Option::name).toList());
        assertEquals(List.of("original"), bot.service.place("a", "Ramen Ya").tags());
        // importing the same file again adds nothing
        EatService.PlaceImport again = bot.service.importPlaces("a", "u", json.getBytes(StandardCharsets.UTF_8));
        assertTrue(again.added().isEmpty());
        assertEquals(2, again.alreadyThere().size());
    }

    @Test
    void anImportWithABadPriceTagAddsNothingAndNamesTheEntry() {
        int before = bot.service.places("a").size();
        byte[] two = "{\"places\": [{\"name\": \"Fine\"}, {\"name\": \"Both\", \"tags\": [\"$\", \"$$$$\"]}]}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Entry 2 ('Both'): a place has one price tag, not $ and $$$$: keep the one that fits.",
                assertThrows(EatException.class, () -> bot.service.importPlaces("a", "u", two)).getMessage());
        byte[] five = "{\"places\": [{\"name\": \"Posh\", \"tags\": [\"$$$$$\"]}]}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Entry 1 ('Posh'): a price tag is $ to $$$$, not $$$$$.",
                assertThrows(EatException.class, () -> bot.service.importPlaces("a", "u", five)).getMessage());
        assertEquals(before, bot.service.places("a").size());
    }

    @Test
    void anImportThatWouldPassThePlaceLimitAddsNothing() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < EatService.MAX_PLACES - TestBot.STARTERS.size() + 1; i++) entries.add("{\"name\": \"P" + i + "\"}");
        byte[] file = ("{\"places\": [" + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8);
        int before = bot.service.places("a").size();
        EatException e = assertThrows(EatException.class, () -> bot.service.importPlaces("a", "u", file));
        assertTrue(e.getMessage().contains("at most " + EatService.MAX_PLACES), e.getMessage());
        assertEquals(before, bot.service.places("a").size());
    }

    // a clash inside the store itself rolling the whole import back: EatStoreContract

    @Test
    void theConsoleExportsAndImportsThroughAFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(bot.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
        console.handle("/place add name:Console Cafe tags:coffee");
        bytes.reset();
        console.handle("/place export");
        Path file = dir.resolve("places.json");
        Files.writeString(file, bytes.toString(StandardCharsets.UTF_8));
        console.handle("/place remove name:Console Cafe");
        bytes.reset();
        console.handle("/place import file:" + file);
        assertEquals("Imported 1 place; already there, left unchanged: Curry House, Pho 99, Sushi Go, Taco Town.",
                bytes.toString(StandardCharsets.UTF_8).strip());
        assertEquals(List.of("coffee"), bot.service.place(Console.GUILD, "Console Cafe").tags());
    }
}
