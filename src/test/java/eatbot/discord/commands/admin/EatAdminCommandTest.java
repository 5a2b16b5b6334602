package eatbot.discord.commands.admin;

import eatbot.bandit.GroupRule;
import eatbot.discord.commands.FakeCall;
import eatbot.discord.commands.Permissions;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class EatAdminCommandTest {
    private final EatService service = mock(EatService.class);
    private final EatAdminCommand admin = new EatAdminCommand(service);
    private static final GuildSettings SETTINGS =
            new GuildSettings("111", "ucb1", 0.1, 2, 1, 1, GroupRule.parse("least-misery"), 2, 1, 0, "UTC", null);

    @Test
    void hiddenFromNonAdminsByDefaultAndRefusedInTheHandlerToo() {
        assertEquals(Permission.getRaw(Permission.MANAGE_SERVER), admin.data().getDefaultPermissions().getPermissionsRaw());
        assertEquals(Permissions.ADMIN_ONLY, admin.refuse(FakeCall.member("policy", Map.of("name", "ucb1"))));
        assertNull(admin.refuse(FakeCall.admin("policy", Map.of("name", "ucb1"))));
    }

    @Test
    void subcommandsCallTheServiceAndShowTheSettings() {
        when(service.setPolicy("111", "ucb1")).thenReturn(SETTINGS);
        String shown = admin.run(FakeCall.admin("policy", Map.of("name", "ucb1"))).message().getEmbeds().get(0).toData().toString();
        assertTrue(shown.contains("ucb1"), shown);

        when(service.setExploration("111", 0.2, null)).thenReturn(SETTINGS);
        admin.run(FakeCall.admin("exploration", Map.of("epsilon", "0.2")));
        verify(service).setExploration("111", 0.2, null);

        when(service.setPrior("111", 2.0, 3.0)).thenReturn(SETTINGS);
        admin.run(FakeCall.admin("prior", Map.of("alpha", "2", "beta", "3")));
        verify(service).setPrior("111", 2.0, 3.0);

        when(service.setAddRole("111", "555")).thenReturn(SETTINGS.withAddRoleId("555"));
        String roles = admin.run(FakeCall.admin("add-role", Map.of("role", "555"))).message().getEmbeds().get(0).toData().toString();
        assertTrue(roles.contains("<@&555> and admins"), roles);
    }

    @Test
    void aBadNumberIsAClearError() {
        EatException e = assertThrows(EatException.class, () -> admin.run(FakeCall.admin("prior", Map.of("alpha", "lots", "beta", "1"))));
        assertEquals("alpha must be a number.", e.getMessage());
    }
}
