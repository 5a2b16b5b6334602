package eatbot.discord.commands;

import eatbot.bandit.GroupRule;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Option;
import eatbot.eat.PlaceTransfer;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PlaceCommandTest {
    private final EatService service = mock(EatService.class);
    private final DefinedCommand place = new DefinedCommand(eatbot.commands.Commands.PLACE, service, new eatbot.commands.Handlers(service));

    private static GuildSettings settings(String addRole) {
        return GuildSettings.defaults().toBuilder().guildId("111").addRoleId(addRole).build();
    }

    private static Option option(String name, String... tags) {
        return new Option(1, "111", name, List.of(tags), null, null, "222", false, Instant.EPOCH);
    }

    @Test
    void removeAndRenameNeedManageServerAddAndListDoNot() {
        assertEquals(Permissions.ADMIN_ONLY, place.refuse(FakeCall.member("remove", Map.of("name", "Pho"))));
        assertEquals(Permissions.ADMIN_ONLY, place.refuse(FakeCall.member("rename", Map.of("name", "Pho", "to", "Pho 2"))));
        assertNull(place.refuse(FakeCall.admin("remove", Map.of("name", "Pho"))));
        assertNull(place.refuse(FakeCall.member("add", Map.of("name", "Pho"))));
        assertNull(place.refuse(FakeCall.member("list", Map.of())));
        SlashCommandData data = place.data();
        assertTrue(data.getDefaultPermissions().getPermissionsRaw() == null, "everyone sees /place: adding is open");
    }

    @Test
    void addIsRefusedWithoutTheRoleTheServerRequires() {
        when(service.settings("111")).thenReturn(settings("555"));
        FakeCall plain = FakeCall.member("add", Map.of("name", "Pho"));
        EatException e = assertThrows(EatException.class, () -> place.run(plain));
        assertEquals("On this server only members with the <@&555> role can add places.", e.getMessage());
        verify(service, never()).addPlace(any(), any(), any(), any(), any(), any());

        when(service.addPlace("111", "222", "Pho", null, null, null)).thenReturn(option("Pho"));
        assertEquals("Added **Pho**.", place.run(plain.withRole("555")).message().getContent());
    }

    @Test
    void editExportAndImportNeedManageServer() {
        for (String sub : List.of("edit", "export", "import")) {
            assertEquals(Permissions.ADMIN_ONLY, place.refuse(FakeCall.member(sub, Map.of())), sub);
            assertNull(place.refuse(FakeCall.admin(sub, Map.of())), sub);
        }
    }

    @Test
    void addTakesHoursAndEditChangesTagsLinkAndHours() {
        when(service.settings("111")).thenReturn(settings(null));
        Option green = new Option(1, "111", "Green Bowl", List.of("vegetarian"), "https://green.example/menu", "Mon-Fri 11:00-21:00", "222", false, Instant.EPOCH);
        when(service.addPlace("111", "222", "Green Bowl", "vegetarian", "https://green.example/menu", "Mon-Fri 11:00-21:00")).thenReturn(green);
        Reply added = place.run(FakeCall.member("add", Map.of("name", "Green Bowl", "tags", "vegetarian",
                "link", "https://green.example/menu", "hours", "Mon-Fri 11:00-21:00")));
        assertEquals("Added **Green Bowl** · vegetarian · hours Mon\\-Fri 11:00\\-21:00 · <https://green.example/menu>.", added.message().getContent());

        when(service.editPlace("111", "Green Bowl", null, "none", "daily 12:00-22:00")).thenReturn(green);
        Map<String, String> edit = new java.util.HashMap<>();
        edit.put("name", "Green Bowl");
        edit.put("link", "none");
        edit.put("hours", "daily 12:00-22:00");
        assertTrue(place.run(FakeCall.admin("edit", edit)).message().getContent().startsWith("Updated **Green Bowl**"));
        verify(service).editPlace("111", "Green Bowl", null, "none", "daily 12:00-22:00");
    }

    @Test
    void listSaysWhichPlacesAreClosedNow() {
        Option open = new Option(1, "111", "Open Pho", List.of(), null, "daily 00:00-24:00", "222", false, Instant.EPOCH);
        Option closed = new Option(2, "111", "Shut Tacos", List.of(), null, "Mon closed", "222", false, Instant.EPOCH);
        Option unknown = option("No Hours");
        when(service.places("111")).thenReturn(List.of(open, closed, unknown));
        when(service.isOpenNow("111", open)).thenReturn(true);
        when(service.isOpenNow("111", closed)).thenReturn(false);
        String text = place.run(FakeCall.member("list", Map.of())).message().getEmbeds().get(0).getDescription();
        assertEquals("• Open Pho · hours daily 00:00\\-24:00\n• Shut Tacos · hours Mon closed · 🌙 closed now\n• No Hours", text);
    }

    @Test
    void exportAttachesTheJsonFile() throws Exception {
        when(service.places("111")).thenReturn(List.of(option("Pho", "soup")));
        Reply r = place.run(FakeCall.admin("export", Map.of()));
        assertEquals("eatbot-places.json", r.message().getAttachments().get(0).getName());
        try (java.io.InputStream in = r.message().getAttachments().get(0).getData()) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(json.contains("\"Pho\"") && json.contains(PlaceTransfer.FORMAT), json);
        }
    }

    @Test
    void importRefusesABigFileWithoutDownloadingIt() {
        FakeCall.FakeUpload big = new FakeCall.FakeUpload(PlaceTransfer.MAX_BYTES + 1, new byte[0]);
        EatException e = assertThrows(EatException.class, () -> place.run(FakeCall.admin("import", Map.of()).withUpload("file", big)));
        assertEquals("The file is too big (at most 256 KB). Nothing was imported.", e.getMessage());
        assertEquals(0, big.downloads);
        verify(service, never()).importPlaces(any(), any(), any());

        // a file bigger than Discord said is caught after the capped download
        FakeCall.FakeUpload lying = new FakeCall.FakeUpload(10, new byte[PlaceTransfer.MAX_BYTES + 50]);
        assertThrows(EatException.class, () -> place.run(FakeCall.admin("import", Map.of()).withUpload("file", lying)));
        verify(service, never()).importPlaces(any(), any(), any());
        assertEquals("Attach a places file from /place export as file:.",
                assertThrows(EatException.class, () -> place.run(FakeCall.admin("import", Map.of()))).getMessage());
    }

    @Test
    void importSaysWhatWasAddedAndWhatWasAlreadyThere() {
        byte[] file = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        when(service.importPlaces("111", "333", file)).thenReturn(new EatService.PlaceImport(List.of(option("A"), option("B")), List.of("Pho *99*")));
        Reply r = place.run(FakeCall.admin("import", Map.of()).withUpload("file", new FakeCall.FakeUpload(2, file)));
        assertEquals("Imported 2 places; already there, left unchanged: Pho \\*99\\*.", r.message().getContent());
    }

    @Test
    void addShowsTheNameEscaped() {
        when(service.settings("111")).thenReturn(settings(null));
        when(service.addPlace("111", "222", "_Pho_ <@1>", "soup", null, null)).thenReturn(option("_Pho_ <@1>", "soup"));
        Reply r = place.run(FakeCall.member("add", Map.of("name", "_Pho_ <@1>", "tags", "soup")));
        assertEquals("Added **\\_Pho\\_ \\<@\u200b1\\>** · soup.", r.message().getContent());
        assertTrue(r.message().getAllowedMentions().isEmpty());
    }

    @Test
    void aLongListComesInPagesThatTogetherShowEveryPlaceOnce() {
        List<Option> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) many.add(option("Place number " + i + " " + "x".repeat(50)));
        when(service.places("111")).thenReturn(many);
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (int page = 1; ; page++) {
            MessageEmbed e;
            try {
                e = place.run(FakeCall.member("list", Map.of("page", String.valueOf(page)))).message().getEmbeds().get(0);
            } catch (EatException past) {
                assertEquals("The list has " + pages + " pages.", past.getMessage());
                break;
            }
            pages = page;
            assertTrue(e.getDescription().length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH, "an embed description holds 4096 characters");
            assertTrue(e.getFooter().getText().startsWith("Page " + page + " of "), e.getFooter().getText());
            seen.addAll(List.of(e.getDescription().split("\n")));
        }
        assertTrue(pages > 5, "500 long names need several pages: " + pages);
        List<String> all = many.stream().map(o -> "• " + o.name()).toList();
        assertEquals(all, seen, "every place once, in order");
    }

    @Test
    void aShortListHasNoPagesAndABadPageIsRefused() {
        Reply r = place.run(FakeCall.member("list", Map.of("page", "1")));
        assertTrue(r.message().getContent().startsWith("No places yet"), "an empty server");
        when(service.places("111")).thenReturn(List.of(option("Pho 99")));
        assertNull(place.run(FakeCall.member("list", Map.of())).message().getEmbeds().get(0).getFooter());
        assertEquals("The list has 1 page.",
                assertThrows(EatException.class, () -> place.run(FakeCall.member("list", Map.of("page", "2")))).getMessage());
        assertEquals("page must be at least 1, got 0.",
                assertThrows(EatException.class, () -> place.run(FakeCall.member("list", Map.of("page", "0")))).getMessage());
    }

    @Test
    void autocompleteOffersTheGuildsPlaceNames() {
        when(service.placeNames("111", "ph")).thenReturn(List.of("Pho 99", "Phat Thai"));
        assertEquals(List.of("Pho 99", "Phat Thai"), place.autocomplete("111", "name", "ph"));
        assertEquals(List.of(), place.autocomplete("111", "to", "ph"));
    }
}
