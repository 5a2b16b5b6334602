package eatbot.discord.commands;

import eatbot.eat.EatService;
import eatbot.eat.PersonalData;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PrivacyCommandTest {
    private final EatService service = mock(EatService.class);
    private final PrivacyCommand privacy = new PrivacyCommand(service);

    @Test
    void exportIsAJsonFileOnlyTheCallerSees() throws Exception {
        when(service.privacyExport("111", "222")).thenReturn("{\"user\":\"222\"}");
        FakeCall call = FakeCall.member("export", Map.of());
        assertTrue(privacy.ephemeral(call));
        Reply r = privacy.run(call);
        assertEquals("eatbot-my-data.json", r.message().getAttachments().get(0).getName());
        try (InputStream in = r.message().getAttachments().get(0).getData()) {
            assertEquals("{\"user\":\"222\"}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void forgetAsksFirstAndOnlyTheAskerCanConfirm() {
        Reply ask = privacy.run(FakeCall.member("forget", Map.of()));
        verify(service, never()).privacyForget(any(), any());
        List<Button> buttons = ((ActionRow) ask.message().getComponents().get(0)).getButtons();
        assertEquals(List.of("privacy-forget:222", "privacy-keep:222"), buttons.stream().map(Button::getCustomId).toList());

        FakeCall someoneElse = FakeCall.member(null, Map.of()).as("999");
        assertEquals(PrivacyCommand.NOT_YOURS, PrivacyCommand.refuseButton(someoneElse, "privacy-forget:222"));
        assertNull(PrivacyCommand.refuseButton(FakeCall.member(null, Map.of()), "privacy-forget:222"));

        when(service.privacyForget("111", "222")).thenReturn(new PersonalData.Forgotten(3, 5, 2, 1));
        assertEquals("Forgotten: 5 reactions and 3 learned preferences deleted; your name removed from 2 suggestions and 1 place.",
                privacy.confirm(FakeCall.member(null, Map.of())).message().getContent());
        assertEquals("Nothing was deleted.", privacy.keep().message().getContent());
    }
}
