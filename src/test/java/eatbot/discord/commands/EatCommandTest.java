package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import eatbot.eat.Pick;
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
        // what the service says about the pick: an exploration of a new place, or a favourite with 3 👍 and 1 👎
        Pick pick = explored ? new Pick(Pick.Label.NEW, 0, 0, List.of(), null) : new Pick(Pick.Label.FAVOURITE, 3, 1, List.of(), null);
        return new Suggestion(id, "111", members[0], List.of(members), o, "thompson", explored, Instant.EPOCH, null, null, pick);
    }

    private static Option place(long id, String name, String... tags) {
        return new Option(id, "111", name, List.of(tags), "https://pho.example/menu", null, "9", false, Instant.EPOCH);
    }

    @Test
    void repliesInPublicWithThePlaceTheCallersCountsAndAButton() {
        Option pho = place(7, "Pho **99** @everyone", "vietnamese", "soup");
        Suggestion s = suggestion(42, pho, false, "222");
        when(service.suggest(SuggestRequest.forUser("111", "222"))).thenReturn(s);

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
        List<Button> buttons = ((ActionRow) reply.message().getComponents().get(0)).getButtons();
        assertEquals(List.of("eat-again:42", "eat-why:42", "eat-go:42"), buttons.stream().map(Button::getCustomId).toList());
    }

    @Test
    void saysWhenThePickIsAnExploration() {
        Option o = place(7, "Pho");
        when(service.suggest(any())).thenReturn(suggestion(1, o, true, "222"));
        assertEquals("🧭 Trying something new", eat.run(call).message().getEmbeds().get(0).getFields().get(1).getValue());
    }

    @Test
    void saysWhichBetterPlaceIsRestingByNameAndUntilWhenAndTheGroupsCounts() {
        Option pho = place(7, "Pho");
        Option noodles = place(8, "Noodle *Bar*");
        Instant wednesday = Instant.parse("2025-03-12T12:00:00Z");
        Pick pick = new Pick(Pick.Label.BEST_LEFT, 4, 2,
                List.of(new Pick.Resting(noodles, wednesday, wednesday.plus(java.time.Duration.ofDays(2)), List.of("222", "333"))), null);
        Suggestion s = new Suggestion(1, "111", "222", List.of("222", "333"), pho, "thompson", false, wednesday, null, null, pick);
        when(service.suggest(any())).thenReturn(s);
        when(service.settings("111")).thenReturn(eatbot.ServiceFixture.DEFAULTS.forGuild("111"));

        List<MessageEmbed.Field> fields = eat.run(call).message().getEmbeds().get(0).getFields();
        assertEquals("↪️ The best of what is left", fields.get(1).getValue());
        assertEquals("Your 👍/👎 together", fields.get(2).getName());
        assertEquals("👍 4 · 👎 2", fields.get(2).getValue());
        assertEquals("Not picked", fields.get(3).getName());
        assertEquals("Noodle \\*Bar\\* is resting until Fri 12:00: you and <@333> went today.", fields.get(3).getValue());
    }

    @Test
    void anotherOneAsksForTheSamePeopleWithoutThePreviousPick() {
        Option pho = place(7, "Pho");
        Option taco = place(8, "Taco");
        when(service.suggestion("111", 42)).thenReturn(Optional.of(suggestion(42, pho, false, "333", "222")));
        when(service.suggest(any())).thenReturn(suggestion(43, taco, false, "222", "333"));

        eat.again(call, "eat-again:42");

        ArgumentCaptor<SuggestRequest> asked = ArgumentCaptor.forClass(SuggestRequest.class);
        verify(service).suggest(asked.capture());
        assertEquals(new SuggestRequest("111", "222", List.of("222", "333"), Set.of(7L)), asked.getValue());
        verify(service, never()).react(any(), org.mockito.ArgumentMatchers.anyLong(), any(), any());
        verify(service, never()).setReaction(any(), org.mockito.ArgumentMatchers.anyLong(), any(), any());
    }

    @Test
    void anotherOneForAGoneSuggestionIsAClearError() {
        when(service.suggestion("111", 42)).thenReturn(Optional.empty());
        assertEquals("That suggestion is gone; ask again with /eat.", assertThrows(EatException.class, () -> eat.again(call, "eat-again:42")).getMessage());
    }

    @Test
    void theRateLimitRefusesBeforeAnyWork() {
        assertNull(eat.refuse(call));
        assertNull(eat.refuse(call));
        assertTrue(eat.refuse(call).startsWith("Easy!"));
        verify(service, never()).suggest(any());
    }

    // ---- with:, filters and at: ----

    private static FakeCall eatWith(Map<String, String> options) {
        return FakeCall.member(null, options);
    }

    @Test
    void mentionedMembersFiltersAndTimeMakeTheRequest() {
        SuggestRequest r = EatCommand.request(eatWith(Map.of("with", "<@333> <@!444>, <@333>", "not", "spicy,smelly",
                "max-price", "$$", "only", "vegetarian", "at", "fri 19:00")));
        assertEquals(List.of("222", "333", "444"), r.members(), "the asker first, each member once");
        assertEquals(new SuggestRequest("111", "222", List.of("222", "333", "444"), Set.of())
                .filtered("smelly,spicy", "$$", "vegetarian").at("fri 19:00"), r);
    }

    @Test
    void withTakesOnlyMentionsOfMembers() {
        for (String typed : List.of("bob", "<@&555>", "@everyone", "<#123>", "<@333> and bob")) {
            EatException e = assertThrows(EatException.class, () -> EatCommand.request(eatWith(Map.of("with", typed))), typed);
            assertTrue(e.getMessage().startsWith("with: takes @mentions of members, like with:@alice @bob; '"), e.getMessage());
            assertFalse(e.getMessage().contains("@everyone"), "shown harmlessly: " + e.getMessage());
        }
        verify(service, never()).suggest(any());
    }

    @Test
    void withRefusesABotByItsNameAndASomeoneDiscordDidNotResolve() {
        FakeCall withBot = eatWith(Map.of("with", "<@333> <@777>")).resolving(new Person("333", "alice", false),
                new Person("777", "Robo*Chef*", true));
        assertEquals("with: takes people; @Robo\\*Chef\\* is a bot.",
                assertThrows(EatException.class, () -> EatCommand.request(withBot)).getMessage(), "named, harmlessly");
        FakeCall unresolved = eatWith(Map.of("with", "<@333> <@444>")).resolving(new Person("333", "alice", false));
        assertEquals("with: could not find who <@444> is; pick people from Discord's list as you type @.",
                assertThrows(EatException.class, () -> EatCommand.request(unresolved)).getMessage());
        // the caller naming themselves needs no resolving: they are the caller
        assertEquals(List.of("222", "333"), EatCommand.request(eatWith(Map.of("with", "<@222> <@333>"))
                .resolving(new Person("333", "alice", false))).members());
    }

    @Test
    void aRefusedWithIsAnsweredAtOnceAndCostsNoAsk() {
        FakeCall withBot = eatWith(Map.of("with", "<@777>")).resolving(new Person("777", "RoboChef", true));
        for (int i = 0; i < 5; i++) assertEquals("with: takes people; @RoboChef is a bot.", eat.refuse(withBot));
        assertNull(eat.refuse(call), "the limit (2) is untouched");
        assertNull(eat.refuse(call));
        assertTrue(eat.refuse(call).startsWith("Easy!"));
        assertTrue(eat.refuse(eatWith(Map.of("at", "soon"))).startsWith("'soon' is not a time."), "a bad option is refused first");
        verify(service, never()).suggest(any());
    }

    @Test
    void anotherOneSharesTheLimitWithEat() {
        assertNull(eat.refuse(call));
        assertNull(eat.refuseAnotherOne(call));
        assertTrue(eat.refuseAnotherOne(call).startsWith("Easy! You asked for 2 suggestions"));
        assertTrue(eat.refuse(call).startsWith("Easy!"));
    }

    @Test
    void aGroupHasAtMostTenPeople() {
        StringBuilder nine = new StringBuilder();
        for (int i = 0; i < 9; i++) nine.append("<@10").append(i).append("> ");
        assertEquals(10, EatCommand.request(eatWith(Map.of("with", nine.toString()))).members().size());
        EatException e = assertThrows(EatException.class, () -> EatCommand.request(eatWith(Map.of("with", nine + "<@999>"))));
        assertEquals("At most 10 people can eat together (you and 9 others).", e.getMessage());
    }

    @Test
    void aBadFilterOrTimeIsAClearError() {
        assertEquals("'vegan' is both in not: and only:.", assertThrows(EatException.class,
                () -> EatCommand.request(eatWith(Map.of("not", "vegan", "only", "vegan")))).getMessage());
        assertTrue(assertThrows(EatException.class, () -> EatCommand.request(eatWith(Map.of("at", "soon")))).getMessage()
                .startsWith("'soon' is not a time."));
    }

    @Test
    void theEmbedNamesTheGroupAndWhatWasAskedAndAnotherOneKeepsIt() {
        Option pho = place(7, "Pho", "vegetarian", "$");
        Option taco = place(8, "Taco", "vegetarian");
        when(service.suggest(any())).thenReturn(suggestion(42, pho, false, "222", "333"), suggestion(43, taco, false, "333", "222"));
        when(service.suggestion("111", 42)).thenReturn(Optional.of(suggestion(42, pho, false, "222", "333")));

        Reply first = eat.run(eatWith(Map.of("with", "<@333>", "not", "spicy", "max-price", "$$", "at", "19:00")));
        MessageEmbed e = first.message().getEmbeds().get(0);
        assertEquals("For <@222>, <@333>", e.getDescription());
        assertEquals("not:spicy max\\-price:$$ at 19:00", e.getFields().get(3).getValue());
        assertTrue(first.message().getAllowedMentions().isEmpty(), "the members are named, not pinged");
        String button = ((ActionRow) first.message().getComponents().get(0)).getButtons().get(0).getCustomId();
        assertTrue(button.length() <= 100, button);

        // the button is read by a fresh command object: what a restart leaves
        new EatCommand(service, new EatRateLimit(2, () -> 0)).again(FakeCall.member(null, Map.of()).as("333"), button);
        ArgumentCaptor<SuggestRequest> asked = ArgumentCaptor.forClass(SuggestRequest.class);
        verify(service, org.mockito.Mockito.times(2)).suggest(asked.capture());
        SuggestRequest again = asked.getAllValues().get(1);
        assertEquals(new SuggestRequest("111", "333", List.of("333", "222"), Set.of(7L)).filtered("spicy", "$$", null).at("19:00"), again);
    }

    @Test
    void filtersTooLongForTheButtonAreRememberedUntilARestart() {
        Option pho = place(7, "Pho");
        when(service.suggest(any())).thenReturn(suggestion(42, pho, false, "222"));
        when(service.suggestion("111", 42)).thenReturn(Optional.of(suggestion(42, pho, false, "222")));
        String many = "aaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbbbbb,cccccccccccccccccccc,dddddddddddddddddddd,eeeeeeeeeeeeeeeeeeee";

        Reply first = eat.run(eatWith(Map.of("not", many)));
        String button = ((ActionRow) first.message().getComponents().get(0)).getButtons().get(0).getCustomId();
        assertEquals("eat-again:42|*", button);
        eat.again(call, button);
        ArgumentCaptor<SuggestRequest> asked = ArgumentCaptor.forClass(SuggestRequest.class);
        verify(service, org.mockito.Mockito.times(2)).suggest(asked.capture());
        assertEquals(5, asked.getAllValues().get(1).filters().not().size());

        EatCommand restarted = new EatCommand(service, new EatRateLimit(2, () -> 0));
        assertEquals(AnotherOne.FORGOTTEN, assertThrows(EatException.class, () -> restarted.again(call, button)).getMessage());
    }

    @Test
    void aButtonFromBeforeFiltersExistedStillWorks() {
        assertEquals(new AnotherOne.Ask(42, eatbot.eat.Filters.NONE, null), new AnotherOne().read("eat-again:42"));
        assertThrows(EatException.class, () -> new AnotherOne().read("eat-again:x"));
        assertThrows(EatException.class, () -> new AnotherOne().read("eat-again:42|a|b"));
    }
}
