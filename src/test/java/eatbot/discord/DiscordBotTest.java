package eatbot.discord;

import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscordBotTest {
    @Test
    void theInviteLinkInTheReadmeAsksForExactlyThePermissionsTheBotUses() throws Exception {
        assertEquals(83008, DiscordBot.permissionsInteger());
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("scope=bot+applications.commands&permissions=" + DiscordBot.permissionsInteger()));
        // what a suggestion's footer asks a server to grant per channel is part of the invite, and the double's bot role has it
        assertTrue(DiscordBot.PERMISSIONS.containsAll(eatbot.discord.commands.ReactionAccess.NEEDED));
        assertEquals(DiscordDouble.INVITE, DiscordBot.permissionsInteger());
    }

    @Test
    void asksForNoPrivilegedIntent() {
        for (GatewayIntent i : DiscordBot.INTENTS) {
            assertTrue(i != GatewayIntent.GUILD_MEMBERS && i != GatewayIntent.GUILD_PRESENCES && i != GatewayIntent.MESSAGE_CONTENT, i.name());
        }
    }
}
