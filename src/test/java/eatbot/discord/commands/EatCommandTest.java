package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import eatbot.eat.Preference;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class EatCommandTest {
    private final EatService service = mock(EatService.class);
    private final EatCommand eat = new EatCommand(service, new EatRateLimit(2, () -> 0));
    private final FakeCall call = FakeCall.member(null, Map.of());

    private static Suggestion suggestion(long id, Option o, boolean explored, String... members) {
        return new Suggestion(id, "111", members[0], List.of(members), o, "thompson", explored, Instant.EPOCH, null, null);
    }

    private static Option place(long id, String name, String... tags) {
        return new Option(id, "111", name, List.of(tags), "https://pho.example/menu", null, "9", false, Instant.EPOCH);
    }

    @Test
    void repliesInPublicWithThePlaceTheCallersCountsAndAButton() {
        Option pho = place(7, "Pho **99** @everyone", "vietnamese", "soup");
        Suggestion s = suggestion(42, pho, false, "222");
        when(service.suggest(SuggestRequest.forUser("111", "222"))).thenReturn(s);
        when(service.preference("111", "222", 7)).thenReturn(new Preference(7, 3, 1, 3, 1, 4));

        assertFalse(eat.ephemeral(call));
        Reply reply = eat.run(call);

        assertSame(s, reply.suggestion(), "the router attaches the message and adds 👍/👎");
        MessageEmbed e = reply.message().getEmbeds().get(0);
        assertEquals("🍽️ Pho \\*\\*99\\*\\* @\u200beveryone", e.getTitle());
        assertEquals("https://pho.example/menu", e.getUrl());
        assertEquals("For <@222>", e.getDescription());
        assertEquals(List.of("vietnamese, soup", "⭐ A favourite", "👍 3 · 👎 1"),
                e.getFields().stream().map(MessageEmbed.Field::getValue).toList());
        assertTrue(reply.message().getAllowedMentions().isEmpty(), "pings nobody");
        Button again = ((ActionRow) reply.message().getComponents().get(0)).getButtons().get(0);
        assertEquals("eat-again:42", again.getCustomId());
    }

    @Test
    void saysWhenThePickIsAnExploration() {
        Option o = place(7, "Pho");
        when(service.suggest(any())).thenReturn(suggestion(1, o, true, "222"));
        when(service.preference("111", "222", 7)).thenReturn(Preference.none(7));
        assertEquals("🧭 Trying something new", eat.run(call).message().getEmbeds().get(0).getFields().get(1).getValue());
    }

    @Test
    void anotherOneAsksForTheSamePeopleWithoutThePreviousPick() {
        Option pho = place(7, "Pho");
        Option taco = place(8, "Taco");
        when(service.suggestion("111", 42)).thenReturn(Optional.of(suggestion(42, pho, false, "333", "222")));
        when(service.suggest(any())).thenReturn(suggestion(43, taco, false, "222", "333"));
        when(service.preference(any(), any(), org.mockito.ArgumentMatchers.anyLong())).thenReturn(Preference.none(8));

        eat.again(call, 42);

        ArgumentCaptor<SuggestRequest> asked = ArgumentCaptor.forClass(SuggestRequest.class);
        verify(service).suggest(asked.capture());
        assertEquals(new SuggestRequest("111", "222", List.of("222", "333"), Set.of(7L)), asked.getValue());
        verify(service, never()).react(any(), org.mockito.ArgumentMatchers.anyLong(), any(), any());
        verify(service, never()).setReaction(any(), org.mockito.ArgumentMatchers.anyLong(), any(), any());
    }

    @Test
    void anotherOneForAGoneSuggestionIsAClearError() {
        when(service.suggestion("111", 42)).thenReturn(Optional.empty());
        assertEquals("That suggestion is gone; ask again with /eat.", assertThrows(EatException.class, () -> eat.again(call, 42)).getMessage());
    }

    @Test
    void theRateLimitRefusesBeforeAnyWork() {
        assertNull(eat.refuse(call));
        assertNull(eat.refuse(call));
        assertTrue(eat.refuse(call).startsWith("Easy!"));
        verify(service, never()).suggest(any());
    }
}
