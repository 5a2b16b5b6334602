package eatbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eatbot.Main;
import eatbot.config.ConfigLoader;
import eatbot.eat.EatService;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static eatbot.discord.DiscordDouble.awaitCondition;
import static eatbot.discord.DiscordEndToEndTest.options;
import static eatbot.discord.DiscordEndToEndTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's language on Discord, through the real JDA client and the local double:
 * commands registered with their zh-CN descriptions; a member whose client is set to
 * zh-CN gets /eat's answer (the pick's kind, why a better place was not picked, the
 * buttons) and its refusals in Chinese; one set to en-US gets the same in English.
 */
class DiscordLanguageTest {
    @TempDir
    static Path dir;
    static DiscordDouble discord;
    static Main.Bot bot;
    static String admin;
    /** One server per case (servers must exist before the bot connects). */
    static DiscordDouble.Guild chinese, english, empty;

    @BeforeAll
    static void start() throws Exception {
        discord = new DiscordDouble();
        chinese = discord.addGuild();
        english = discord.addGuild();
        empty = discord.addGuild();
        admin = discord.id();
        Map<String, String> env = Map.of(
                "EATBOT_DB", dir.resolve("eatbot.db").toString(),
                "EATBOT_DISCORD_REST_URL", discord.restUrl(),
                "EATBOT_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) bot.close();
        if (discord != null) discord.close();
    }

    @AfterEach
    void english() {
        discord.userLocale("en-US");
    }

    @Test
    void commandsAreRegisteredWithChineseDescriptionsAndEnglishNames() {
        JsonNode commands = discord.await("command registration",
                r -> r.method().equals("PUT") && r.path().equals("/api/v10/applications/" + DiscordDouble.BOT_ID + "/commands")).body();
        JsonNode eat = null;
        for (JsonNode c : commands) {
            if (c.get("name").asText().equals("eat")) eat = c;
            JsonNode names = c.get("name_localizations");
            assertTrue(names == null || names.isNull() || names.isEmpty(), "names stay English: " + c.get("name"));
            assertTrue(c.get("description_localizations").get("zh-CN").asText().matches(".*\\p{IsHan}.*"), c.toString());
        }
        assertEquals("推荐一家店，按你（和朋友们）的口味挑", eat.get("description_localizations").get("zh-CN").asText());
        assertEquals("排除带这些标签的店，如 spicy,smelly", eat.get("options").get(1).get("description_localizations").get("zh-CN").asText());
    }

    /** A place {@code user} liked (tagged spicy), and one nobody rated: /eat not:spicy picks the second and says why. */
    private DiscordDouble.Guild likedButFiltered(DiscordDouble.Guild g, String user) {
        EatService service = bot.app().service();
        service.addPlace(g.id(), admin, "Hot Pot", "spicy");
        Suggestion s = service.suggest(new SuggestRequest(g.id(), user, List.of(user), Set.of()));
        service.setReaction(g.id(), s.id(), user, Reaction.LIKE);
        service.addPlace(g.id(), admin, "Noodle Bar", "");
        return g;
    }

    @Test
    void aChineseClientGetsEatsAnswerInChinese() {
        String mei = discord.id();
        DiscordDouble.Guild g = likedButFiltered(chinese, mei);
        discord.userLocale("zh-CN");
        String[] eat = discord.slash(g, mei, false, "eat", options(str("not", "spicy")));
        ObjectNode message = discord.awaitOriginal(eat[1]);
        JsonNode embed = message.get("embeds").get(0);
        assertEquals("🍽️ Noodle Bar", embed.get("title").asText(), "place names are not translated");
        assertEquals("为 <@" + mei + "> 推荐", embed.get("description").asText());
        assertEquals("↪️ 退而求其次", field(embed, "推荐类型"));
        assertEquals("Hot Pot 本是你的首选，但被“not:spicy”排除了。", field(embed, "为什么没选别家"));
        assertTrue(embed.get("footer").get("text").asText().startsWith("点 👍 或 👎"), embed.toString());
        String buttons = message.get("components").toString();
        assertTrue(buttons.contains("换一家") && buttons.contains("就去这家"), buttons);

        String go = null;
        for (JsonNode b : message.get("components").get(0).get("components")) {
            if (b.get("custom_id").asText().startsWith("eat-go:")) go = b.get("custom_id").asText();
        }
        String[] press = discord.press(g, mei, message, go);
        String decided = discord.awaitOriginal(press[1]).get("content").asText();
        assertTrue(decided.startsWith("✅ <@" + mei + "> 拍板了：就去 **Noodle Bar**（#"), decided);
        assertTrue(decided.endsWith("推荐这家。再点一次“就去这家”可撤销。"), decided);
    }

    @Test
    void anEnglishClientGetsTheSameInEnglish() {
        String ann = discord.id();
        DiscordDouble.Guild g = likedButFiltered(english, ann);
        String[] eat = discord.slash(g, ann, false, "eat", options(str("not", "spicy")));
        JsonNode embed = discord.awaitOriginal(eat[1]).get("embeds").get(0);
        assertEquals("For <@" + ann + ">", embed.get("description").asText());
        assertEquals("↪️ The best of what is left", field(embed, "Pick"));
        assertEquals("Hot Pot, your best, is left out by not:spicy.", field(embed, "Not picked"));
    }

    @Test
    void aChineseClientIsRefusedInChinese() {
        discord.userLocale("zh-CN");
        String[] eat = discord.slash(empty, discord.id(), false, "eat", null);
        JsonNode refusal = awaitCondition("a follow-up for the asker", () -> discord.followUp(eat[1]));
        assertEquals("还没有任何店。用 /place add name:<店名> 加一家吧。", refusal.get("content").asText());

        String[] bad = discord.slash(empty, discord.id(), false, "eat", options(str("max-price", "$$$$$")));
        JsonNode refused = discord.awaitCallback(bad[0]);
        assertEquals("max-price 可选 $、$$、$$$ 或 $$$$（或 1 到 4），你填的是“$$$$$”。", refused.get("data").get("content").asText());
    }

    private static String field(JsonNode embed, String name) {
        for (JsonNode f : embed.get("fields")) if (f.get("name").asText().equals(name)) return f.get("value").asText();
        throw new AssertionError("no field " + name + " in " + embed);
    }
}
