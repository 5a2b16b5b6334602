package eatbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eatbot.Main;
import eatbot.config.ConfigLoader;
import eatbot.discord.commands.Permissions;
import eatbot.discord.commands.PrivacyCommand;
import eatbot.eat.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eatbot.discord.DiscordDouble.awaitCondition;
import static eatbot.discord.DiscordEndToEndTest.options;
import static eatbot.discord.DiscordEndToEndTest.str;
import static eatbot.discord.DiscordEndToEndTest.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edges where data was lost or doubled (issue 13), through the real JDA
 * client against the Discord double: duplicate deliveries, emoji variants and
 * super reactions, reactions that race the reply, hostile options; and the
 * paths that held (other servers, forged buttons, admin commands), so they keep holding.
 * Every guild here is the test's own, so what it counts is its own doing.
 */
class DiscordEdgesTest {
    private static final String LIKE = "👍";
    private static final String DISLIKE = "👎";

    @TempDir
    static Path dir;
    static DiscordDouble discord;
    static Main.Bot bot;
    static Path db;
    static DiscordDouble.Guild dup, variants, burst, racing, thinking, home, away, quiet;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        discord = new DiscordDouble();
        dup = discord.addGuild();
        variants = discord.addGuild();
        burst = discord.addGuild();
        racing = discord.addGuild();
        thinking = discord.addGuild();
        home = discord.addGuild();
        away = discord.addGuild();
        quiet = discord.addGuild();
        admin = discord.id();
        db = dir.resolve("eatbot.db");
        Path config = dir.resolve("eatbot.json");
        Files.writeString(config, "{ \"discord\": { \"eatPerMinute\": 10 } }");
        bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(Map.of(
                "EATBOT_CONFIG", config.toString(),
                "EATBOT_DB", db.toString(),
                "EATBOT_DISCORD_REST_URL", discord.restUrl(),
                "EATBOT_DISCORD_GATEWAY_URL", discord.gatewayUrl())));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) bot.close();
        if (discord != null) discord.close();
    }

    // ---- 1. once per interaction ----

    @Test
    void aDuplicatedInteractionMakesOneSuggestionAndShowsNothingMore() throws Exception {
        bot.app().service().addPlace(dup.id(), admin, "Once Only Pho", "");
        String amy = discord.id();
        String[] eat = discord.slash(dup, amy, false, "eat", null);
        discord.awaitOriginal(eat[1]);
        awaitSettled();

        discord.redeliver(eat[0]); // same id, same token: Discord answers the second acknowledgement with 40060
        awaitCondition("the second acknowledgement", () -> Optional.ofNullable(discord.callbacks(eat[0]) == 2 ? true : null));
        awaitSettled();

        assertEquals(1, rows("SELECT count(*) FROM suggestions WHERE guild_id = ?", dup.id()), "one suggestion, listed once in /eat-history");
        long edits = discord.requests().stream().filter(r -> r.path().startsWith("/api/v10/webhooks/") && r.path().contains("/" + eat[1])).count();
        assertEquals(1, edits, "the reply was written once");
        assertTrue(discord.followUp(eat[1]).isEmpty(), "and nothing else was shown");
    }

    // ---- 2. variants of one reaction ----

    @Test
    void aSkinToneVariantRemovedLeavesThePlainThumbsUpCounted() throws Exception {
        DiscordDouble.Guild g = variants;
        Option place = bot.app().service().addPlace(g.id(), admin, "Variant Noodles", "");
        String messageId = suggestionMessage(g);
        String bob = discord.id();
        String marker = discord.id();

        discord.reactionAdd(g, bob, messageId, LIKE);
        discord.reactionAdd(g, bob, messageId, "👍🏽");
        discord.reactionRemove(g, bob, messageId, "👍🏽");
        markAfter(g, marker, messageId, place);
        assertEquals(List.of(1, 0), counts(g.id(), bob, place.id()), "👍 is still on the message");
        assertEquals(1, rows("SELECT count(*) FROM feedback WHERE user_id = ? AND retracted_at IS NULL", bob), "two variants are one like");

        discord.reactionAdd(g, bob, messageId, "👍🏽");
        discord.reactionRemove(g, bob, messageId, LIKE);
        markAfter(g, marker, messageId, place);
        assertEquals(List.of(1, 0), counts(g.id(), bob, place.id()), "👍🏽 is still there");

        discord.reactionRemove(g, bob, messageId, "👍🏽");
        awaitCounts(g, bob, place.id(), 0, 0);
    }

    @Test
    void aSuperThumbsUpRemovedLeavesTheNormalOneCounted() throws Exception {
        DiscordDouble.Guild g = burst;
        Option place = bot.app().service().addPlace(g.id(), admin, "Burst Bakery", "");
        String messageId = suggestionMessage(g);
        String cat = discord.id();
        String marker = discord.id();

        discord.reactionAdd(g, cat, messageId, LIKE, false);
        discord.reactionAdd(g, cat, messageId, LIKE, true);
        discord.reactionRemove(g, cat, messageId, LIKE, true);
        markAfter(g, marker, messageId, place);
        assertEquals(List.of(1, 0), counts(g.id(), cat, place.id()), "the normal 👍 is still on the message");

        discord.reactionRemove(g, cat, messageId, LIKE, false);
        awaitCounts(g, cat, place.id(), 0, 0);
    }

    // ---- 3. reactions that race the reply ----

    @Test
    void aThumbsUpSentWhileTheReplysEditIsUnansweredIsCounted() throws Exception {
        DiscordDouble.Guild g = racing;
        Option place = bot.app().service().addPlace(g.id(), admin, "Racing Ramen", "");
        String dee = discord.id();
        DiscordDouble.Gate edit = discord.holdAnswers("PATCH", "/messages/@original");
        String[] eat;
        try {
            eat = discord.slash(g, discord.id(), false, "eat", null);
            String messageId = discord.awaitThinking(eat[1]).get("id").asText();
            edit.awaitReached(); // the suggestion is written, Discord has the edit but has not answered it
            discord.reactionAdd(g, dee, messageId, LIKE);
        } finally {
            edit.open();
        }
        discord.awaitOriginal(eat[1]);
        awaitCounts(g, dee, place.id(), 1, 0);
    }

    @Test
    void aThumbsUpOnTheThinkingMessageIsCountedOnceItBecomesTheSuggestion() throws Exception {
        DiscordDouble.Guild g = thinking;
        Option place = bot.app().service().addPlace(g.id(), admin, "Thinking Thali", "");
        String eve = discord.id();
        DiscordDouble.Gate ack = discord.holdAnswers("POST", "/callback");
        String[] eat;
        try {
            eat = discord.slash(g, discord.id(), false, "eat", null);
            ack.awaitReached();
            String messageId = discord.awaitThinking(eat[1]).get("id").asText();
            discord.reactionAdd(g, eve, messageId, LIKE); // on "eatbot is thinking…", before any suggestion exists
        } finally {
            ack.open();
        }
        discord.awaitOriginal(eat[1]);
        awaitCounts(g, eve, place.id(), 1, 0);
    }

    // ---- 5. hostile options: one short line that escapes what it quotes ----

    @Test
    void placeWithoutASubcommandIsAnsweredNotAnError() {
        String[] place = discord.slash(quiet, discord.id(), false, "place", null);
        JsonNode answer = discord.awaitCallback(place[0]);
        assertEquals(4, answer.get("type").asInt(), "refused at once");
        String text = answer.get("data").get("content").asText();
        assertEquals("Use /place add, list, edit, remove, rename, export or import.", text);
    }

    @Test
    void aTenThousandCharacterTimeIsRefusedInOneShortEscapedLine() {
        String[] eat = discord.slash(quiet, discord.id(), false, "eat", options(str("at", "**fri** " + "9".repeat(10_000))));
        JsonNode answer = discord.awaitCallback(eat[0]);
        String text = answer.get("data").get("content").asText();
        assertTrue(text.length() <= 200, text.length() + " characters");
        assertEquals("at can have at most 20 characters.", text, "the option's limit, as Discord's client keeps it");
        String[] day = discord.slash(quiet, discord.id(), false, "eat", options(str("at", "__mon 12:00")));
        String dayText = discord.awaitCallback(day[0]).get("data").get("content").asText();
        assertTrue(dayText.startsWith("'\\_\\_mon 12:00' is not a time."), dayText);
    }

    // ---- what held: other servers, forged buttons, admin commands ----

    @Test
    void buttonsAndEatWhyFromAnotherServerLearnNothingOfThisOnesSuggestion() throws Exception {
        bot.app().service().addPlace(home.id(), admin, "Secret Satay", "");
        ObjectNode shown = suggestion(home);
        long id = bot.app().service().suggestionForMessage(shown.get("id").asText()).orElseThrow().id();
        int before = rows("SELECT count(*) FROM suggestions");
        String mallory = discord.id();

        String[] why = discord.press(away, mallory, shown, "eat-why:" + id);
        String[] again = discord.press(away, mallory, shown, "eat-again:" + id);
        String[] slashWhy = discord.slash(away, mallory, false, "eat-why",
                options(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", "id").put("type", 4).put("value", id)));
        for (String[] i : List.of(why, again, slashWhy)) {
            String seen = answerTo(i).toString();
            assertFalse(seen.contains("Satay"), seen);
            assertTrue(discord.requests().stream().filter(r -> r.path().contains("/" + i[1] + "/")).noneMatch(r -> !r.files().isEmpty()),
                    "no picture of another server's suggestion");
        }
        assertEquals(before, rows("SELECT count(*) FROM suggestions"), "no suggestion was made from another server's");
    }

    @Test
    void aForgedForgetButtonNamingSomeoneElseIsRefused() throws Exception {
        bot.app().service().addPlace(home.id(), admin, "Forget Me Not Falafel", "");
        ObjectNode shown = suggestion(home);
        String messageId = shown.get("id").asText();
        String victim = discord.id();
        discord.reactionAdd(home, victim, messageId, LIKE);
        long placeId = bot.app().service().suggestionForMessage(messageId).orElseThrow().option().id();
        awaitCounts(home, victim, placeId, 1, 0);

        String[] forged = discord.press(home, discord.id(), shown, PrivacyCommand.FORGET + victim);
        JsonNode refusal = discord.awaitCallback(forged[0]);
        assertEquals("Only the person who asked can confirm this.", refusal.get("data").get("content").asText());
        assertEquals(1, rows("SELECT count(*) FROM feedback WHERE user_id = ?", victim), "nothing was deleted");
    }

    @Test
    void adminCommandsFromMembersWithoutManageServerOrWithAnotherServersRoleChangeNothing() throws Exception {
        bot.app().service().addPlace(home.id(), admin, "Keep Kebab", "");
        ObjectNode plain = discord.member(home, discord.id(), false);
        ObjectNode borrowed = discord.member(home, discord.id(), false);
        borrowed.putArray("roles").add(away.adminRoleId()); // the admin role of a server where they do have it
        for (ObjectNode member : List.of(plain, borrowed)) {
            String[] remove = discord.slashAs(home, member, "place", options(sub("remove", str("name", "Keep Kebab"))));
            assertEquals(Permissions.ADMIN_ONLY, discord.awaitCallback(remove[0]).get("data").get("content").asText());
            String[] gamma = discord.slashAs(home, member, "eat-admin",
                    options(sub("gamma", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                            .put("name", "value").put("type", 10).put("value", 0.5))));
            assertEquals(Permissions.ADMIN_ONLY, discord.awaitCallback(gamma[0]).get("data").get("content").asText());
        }
        assertEquals(1, rows("SELECT count(*) FROM options WHERE guild_id = ? AND name = 'Keep Kebab' AND archived = 0", home.id()));
        assertEquals("1.0", text("SELECT discount FROM guilds WHERE id = ?", home.id()));
    }

    // ---- helpers ----

    /** Asks /eat in the guild and waits until its message is linked to the suggestion; returns the message id. */
    private static String suggestionMessage(DiscordDouble.Guild g) {
        return suggestion(g).get("id").asText();
    }

    /** Asks /eat in the guild and waits until its message is linked to the suggestion; returns the message. */
    private static ObjectNode suggestion(DiscordDouble.Guild g) {
        String[] eat = discord.slash(g, discord.id(), false, "eat", null);
        ObjectNode message = discord.awaitOriginal(eat[1]);
        String messageId = message.get("id").asText();
        awaitCondition("the message to be attached", () -> bot.app().service().suggestionForMessage(messageId));
        return message;
    }

    /**
     * Reactions are recorded one at a time in gateway order: once a 👎 sent
     * after them is counted, those before are done. Leaves the marker at 0/0.
     */
    private static void markAfter(DiscordDouble.Guild g, String marker, String messageId, Option place) {
        discord.reactionAdd(g, marker, messageId, DISLIKE);
        awaitCounts(g, marker, place.id(), 0, 1);
        discord.reactionRemove(g, marker, messageId, DISLIKE);
        awaitCounts(g, marker, place.id(), 0, 0);
    }

    private static void awaitSettled() {
        awaitCondition("every interaction to be answered", () -> Optional.ofNullable(bot.discord().interactionsUnderWay() == 0 ? true : null));
    }

    /** Whatever the bot said to the interaction: its callback and, if it deferred, its reply or follow-up. */
    private static JsonNode answerTo(String[] interaction) {
        JsonNode callback = discord.awaitCallback(interaction[0]);
        if (callback.get("type").asInt() == 4) return callback;
        awaitSettled();
        return discord.requests().stream().filter(r -> r.path().contains("/" + interaction[1]))
                .map(DiscordDouble.Request::body).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(callback);
    }

    private static void awaitCounts(DiscordDouble.Guild g, String user, long optionId, int likes, int dislikes) {
        StoredCounts.await(db, g, user, optionId, likes, dislikes);
    }

    static List<Integer> counts(String guild, String user, long optionId) throws SQLException {
        return StoredCounts.of(db, guild, user, optionId);
    }

    static int rows(String sql, String... args) throws SQLException {
        return Integer.parseInt(text(sql, args));
    }

    static String text(String sql, String... args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
