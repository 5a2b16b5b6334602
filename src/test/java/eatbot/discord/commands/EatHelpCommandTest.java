package eatbot.discord.commands;

import eatbot.eat.EatService;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/** /eat-help is written from the registered commands: every one a member may run is there, the admin ones only for admins. */
class EatHelpCommandTest {
    private final CommandSet set = new CommandSet(mock(EatService.class), new EatRateLimit(6, () -> 0));

    private MessageEmbed help(FakeCall call) {
        List<MessageEmbed> embeds = set.get("eat-help").run(call).message().getEmbeds();
        assertEquals(1, embeds.size());
        return embeds.get(0);
    }

    @Test
    void aMemberSeesEveryCommandTheyMayRunAndNoAdminSection() {
        MessageEmbed e = help(FakeCall.member(null, Map.of()));
        String text = e.getDescription();
        for (String c : List.of("`/eat` ", "`/eat-history` ", "`/eat-why` ", "`/place add` ", "`/place list` ", "`/veto add` ",
                "`/taste` ", "`/privacy export` ", "`/privacy forget` ", "`/eat-help` ")) {
            assertTrue(text.contains(c), c + " missing from: " + text);
        }
        assertFalse(text.contains("/eat-admin"), "admin commands are not shown to members");
        assertTrue(e.getFields().isEmpty());
        assertTrue(text.length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH);
    }

    @Test
    void anAdminAlsoSeesTheManageServerCommandsWhole() {
        MessageEmbed e = help(FakeCall.admin(null, Map.of()));
        assertFalse(e.getFields().isEmpty());
        String admin = String.join("\n", e.getFields().stream().map(MessageEmbed.Field::getValue).toList());
        for (String sub : List.of("show", "policy", "exploration", "prior", "group-rule", "cooldown", "gamma", "cold-start", "timezone")) {
            assertTrue(admin.contains("`/eat-admin " + sub + "` "), sub + " missing from: " + admin);
        }
        assertFalse(admin.contains("…"), "a line was cut short: " + admin);
        assertTrue(e.isSendable(), "within Discord's embed limits");
    }
}
