package eatbot.discord;

import eatbot.discord.commands.CommandSet;
import eatbot.discord.commands.EatRateLimit;
import eatbot.eat.EatService;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * Every command path (command, subcommand, group, option, choice) has its words in each
 * commands bundle, the English one being what the code registers; localized texts fit
 * Discord's rules; and the data sent to Discord carries the zh-CN descriptions.
 */
class CommandLocalizationTest {
    /** Discord's rule for command, option and subcommand names (and they must be lower case). */
    static final Pattern DISCORD_NAME = Pattern.compile("^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");

    private final List<CommandData> registered = new CommandSet(mock(EatService.class), new EatRateLimit(6, () -> 0)).data();

    static Map<String, String> bundle(String suffix) throws IOException {
        String file = CommandLocalization.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (InputStream in = CommandLocalizationTest.class.getClassLoader().getResourceAsStream(file)) {
            assertNotNull(in, file);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            for (String k : p.stringPropertyNames()) out.put(k, p.getProperty(k));
            return out;
        }
    }

    @Test
    void theEnglishBundleIsWhatTheCodeRegisters() throws IOException {
        // a description changed in code shows up here, with the translations to look at again
        Map<String, String> code = CommandPaths.of(registered), english = bundle("");
        Map<String, String> differ = new TreeMap<>();
        code.forEach((k, v) -> { if (!v.equals(english.get(k))) differ.put(k, "code says: " + v); });
        english.keySet().stream().filter(k -> !code.containsKey(k)).forEach(k -> differ.put(k, "no such path any more"));
        assertEquals(Map.of(), differ, "commands.properties (and each translation) to bring up to date");
    }

    @Test
    void everyLanguageHasEveryPathAndFitsDiscordsLimits() throws IOException {
        Map<String, String> english = bundle("");
        for (DiscordLocale l : CommandLocalization.LOCALES) {
            Map<String, String> own = bundle("_" + l.getLocale().replace('-', '_'));
            assertEquals(english.keySet(), own.keySet(), "paths of " + l.getLocale());
            own.forEach((key, text) -> {
                assertFalse(text.isBlank(), key);
                assertTrue(text.codePointCount(0, text.length()) <= 100, "Discord takes at most 100 characters: " + key);
                boolean isName = key.endsWith(".name") && !key.contains(".choices.");
                if (isName) {
                    assertTrue(DISCORD_NAME.matcher(text).matches(), "not a name Discord takes: " + key + "=" + text);
                    assertEquals(text.toLowerCase(java.util.Locale.ROOT), text, "names are lower case: " + key);
                }
            });
        }
    }

    @Test
    void theDataSentCarriesTheChineseDescriptionsAndEnglishNames() throws IOException {
        Map<String, String> zh = bundle("_zh_CN");
        Map<String, DataObject> sent = new TreeMap<>();
        for (CommandData c : CommandLocalization.localized(registered)) sent.put(c.getName(), c.toData());

        DataObject eat = sent.get("eat");
        assertEquals(zh.get("eat.description"), eat.getObject("description_localizations").getString("zh-CN"));
        DataObject with = option(eat, "with");
        assertEquals("还有谁一起吃：@ 他们，如 @alice @bob", with.getObject("description_localizations").getString("zh-CN"));
        DataObject add = option(sent.get("place"), "add");
        assertEquals("添加一家店", add.getObject("description_localizations").getString("zh-CN"));
        DataObject vetoAdd = option(option(sent.get("eat-admin"), "veto"), "add");
        assertEquals(zh.get("eat-admin.veto.add.description"), vetoAdd.getObject("description_localizations").getString("zh-CN"));
        DataObject rule = option(option(sent.get("eat-admin"), "group-rule"), "rule");
        DataObject least = rule.getArray("choices").getObject(0);
        assertTrue(least.getObject("name_localizations").getString("zh-CN").startsWith("最少委屈"), least.toString());
        for (DataObject c : sent.values()) {
            assertTrue(c.optObject("name_localizations").map(DataObject::keys).orElse(java.util.Set.of()).isEmpty(),
                    "command names stay English: " + c.getString("name"));
        }
    }

    private static DataObject option(DataObject parent, String name) {
        var options = parent.getArray("options");
        for (int i = 0; i < options.length(); i++) {
            if (options.getObject(i).getString("name").equals(name)) return options.getObject(i);
        }
        throw new AssertionError("no option " + name + " in " + parent);
    }
}
