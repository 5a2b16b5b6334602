package eatbot.discord.commands.admin;

import eatbot.ServiceFixture;
import eatbot.bandit.GroupRule;
import eatbot.discord.commands.Reply;
import eatbot.discord.commands.FakeCall;
import eatbot.discord.commands.Permissions;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Setting;
import eatbot.eat.Settings;
import eatbot.eat.SuggestionPolicy;
import eatbot.eat.Veto;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;

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

    @TempDir
    Path dir;

    @Test
    void hiddenFromNonAdminsByDefaultAndRefusedInTheHandlerToo() {
        assertEquals(Permission.getRaw(Permission.MANAGE_SERVER), admin.data().getDefaultPermissions().getPermissionsRaw());
        assertEquals(Permissions.ADMIN_ONLY, admin.refuse(FakeCall.member("policy", Map.of("name", "ucb1"))));
        assertNull(admin.refuse(FakeCall.admin("policy", Map.of("name", "ucb1"))));
        assertEquals(Permissions.ADMIN_ONLY, admin.refuse(FakeCall.member("variety", Map.of("value", "1"))));
    }

    @Test
    void everySettingIsASubcommandWithItsOptionsRangesAndChoices() {
        var data = admin.data();
        for (Setting<?> setting : Settings.ALL) {
            var sub = data.getSubcommands().stream().filter(x -> x.getName().equals(setting.key())).findFirst().orElseThrow();
            assertEquals(setting.options().stream().map(Setting.Option::name).toList(),
                    sub.getOptions().stream().map(OptionData::getName).toList(), setting.key());
            for (OptionData o : sub.getOptions()) {
                Setting.Option defined = setting.option(o.getName());
                assertEquals(defined.required(), o.isRequired(), o.getName());
                if (defined.range() != null) assertEquals(defined.range().max(), o.getMaxValue().doubleValue(), o.getName());
                assertEquals(defined.choices().stream().map(Setting.Choice::value).toList(),
                        o.getChoices().stream().map(c -> c.getAsString()).toList(), o.getName());
            }
        }
    }

    private static String shown(Reply r) {
        return r.message().getEmbeds().get(0).getDescription();
    }

    @Test
    void subcommandsChangeTheSettingsAndShowThem() {
        try (ServiceFixture f = new ServiceFixture(dir, 1)) {
            EatAdminCommand real = new EatAdminCommand(f.service);
            assertTrue(shown(real.run(FakeCall.admin("policy", Map.of("name", "ucb1")))).contains("Policy: ucb1 (c 1)"));
            assertTrue(shown(real.run(FakeCall.admin("exploration", Map.of("c", "2")))).contains("Policy: ucb1 (c 2)"));
            assertTrue(shown(real.run(FakeCall.admin("policy", Map.of("name", "epsilon-greedy", "epsilon", "0.2"))))
                    .contains("Policy: epsilon-greedy (epsilon 0.2)"));
            assertTrue(shown(real.run(FakeCall.admin("prior", Map.of("alpha", "2", "beta", "3")))).contains("Prior: Beta(2, 3)"));
            assertTrue(shown(real.run(FakeCall.admin("add-role", Map.of("role", "555")))).contains("Who may add places: <@&555> and admins"));
            assertTrue(shown(real.run(FakeCall.admin("add-role", Map.of()))).contains("Who may add places: everyone"));
            assertTrue(shown(real.run(FakeCall.admin("group-rule", Map.of("rule", "product")))).contains("Group rule: product"));
            assertTrue(shown(real.run(FakeCall.admin("cooldown", Map.of("days", "3")))).contains("Cooldown: 3 day(s)"));
            assertTrue(shown(real.run(FakeCall.admin("gamma", Map.of("value", "0.9")))).contains("Forgetting (gamma): 0.9"));
            assertTrue(shown(real.run(FakeCall.admin("cold-start", Map.of("strength", "5")))).contains("Cold start: up to 5 ratings"));
            assertTrue(shown(real.run(FakeCall.admin("timezone", Map.of("zone", "Europe/Paris")))).contains("Time zone: Europe/Paris"));
            assertTrue(shown(real.run(FakeCall.admin("meal-time", Map.of("time", "12:30")))).contains("Meal time: 12:30"));
            assertTrue(shown(real.run(FakeCall.admin("variety", Map.of("value", "0")))).contains("Variety: 0 (liking only)"));
            GuildSettings s = f.service.settings("111");
            assertEquals(GuildSettings.defaults().toBuilder().guildId("111").policy(new SuggestionPolicy.Greedy(0.2)).prior(2, 3)
                    .groupRule(GroupRule.PRODUCT).cooldownDays(3).discount(0.9).coldStartStrength(5).timeZone("Europe/Paris")
                    .mealTime(LocalTime.of(12, 30)).variety(0).build(), s, "what was shown was saved");
        }
    }

    @Test
    void aBadNumberIsAClearError() {
        try (ServiceFixture f = new ServiceFixture(dir, 1)) {
            EatAdminCommand real = new EatAdminCommand(f.service);
            EatException e = assertThrows(EatException.class, () -> real.run(FakeCall.admin("prior", Map.of("alpha", "lots", "beta", "1"))));
            assertEquals("alpha must be a number, got 'lots'.", e.getMessage());
            assertEquals("days must be a whole number, got '2.5'.",
                    assertThrows(EatException.class, () -> real.run(FakeCall.admin("cooldown", Map.of("days", "2.5")))).getMessage());
            assertEquals("Give alpha:<above 0, at most 1000>.",
                    assertThrows(EatException.class, () -> real.run(FakeCall.admin("prior", Map.of("beta", "1")))).getMessage());
        }
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
