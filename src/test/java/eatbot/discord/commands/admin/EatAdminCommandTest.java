package eatbot.discord.commands.admin;

import eatbot.bandit.GroupRule;
import eatbot.discord.commands.FakeCall;
import eatbot.discord.commands.Permissions;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Veto;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

import java.util.List;
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
        assertEquals("alpha must be a number, got 'lots'.", e.getMessage());
    }

    @Test
    void groupSettingsCallTheirServiceMethods() {
        when(service.setGroupRule("111", "product")).thenReturn(SETTINGS);
        when(service.setCooldown("111", 3)).thenReturn(SETTINGS);
        when(service.setGamma("111", 0.9)).thenReturn(SETTINGS);
        when(service.setColdStart("111", 5.0)).thenReturn(SETTINGS);
        when(service.setTimeZone("111", "Europe/Paris")).thenReturn(SETTINGS);
        admin.run(FakeCall.admin("group-rule", Map.of("rule", "product")));
        admin.run(FakeCall.admin("cooldown", Map.of("days", "3")));
        admin.run(FakeCall.admin("gamma", Map.of("value", "0.9")));
        admin.run(FakeCall.admin("cold-start", Map.of("strength", "5")));
        String shown = admin.run(FakeCall.admin("timezone", Map.of("zone", "Europe/Paris"))).message().getEmbeds().get(0).toData().toString();
        verify(service).setGroupRule("111", "product");
        verify(service).setCooldown("111", 3);
        verify(service).setGamma("111", 0.9);
        verify(service).setColdStart("111", 5.0);
        verify(service).setTimeZone("111", "Europe/Paris");
        assertTrue(shown.contains("Cold start"), shown);
        assertEquals("days must be a whole number, got '2.5'.",
                assertThrows(EatException.class, () -> admin.run(FakeCall.admin("cooldown", Map.of("days", "2.5")))).getMessage());
    }

    @Test
    void mealTimeAndVarietyCallTheirServiceMethodsAndShowInTheSettings() {
        when(service.setMealTime("111", "12:30")).thenReturn(SETTINGS.withMealTime(java.time.LocalTime.of(12, 30)));
        when(service.setVariety("111", 0.0)).thenReturn(SETTINGS.withVariety(0));
        String time = admin.run(FakeCall.admin("meal-time", Map.of("time", "12:30"))).message().getEmbeds().get(0).toData().toString();
        String variety = admin.run(FakeCall.admin("variety", Map.of("value", "0"))).message().getEmbeds().get(0).toData().toString();
        verify(service).setMealTime("111", "12:30");
        verify(service).setVariety("111", 0.0);
        assertTrue(time.contains("Meal time") && time.contains("12:30"), time);
        assertTrue(variety.contains("0 (liking only)"), variety);
        assertEquals(Permissions.ADMIN_ONLY, admin.refuse(FakeCall.member("variety", Map.of("value", "1"))));
    }

    @Test
    void serverVetoesAreTheServersNotTheAdmins() {
        assertEquals(Permissions.ADMIN_ONLY, admin.refuse(FakeCall.member("veto add", Map.of("tag", "smelly"))));
        when(service.veto("111", null, null, "smelly")).thenReturn(new Veto(null, null, null, "smelly"));
        assertEquals("🚫 eatbot will not suggest places tagged **smelly** on this server any more.",
                admin.run(FakeCall.admin("veto add", Map.of("tag", "smelly"))).message().getContent());
        verify(service).veto("111", null, null, "smelly");
        when(service.vetoes("111", null)).thenReturn(List.of(new Veto("222", 5L, "Sushi Go", null)));
        assertEquals("• **Sushi Go** — <@222>", admin.run(FakeCall.admin("veto list", Map.of())).message().getEmbeds().get(0).getDescription());
    }

    @Test
    void timeZonesAreAutocompleted() {
        List<String> zones = admin.autocomplete("111", "zone", "paris");
        assertEquals(List.of("Europe/Paris"), zones);
        assertTrue(admin.autocomplete("111", "zone", "").size() <= 25);
        assertTrue(admin.autocomplete("111", "zone", "Europe/").stream().allMatch(z -> z.startsWith("Europe/")));
    }
}
