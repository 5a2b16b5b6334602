package eatbot.config;

import eatbot.eat.GuildSettings;
import eatbot.eat.SuggestionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private ConfigLoader.Loaded load(String json, Map<String, String> env) throws IOException {
        Path f = dir.resolve("eatbot.json");
        Files.writeString(f, json);
        var all = new java.util.HashMap<>(env);
        all.put("EATBOT_CONFIG", f.toString());
        return ConfigLoader.load(all);
    }

    private String error(String json) {
        return assertThrows(ConfigLoader.ConfigException.class, () -> load(json, Map.of())).getMessage();
    }

    @Test
    void theExampleFileLoadsAndDocumentsEveryKey() {
        ConfigLoader.Loaded c = ConfigLoader.load(Map.of("EATBOT_CONFIG", "config/eatbot.example.json"));
        assertEquals(Path.of("data/eatbot.db"), c.database());
        assertEquals("thompson", c.defaults().policy().name());
        assertEquals(3, c.starters().size());
        assertEquals(2, c.defaults().cooldownDays());
        assertEquals(java.time.LocalTime.NOON, c.defaults().mealTime());
        assertEquals(0.5, c.defaults().variety());
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        ConfigLoader.Loaded c = ConfigLoader.check(EatbotConfig.defaultConfig(), Map.of(), "none");
        assertEquals(Path.of("data/eatbot.db"), c.database());
        assertEquals(GuildSettings.defaults(), c.defaults(), "each setting's default from the one list");
        assertNull(c.restUrl());
    }

    @Test
    void monitoringIsOffUnlessAPortIsGivenAndListensOnLoopbackByDefault() throws IOException {
        ConfigLoader.Loaded none = ConfigLoader.check(EatbotConfig.defaultConfig(), Map.of(), "none");
        assertNull(none.http().port(), "off when unset");
        ConfigLoader.Loaded file = load("{\"http\": {\"port\": 9100}}", Map.of());
        assertEquals(new ConfigLoader.Http("127.0.0.1", 9100), file.http());
        ConfigLoader.Loaded image = load("{\"http\": {\"port\": 9100}}", Map.of("EATBOT_HTTP_PORT", "8080", "EATBOT_HTTP_HOST", "0.0.0.0"));
        assertEquals(new ConfigLoader.Http("0.0.0.0", 8080), image.http());
        assertEquals("127.0.0.1", image.http().probeHost(), "the health command asks loopback");
        assertTrue(assertThrows(ConfigLoader.ConfigException.class, () -> load("{}", Map.of("EATBOT_HTTP_PORT", "eighty")))
                .getMessage().contains("EATBOT_HTTP_PORT must be a port number"));
        assertTrue(error("{\"http\": {\"port\": 70000}}").contains("http.port must be 0 to 65535"));
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        ConfigLoader.Loaded c = load("{\"database\": \"a.db\", \"discord\": {\"restUrl\": \"http://file\"}}",
                Map.of("EATBOT_DB", "/tmp/b.db", "EATBOT_DISCORD_REST_URL", "http://env", "EATBOT_DISCORD_GATEWAY_URL", "ws://gw"));
        assertEquals(Path.of("/tmp/b.db"), c.database());
        assertEquals("http://env", c.restUrl());
        assertEquals("ws://gw", c.gatewayUrl());
    }

    @Test
    void picturesGoNextToTheDatabaseUnlessAFolderIsConfigured() throws IOException {
        assertEquals(Path.of("data/eatbot-charts"), ConfigLoader.check(EatbotConfig.defaultConfig(), Map.of(), "none").charts());
        assertEquals(Path.of("/srv/two/other-charts"), load("{}", Map.of("EATBOT_DB", "/srv/two/other.db")).charts(),
                "a second database gets its own folder: nothing is shared or overwritten");
        assertEquals(Path.of("pics"), load("{\"charts\": \"pics\"}", Map.of()).charts());
        assertEquals(Path.of("data/eatbot-charts"), ConfigLoader.load(Map.of("EATBOT_CONFIG", "config/eatbot.example.json")).charts());
    }

    @Test
    void anUnknownKeyIsReportedByItsPath() {
        String m = error("{\"defaults\": {\"epsilom\": 0.2}}");
        assertTrue(m.contains("unknown key 'defaults.epsilom'"), m);
        assertTrue(m.contains("epsilon"), "lists the known keys: " + m);
    }

    @Test
    void badValuesAreReportedByName() {
        assertTrue(error("{\"defaults\": {\"epsilon\": 3}}").contains("defaults: epsilon must be between 0 and 1, got 3"));
        assertTrue(error("{\"defaults\": {\"policy\": \"coin\"}}").contains("unknown policy 'coin'"));
        assertTrue(error("{\"defaults\": {\"groupRule\": \"dictator\"}}").contains("unknown group rule 'dictator'"));
        assertTrue(error("{\"defaults\": {\"timeZone\": \"Mars/Olympus\"}}").contains("unknown time zone"));
        assertTrue(error("{\"defaults\": {\"mealTime\": \"25:00\"}}").contains("defaults: '25:00' is not a time of day"));
        assertTrue(error("{\"defaults\": {\"variety\": 1.5}}").contains("defaults: variety must be between 0 and 1, got 1.5"));
        assertTrue(error("{\"defaults\": {\"c\": \"big\"}}").contains("defaults: c must be a number, got 'big'."));
        assertTrue(error("{\"defaults\": {\"cooldownDays\": 2.5}}").contains("defaults: cooldownDays must be a whole number, got '2.5'."));
        assertTrue(error("{\"defaults\": {\"priorAlpha\": {\"x\": 1}}}").contains("wrong kind of value for 'defaults.priorAlpha'"));
        assertTrue(error("{\"starterPlaces\": [{\"name\": \"ok\"}, {\"name\": \"\"}]}").contains("starterPlaces[1]: A place needs a name."));
        assertTrue(error("{\"database\": ").contains("not valid JSON"));
        String hours = error("{\"starterPlaces\": [{\"name\": \"Late\", \"hours\": \"Mon 25:00-26:00\"}]}");
        assertTrue(hours.contains("starterPlaces[0]: "), hours);
        assertTrue(error("{\"starterPlaces\": [{\"name\": \"Posh\", \"tags\": [\"$$$$$\"]}]}")
                .endsWith("starterPlaces[0]: A price tag is $ to $$$$, not $$$$$."));
        assertTrue(error("{\"starterPlaces\": [{\"name\": \"Both\", \"tags\": [\"$\", \"$$$$\"]}]}")
                .endsWith("starterPlaces[0]: A place has one price tag, not $ and $$$$: keep the one that fits."));
    }

    @Test
    void anUnknownPolicyIsRefusedInOneLineNotTakenForAnother() {
        for (String name : new String[] {"ucb", "ts", "egreedy", "Thompson sampling"}) {
            String m = error("{\"defaults\": {\"policy\": \"" + name + "\"}}");
            assertTrue(m.endsWith(": defaults: unknown policy '" + name + "' (choose thompson, ucb1, epsilon-greedy)"), m);
            assertFalse(m.contains("\n"), m);
        }
    }

    @Test
    void aPolicyTakesOnlyItsOwnNumber() throws IOException {
        assertEquals(new SuggestionPolicy.Ucb(2), load("{\"defaults\": {\"policy\": \"ucb1\", \"c\": 2}}", Map.of()).defaults().policy());
        assertEquals(new SuggestionPolicy.Greedy(0.3),
                load("{\"defaults\": {\"policy\": \"epsilon-greedy\", \"epsilon\": \"0.3\"}}", Map.of()).defaults().policy());
        assertTrue(error("{\"defaults\": {\"policy\": \"thompson\", \"epsilon\": 0.1}}")
                .endsWith("defaults: epsilon is only for epsilon-greedy, and the policy is thompson."));
        assertTrue(error("{\"defaults\": {\"policy\": \"epsilon-greedy\", \"c\": 1}}")
                .endsWith("defaults: c is only for ucb1, and the policy is epsilon-greedy."));
    }

    @Test
    void aMissingNamedFileIsAnError() {
        var e = assertThrows(ConfigLoader.ConfigException.class,
                () -> ConfigLoader.load(Map.of("EATBOT_CONFIG", dir.resolve("nope.json").toString())));
        assertTrue(e.getMessage().contains("does not exist"));
    }
}
