package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Veto;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class VetoCommandTest {
    private final EatService service = mock(EatService.class);
    private final DefinedCommand veto = new DefinedCommand(eatbot.commands.Commands.VETO, service, new eatbot.commands.Handlers(service));

    @Test
    void aMemberVetoesForThemselvesOnly() {
        assertNull(veto.refuse(FakeCall.member("add", Map.of("place", "Sushi Go"))), "anyone may veto for themselves");
        when(service.veto("111", "222", "Sushi Go", null)).thenReturn(new Veto("222", 5L, "Sushi *Go*", null));
        assertEquals("🚫 eatbot will not suggest **Sushi \\*Go\\*** when you are eating.",
                veto.run(FakeCall.member("add", Map.of("place", "Sushi Go"))).message().getContent());
        verify(service).veto("111", "222", "Sushi Go", null);

        when(service.liftVeto("111", "222", null, "spicy")).thenReturn(new Veto("222", null, null, "spicy"));
        assertEquals("Lifted your veto on places tagged **spicy**.", veto.run(FakeCall.member("remove", Map.of("tag", "spicy"))).message().getContent());
    }

    @Test
    void listShowsWhoseEachVetoIs() {
        when(service.vetoes("111", "222")).thenReturn(List.of(new Veto(null, null, null, "smelly"), new Veto("222", 5L, "Sushi Go", null),
                new Veto("222", 6L, "Old Diner", null, true)));
        String text = veto.run(FakeCall.member("list", Map.of())).message().getEmbeds().get(0).getDescription();
        assertEquals("• places tagged **smelly** — the whole server\n• **Sushi Go** — you\n• **Old Diner** (a removed place) — you", text);
        when(service.vetoes("111", "222")).thenReturn(List.of());
        assertEquals("No vetoes for you (or the server).", veto.run(FakeCall.member("list", Map.of())).message().getContent());
    }

    @Test
    void serviceErrorsComeThrough() {
        when(service.veto("111", "222", null, null)).thenThrow(new EatException("Give either place:<name> or tag:<tag>."));
        assertEquals("Give either place:<name> or tag:<tag>.",
                assertThrows(EatException.class, () -> veto.run(FakeCall.member("add", Map.of()))).getMessage());
    }

    @Test
    void placeIsAutocompletedFromTheServersPlaces() {
        when(service.placeNames("111", "su")).thenReturn(List.of("Sushi Go"));
        assertEquals(List.of("Sushi Go"), veto.autocomplete("111", "place", "su"));
        assertEquals(List.of(), veto.autocomplete("111", "tag", "su"));
    }
}
