package eatbot.discord.commands;

import eatbot.bandit.GroupRule;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Option;
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
    private final PlaceCommand place = new PlaceCommand(service);

    private static GuildSettings settings(String addRole) {
        return new GuildSettings("111", "thompson", 0.1, 1, 1, 1, GroupRule.parse("least-misery"), 2, 1, 0, "UTC", addRole);
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
    void addShowsTheNameEscaped() {
        when(service.settings("111")).thenReturn(settings(null));
        when(service.addPlace("111", "222", "_Pho_ <@1>", "soup", null, null)).thenReturn(option("_Pho_ <@1>", "soup"));
        Reply r = place.run(FakeCall.member("add", Map.of("name", "_Pho_ <@1>", "tags", "soup")));
        assertEquals("Added **\\_Pho\\_ \\<@\u200b1\\>** · soup.", r.message().getContent());
        assertTrue(r.message().getAllowedMentions().isEmpty());
    }

    @Test
    void aLongListFitsInOneEmbedAndSaysHowManyMore() {
        List<Option> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) many.add(option("Place number " + i + " " + "x".repeat(50)));
        String text = PlaceCommand.list(many, o -> true).message().getEmbeds().get(0).getDescription();
        assertTrue(text.length() <= 4096, "an embed description holds 4096 characters");
        assertTrue(text.matches("(?s).*… and \\d+ more$"), text.substring(text.length() - 40));
    }

    @Test
    void autocompleteOffersTheGuildsPlaceNames() {
        when(service.placeNames("111", "ph")).thenReturn(List.of("Pho 99", "Phat Thai"));
        assertEquals(List.of("Pho 99", "Phat Thai"), place.autocomplete("111", "name", "ph"));
        assertEquals(List.of(), place.autocomplete("111", "to", "ph"));
    }
}
