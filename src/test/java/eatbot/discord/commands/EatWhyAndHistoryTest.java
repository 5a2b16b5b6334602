package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import eatbot.eat.Meal;
import eatbot.eat.PastSuggestion;
import eatbot.eat.Suggestion;
import eatbot.eat.Taste;
import eatbot.eat.Why;
import eatbot.eat.Reasons;
import eatbot.chart.WhyChart;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EatWhyAndHistoryTest {
    private final EatService service = mock(EatService.class);
    private static final Option PHO = new Option(7, "111", "Pho <@1>", List.of("soup"), null, null, "222", false, Instant.EPOCH);
    private static final Suggestion S = new Suggestion(42, "111", "222", List.of("222", "333"), PHO, "thompson", false,
            Instant.ofEpochSecond(1_700_000_000), null, null);

    private static BufferedImage png(Reply r) throws Exception {
        try (InputStream in = r.message().getAttachments().get(0).getData()) {
            return ImageIO.read(in);
        }
    }

    @Test
    void theWhyButtonAndCommandAnswerWithThePressersPicture() throws Exception {
        Reasons.Member m222 = new Reasons.Member("222", new float[] {3}, new float[] {1}, new float[] {0.7f});
        Reasons.Member m333 = new Reasons.Member("333", new float[] {1}, new float[] {2}, new float[] {0.4f});
        Reasons decided = new Reasons("least-misery", false, 0, new long[] {PHO.id()}, 1, List.of(m222, m333), Map.of());
        when(service.why("111", 42, "333")).thenReturn(new Why(S, decided, List.of(PHO), "333"));
        EatWhyCommand why = new EatWhyCommand(service, new EatRateLimit(12, () -> 0, "picture"));
        Reply pressed = why.button(FakeCall.member(null, Map.of()).as("333"), "eat-why:42");
        assertEquals("why-111-42-333.png", pressed.message().getAttachments().get(0).getName());
        assertTrue(pressed.message().getContent().startsWith("Why **Pho \\<@\u200b1\\>** (#42)"), pressed.message().getContent());
        BufferedImage picture = png(pressed);
        assertEquals(WhyChart.WIDTH, picture.getWidth());
        assertEquals(WhyChart.height(2), picture.getHeight(), "a panel for each of the two members");

        Reply asked = why.run(FakeCall.member(null, Map.of("id", "42")).as("333"));
        assertEquals("why-111-42-333.png", asked.message().getAttachments().get(0).getName());
        assertTrue(why.ephemeral(FakeCall.member(null, Map.of())));
        assertThrows(EatException.class, () -> why.button(FakeCall.member(null, Map.of()), "eat-why:nope"));
    }

    @Test
    void historyNamesPeopleWithoutPingingAndShowsTimesInTheReadersZone() {
        when(service.historyWithReactions("111", 10)).thenReturn(List.of(new PastSuggestion(S, List.of("222"), List.of("333"))));
        Reply r = new DefinedCommand(eatbot.commands.Commands.HISTORY, service, new eatbot.commands.Handlers(service)).run(FakeCall.member(null, Map.of()));
        assertEquals("**#42** <t:1700000000:f> Pho \\<@\u200b1\\> · for <@222>, <@333> · 👍 <@222> · 👎 <@333>",
                r.message().getEmbeds().get(0).getDescription());
        assertTrue(r.message().getAllowedMentions().isEmpty());

        Meal went = new Meal(1, "111", 42, S.option(), S.members(), "222", S.createdAt(), null);
        when(service.historyWithReactions("111", 5)).thenReturn(List.of(new PastSuggestion(S, List.of(), List.of(), went)));
        assertEquals("**#42** <t:1700000000:f> Pho \\<@\u200b1\\> · for <@222>, <@333> · ✅ went",
                new DefinedCommand(eatbot.commands.Commands.HISTORY, service, new eatbot.commands.Handlers(service)).run(FakeCall.member(null, Map.of("count", "5"))).message().getEmbeds().get(0).getDescription(),
                "a decided suggestion (a meal) is marked");

        when(service.historyWithReactions("111", 3)).thenReturn(List.of());
        assertEquals("No suggestions yet. Ask with `/eat`.", new DefinedCommand(eatbot.commands.Commands.HISTORY, service, new eatbot.commands.Handlers(service)).run(FakeCall.member(null, Map.of("count", "3")))
                .message().getContent());
        assertEquals("count must be 1 to 25, got 99.", assertThrows(EatException.class,
                () -> new DefinedCommand(eatbot.commands.Commands.HISTORY, service, new eatbot.commands.Handlers(service)).run(FakeCall.member(null, Map.of("count", "99")))).getMessage(), "the console's words and range");
        assertEquals(25, new DefinedCommand(eatbot.commands.Commands.HISTORY, service, new eatbot.commands.Handlers(service)).data().getOptions().get(0).getMaxValue().intValue(), "the range Discord offers");
    }

    @Test
    void tasteAttachesItsPicture() throws Exception {
        when(service.taste("111", "222")).thenReturn(new Taste("222", List.of(new Taste.Entry(PHO, 1, 1, 0, 0))));
        Reply r = new TasteCommand(service, new EatRateLimit(12, () -> 0, "picture")).run(FakeCall.member(null, Map.of()));
        assertEquals("taste.png", r.message().getAttachments().get(0).getName());
        assertEquals("attachment://taste.png", r.message().getEmbeds().get(0).getImage().getUrl());
        BufferedImage img = png(r);
        assertEquals(450, img.getHeight());
    }
}
