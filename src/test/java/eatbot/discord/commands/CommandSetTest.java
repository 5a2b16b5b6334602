package eatbot.discord.commands;

import eatbot.eat.EatService;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

class CommandSetTest {
    private final CommandSet set = new CommandSet(mock(EatService.class), new EatRateLimit(6, () -> 0));

    @Test
    void everyCommandIsRegisteredAndFitsDiscordsLimits() {
        List<CommandData> data = set.data();
        assertEquals(List.of("eat", "eat-plan", "eat-history", "eat-why", "place", "veto", "taste", "privacy", "eat-admin", "eat-help"),
                data.stream().map(CommandData::getName).toList());
        // Discord refuses a command whose names, descriptions and choices add up to more than 8000 characters
        for (CommandData c : data) assertTrue(c.toData().toString().length() < 8000, c.getName());
    }

    @Test
    void theWhyButtonEatWhyAndTasteShareOnePictureLimitAndAnotherOneTheEatLimit() {
        CommandSet limited = new CommandSet(mock(EatService.class), new EatRateLimit(1, () -> 0), new EatRateLimit(2, () -> 0, "picture"));
        FakeCall call = FakeCall.member(null, java.util.Map.of("id", "42"));
        assertNull(limited.get("taste").refuse(call));
        assertNull(limited.button("eat-why:42").refuse(call, "eat-why:42"));
        assertTrue(limited.get("eat-why").refuse(call).startsWith("Easy! You asked for 2 pictures in the last minute."));
        assertTrue(limited.button("eat-why:42").refuse(call, "eat-why:42").startsWith("Easy! You asked for 2 pictures"));
        assertNull(limited.button("eat-again:42").refuse(call, "eat-again:42"), "pictures do not use up suggestions");
        assertTrue(limited.get("eat").refuse(call).startsWith("Easy! You asked for 1 suggestion"));
    }

    @Test
    void buttonsAreFoundByTheirIdsPrefix() {
        assertEquals(ButtonPress.Answer.PUBLIC, set.button("eat-again:42|spicy|0||").answer());
        assertEquals(ButtonPress.Answer.PRIVATE, set.button("eat-why:42").answer());
        assertEquals(ButtonPress.Answer.UPDATE, set.button("privacy-forget:222").answer());
        assertNotNull(set.button("privacy-keep:222"));
        assertNull(set.button("someone-elses-button"));
    }
}
