package eatbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eatbot.Main;
import eatbot.config.ConfigLoader;
import eatbot.discord.commands.Permissions;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eatbot.discord.DiscordDouble.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real JDA client, started through the bot's normal start-up path, against
 * a local Discord double: slash commands in, replies and reactions out, and the
 * effects read back from the SQLite file. One bot serves every case.
 */
class DiscordEndToEndTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String LIKE = "👍";
    private static final String DISLIKE = "👎";

    @TempDir
    static Path dir;
    static DiscordDouble discord;
    static Main.Bot bot;
    static Path db;
    static DiscordDouble.Guild lunch;
    static DiscordDouble.Guild other;
    /** Only the reaction test's place lives here, so its suggestion is known. */
    static DiscordDouble.Guild pho;
    /** Only the group test's places live here, so its filters decide the pick. */
    static DiscordDouble.Guild together;
    static DiscordDouble.Guild planning;
    /** No places: /taste answers in words, so asking for pictures costs nothing here. */
    static DiscordDouble.Guild quiet;
    /** One place whose link Discord refuses in an embed. */
    static DiscordDouble.Guild broken;
    /** One place; channels with overwrites that take from eatbot what learning needs (see the tests). */
    static DiscordDouble.Guild walls;
    static DiscordDouble.Guild hidden;
    static DiscordDouble.Guild sealed;
    static DiscordDouble.Guild noHistory;
    static DiscordDouble.Guild noReactions;
    static DiscordDouble.Guild refusing;
    static DiscordDouble.Guild thread;
    /** The "We're going" test's guild: its meals make places rest, which no other test should meet. */
    static DiscordDouble.Guild going;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        discord = new DiscordDouble();
        lunch = discord.addGuild();
        other = discord.addGuild();
        pho = discord.addGuild();
        together = discord.addGuild();
        planning = discord.addGuild();
        quiet = discord.addGuild();
        going = discord.addGuild();
        broken = discord.addGuild();
        walls = discord.addGuild();
        hidden = discord.addChannel(walls, DiscordDouble.Overwrite.denyEveryone(walls, DiscordDouble.VIEW_CHANNEL));
        sealed = discord.addChannel(walls, DiscordDouble.Overwrite.denyEveryone(walls, DiscordDouble.VIEW_CHANNEL),
                DiscordDouble.Overwrite.denyBotRole(walls, DiscordDouble.READ_MESSAGE_HISTORY));
        noHistory = discord.addChannel(walls, DiscordDouble.Overwrite.denyBotRole(walls, DiscordDouble.READ_MESSAGE_HISTORY));
        noReactions = discord.addChannel(walls, DiscordDouble.Overwrite.denyBot(DiscordDouble.ADD_REACTIONS));
        refusing = discord.addChannel(walls);
        discord.refuseOwnReactionsIn(refusing);
        thread = discord.addUncachedThread(hidden);
        admin = discord.id();
        db = dir.resolve("eatbot.db");
        Path config = dir.resolve("eatbot.json");
        Files.writeString(config, "{ \"discord\": { \"eatPerMinute\": 3 } }");
        Map<String, String> env = Map.of(
                "EATBOT_CONFIG", config.toString(),
                "EATBOT_DB", db.toString(),
                "EATBOT_DISCORD_REST_URL", discord.restUrl(),
                "EATBOT_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        bot = Main.startBot(DiscordDouble.TOKEN, ConfigLoader.load(env));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) bot.close();
        if (discord != null) discord.close();
    }

    // ---- start-up ----

    @Test
    void connectsWithOnlyTheReactionIntentAndRegistersEveryCommand() {
        // GUILDS (which JDA always asks for) and GUILD_MESSAGE_REACTIONS; nothing privileged
        assertEquals(1 | 1 << 10, discord.identify().get("intents").asInt());
        JsonNode commands = discord.await("command registration",
                r -> r.method().equals("PUT") && r.path().equals("/api/v10/applications/" + DiscordDouble.BOT_ID + "/commands")).body();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.get("name").asText()));
        assertEquals(List.of("eat", "eat-plan", "eat-history", "eat-why", "place", "veto", "taste", "privacy", "eat-admin", "eat-help"), names);
        commands.forEach(c -> {
            String perms = c.get("name").asText().equals("eat-admin") ? String.valueOf(DiscordDouble.MANAGE_GUILD) : null;
            JsonNode p = c.get("default_member_permissions");
            assertEquals(perms, p == null || p.isNull() ? null : p.asText(), c.get("name").asText());
        });
    }

    @Test
    void aWrongTokenStopsStartUpWithAClearMessage() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            code = Main.run(new String[0], Map.of("DISCORD_TOKEN", "wrong",
                    "EATBOT_DB", dir.resolve("wrong-token.db").toString(),
                    "EATBOT_DISCORD_REST_URL", discord.restUrl(), "EATBOT_DISCORD_GATEWAY_URL", discord.gatewayUrl()));
        } finally {
            System.setErr(err);
        }
        assertEquals(4, code);
        assertTrue(captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Discord refused the token"));
    }

    // ---- /eat and reactions ----

    @Test
    void eatPostsASuggestionAndAnotherUsersThumbsUpChangesTheirPreference() throws Exception {
        DiscordDouble.Guild g = DiscordEndToEndTest.pho;
        Option pho = bot.app().service().addPlace(g.id(), admin, "Pho 99 *best*", "vietnamese,soup");
        String alice = discord.id();
        String bob = discord.id();
        String carol = discord.id();

        String[] eat = discord.slash(g, alice, false, "eat", null);
        JsonNode ack = discord.awaitCallback(eat[0]);
        assertEquals(5, ack.get("type").asInt(), "deferred");
        assertFalse(ephemeral(ack.get("data")), "everyone sees the suggestion");
        ObjectNode message = discord.awaitOriginal(eat[1]);
        String messageId = message.get("id").asText();
        JsonNode embed = message.get("embeds").get(0);
        assertTrue(embed.get("title").asText().contains("Pho 99 \\*best\\*"), embed.toString());
        assertTrue(embed.toString().contains("vietnamese"));
        assertTrue(message.get("components").toString().contains("eat-again:"), "an 'another one' button");
        for (String emoji : List.of(LIKE, DISLIKE)) {
            discord.await("the bot's own " + emoji, r -> r.method().equals("PUT")
                    && r.path().equals("/api/v10/channels/" + g.channelId() + "/messages/" + messageId + "/reactions/" + emoji + "/@me"));
        }
        awaitCondition("the message to be attached", () -> bot.app().service().suggestionForMessage(messageId));

        // the bot's own reactions arrive as events too, and teach nothing
        discord.reactionAdd(g, DiscordDouble.BOT_ID, messageId, LIKE);
        discord.reactionAdd(g, bob, messageId, LIKE);
        awaitCounts(g, bob, pho.id(), 1, 0);
        assertEquals(List.of(0, 0), counts(g.id(), alice, pho.id()), "only the person who reacted learns");
        assertEquals(List.of(0, 0), counts(g.id(), DiscordDouble.BOT_ID, pho.id()));

        // the same event delivered twice counts once
        discord.replayLast();
        discord.reactionAdd(g, carol, messageId, DISLIKE);
        awaitCounts(g, carol, pho.id(), 0, 1); // events are recorded in order: bob's replay is done by now
        assertEquals(List.of(1, 0), counts(g.id(), bob, pho.id()));

        // added, removed, added: ends where the last visible reaction is
        discord.reactionRemove(g, bob, messageId, LIKE);
        awaitCounts(g, bob, pho.id(), 0, 0);
        discord.reactionAdd(g, bob, messageId, LIKE);
        awaitCounts(g, bob, pho.id(), 1, 0);
        discord.reactionRemove(g, carol, messageId, DISLIKE);
        discord.reactionRemove(g, carol, messageId, DISLIKE);
        awaitCounts(g, carol, pho.id(), 0, 0);

        // deleting the message keeps what people last said; a late replay changes nothing
        discord.messageDelete(g, messageId);
        discord.reactionAdd(g, bob, messageId, LIKE);
        discord.reactionAdd(g, carol, messageId, LIKE);
        awaitCounts(g, carol, pho.id(), 1, 0);
        assertEquals(List.of(1, 0), counts(g.id(), bob, pho.id()));
    }


    @Test
    void anotherOneReRollsWithoutThePreviousPickAndCountsNoDislike() throws Exception {
        DiscordDouble.Guild g = other;
        String dan = discord.id();
        bot.app().service().addPlace(g.id(), admin, "Curry House", "indian");
        bot.app().service().addPlace(g.id(), admin, "Taco Stand", "mexican");
        String[] eat = discord.slash(g, dan, false, "eat", null);
        ObjectNode first = discord.awaitOriginal(eat[1]);
        String firstTitle = first.get("embeds").get(0).get("title").asText();
        String button = first.get("components").get(0).get("components").get(0).get("custom_id").asText();

        String[] press = discord.press(g, dan, first, button);
        assertEquals(5, discord.awaitCallback(press[0]).get("type").asInt(), "a new public reply, deferred");
        ObjectNode second = discord.awaitOriginal(press[1]);
        String secondTitle = second.get("embeds").get(0).get("title").asText();
        assertNotEquals(firstTitle, secondTitle, "the previous pick is left out");
        long firstPlace = bot.app().service().place(g.id(), firstTitle.replace("🍽️ ", "")).id();
        assertEquals(List.of(0, 0), counts(g.id(), dan, firstPlace), "asking for another one is not a dislike");
    }

    @Test
    void weAreGoingDecidesForThePeopleOfTheSuggestionPressingAgainUndoesAndOthersAreRefused() throws Exception {
        DiscordDouble.Guild g = going;
        bot.app().service().addPlace(g.id(), admin, "Going Noodles", "");
        String ada = discord.id();
        String[] eat = discord.slash(g, ada, false, "eat", null);
        ObjectNode message = discord.awaitOriginal(eat[1]);
        String go = null;
        for (JsonNode b : message.get("components").get(0).get("components")) {
            if (b.get("custom_id").asText().startsWith("eat-go:")) go = b.get("custom_id").asText();
        }
        assertTrue(go != null && message.get("components").toString().contains("We're going"), message.toString());
        String id = go.substring("eat-go:".length());

        // who may decide is read from the database, off the gateway thread: the refusal comes as a follow-up only they see
        String[] intruder = discord.press(g, discord.id(), message, go);
        assertEquals(5, discord.awaitCallback(intruder[0]).get("type").asInt());
        JsonNode refusal = awaitCondition("a follow-up for the presser", () -> discord.followUp(intruder[1]));
        assertTrue(ephemeral(refusal), "only the presser sees the refusal");
        assertEquals("Only the people suggestion #" + id + " was made for can decide to go.", refusal.get("content").asText());
        discord.await("the public 'thinking…' taken away", r -> r.method().equals("DELETE")
                && r.path().equals("/api/v10/webhooks/" + DiscordDouble.BOT_ID + "/" + intruder[1] + "/messages/@original"));
        assertEquals(0, rows("SELECT count(*) FROM meals WHERE guild_id = ?", g.id()));

        String[] yes = discord.press(g, ada, message, go);
        assertFalse(ephemeral(discord.awaitCallback(yes[0]).get("data")), "the group sees the decision");
        String decided = discord.awaitOriginal(yes[1]).get("content").asText();
        assertTrue(decided.startsWith("✅ <@" + ada + "> decided: going to **Going Noodles** (#" + id + "). It rests for <@" + ada + "> until <t:"), decided);
        assertEquals(1, rows("SELECT count(*) FROM meals WHERE guild_id = ? AND undone_at IS NULL", g.id()));

        String[] undo = discord.press(g, ada, message, go);
        String undone = discord.awaitOriginal(undo[1]).get("content").asText();
        assertEquals("↩️ <@" + ada + "> undid it: not going to **Going Noodles** (#" + id + ") after all; it does not rest.", undone);
        assertEquals(0, rows("SELECT count(*) FROM meals WHERE guild_id = ? AND undone_at IS NULL", g.id()));
        assertEquals(1, rows("SELECT count(*) FROM meals WHERE guild_id = ?", g.id()), "the undone decision stays in the log");
    }

    @Test
    void anotherOneCountsAgainstTheSameLimitAsEat() {
        DiscordDouble.Guild g = other;
        bot.app().service().addPlace(g.id(), admin, "Limit Soup", "");
        bot.app().service().addPlace(g.id(), admin, "Limit Salad", "");
        String una = discord.id();
        String[] eat = discord.slash(g, una, false, "eat", null);
        ObjectNode first = discord.awaitOriginal(eat[1]);
        String again = first.get("components").get(0).get("components").get(0).get("custom_id").asText();
        String[] second = discord.press(g, una, first, again);
        assertEquals(5, discord.awaitCallback(second[0]).get("type").asInt());
        discord.awaitOriginal(second[1]);
        String[] third = discord.slash(g, una, false, "eat", null);
        assertEquals(5, discord.awaitCallback(third[0]).get("type").asInt());
        discord.awaitOriginal(third[1]); // its suggestion is written before the reply: count after it
        int before = suggestionRows(g.id());

        String[] fourth = discord.press(g, una, first, again);
        JsonNode refusal = discord.awaitCallback(fourth[0]);
        assertEquals(4, refusal.get("type").asInt(), "answered at once: the press is acknowledged");
        assertTrue(ephemeral(refusal.get("data")));
        assertTrue(refusal.get("data").get("content").asText()
                .matches("Easy! You asked for 3 suggestions in the last minute\\. Try again in \\d+ s\\."), refusal.toString());
        assertEquals(before, suggestionRows(g.id()), "no suggestion was made");
    }

    @Test
    void picturesHaveTheirOwnLimitSharedByTasteEatWhyAndTheWhyButton() {
        DiscordDouble.Guild g = quiet;
        String vic = discord.id();
        ObjectNode someMessage = null;
        for (int i = 0; i < eatbot.discord.commands.CommandSet.PICTURES_PER_MINUTE; i++) {
            String[] taste = discord.slash(g, vic, false, "taste", null);
            assertEquals(5, discord.awaitCallback(taste[0]).get("type").asInt());
            someMessage = discord.awaitOriginal(taste[1]);
        }
        String limited = "Easy! You asked for " + eatbot.discord.commands.CommandSet.PICTURES_PER_MINUTE + " pictures in the last minute.";
        String[] why = discord.slash(g, vic, false, "eat-why", options(F.objectNode().put("name", "id").put("type", 4).put("value", 1)));
        JsonNode refusal = discord.awaitCallback(why[0]);
        assertEquals(4, refusal.get("type").asInt());
        assertTrue(ephemeral(refusal.get("data")));
        assertTrue(refusal.get("data").get("content").asText().startsWith(limited), refusal.toString());

        String[] press = discord.press(g, vic, someMessage, "eat-why:1");
        JsonNode pressRefusal = discord.awaitCallback(press[0]);
        assertEquals(4, pressRefusal.get("type").asInt(), "the press is acknowledged with the refusal");
        assertTrue(ephemeral(pressRefusal.get("data")));
        assertTrue(pressRefusal.get("data").get("content").asText().startsWith(limited), pressRefusal.toString());

        // pictures are not suggestions: /eat is still open to vic (and answers that there are no places)
        String[] eat = discord.slash(g, vic, false, "eat", null);
        assertEquals(5, discord.awaitCallback(eat[0]).get("type").asInt());
        String[] someoneElse = discord.slash(g, discord.id(), false, "taste", null);
        assertEquals(5, discord.awaitCallback(someoneElse[0]).get("type").asInt(), "someone else is not held back");
    }

    @Test
    void withRefusesABotByNameAndWritesNothing() {
        DiscordDouble.Guild g = quiet;
        String robo = discord.addBot("RoboChef");
        String wes = discord.id();
        String xan = discord.id();
        int before = suggestionRows(g.id());

        String[] tried = discord.slash(g, wes, false, "eat", options(str("with", "<@" + xan + "> <@" + robo + ">")),
                discord.mentioned(g, xan, robo));
        JsonNode refusal = discord.awaitCallback(tried[0]);
        assertEquals(4, refusal.get("type").asInt(), "refused at once");
        assertTrue(ephemeral(refusal.get("data")), "only the caller sees it");
        assertEquals("with: takes people; @RoboChef is a bot.", refusal.get("data").get("content").asText());

        String[] me = discord.slash(g, wes, false, "eat", options(str("with", "<@!" + DiscordDouble.BOT_ID + ">")),
                discord.mentioned(g, DiscordDouble.BOT_ID));
        assertEquals("with: takes people; @eatbot is a bot.", discord.awaitCallback(me[0]).get("data").get("content").asText());

        // a mention Discord did not resolve is not guessed at
        String[] unresolved = discord.slash(g, wes, false, "eat", options(str("with", "<@" + xan + ">")));
        JsonNode unknown = discord.awaitCallback(unresolved[0]);
        assertTrue(ephemeral(unknown.get("data")));
        assertTrue(unknown.get("data").get("content").asText().startsWith("with: could not find who <@" + xan + "> is"), unknown.toString());

        assertEquals(before, suggestionRows(g.id()), "nothing was written");
        // refusals cost no ask: three more are allowed (eatPerMinute is 3)
        for (int i = 0; i < 3; i++) {
            String[] ok = discord.slash(g, wes, false, "eat", options(str("with", "<@" + xan + ">")), discord.mentioned(g, xan));
            assertEquals(5, discord.awaitCallback(ok[0]).get("type").asInt(), "taken on: deferred");
        }
    }

    @Test
    void aButtonEatbotNoLongerKnowsIsAnsweredNotLeftToFail() {
        String[] taste = discord.slash(quiet, discord.id(), false, "place", options(sub("list")));
        ObjectNode message = discord.awaitOriginal(taste[1]);
        String[] press = discord.press(quiet, discord.id(), message, "eat-vote:42");
        JsonNode answer = discord.awaitCallback(press[0]);
        assertEquals(4, answer.get("type").asInt());
        assertTrue(ephemeral(answer.get("data")));
        assertEquals("This button no longer works; ask again with /eat.", answer.get("data").get("content").asText());
    }

    @Test
    void anAnswerDiscordRefusesBecomesAMessageForTheCallerInsteadOfEndlessThinking() {
        DiscordDouble.Guild g = broken;
        bot.app().service().addPlace(g.id(), admin, "Refused Ramen", "", "https://refused.example/menu", null);
        discord.refuseEditsContaining("refused.example");
        String[] eat = discord.slash(g, discord.id(), false, "eat", null);
        assertEquals(5, discord.awaitCallback(eat[0]).get("type").asInt());
        JsonNode told = awaitCondition("a follow-up for the caller", () -> discord.followUp(eat[1]));
        assertTrue(ephemeral(told), told.toString());
        assertEquals("eatbot could not show its answer; try again in a moment.", told.get("content").asText());
        discord.await("the public 'thinking…' taken away", r -> r.method().equals("DELETE")
                && r.path().equals("/api/v10/webhooks/" + DiscordDouble.BOT_ID + "/" + eat[1] + "/messages/@original"));
    }

    // ---- channels where eatbot lacks what learning needs ----

    @Test
    void inAChannelEatbotCannotSeeEatStillSuggestsAndSaysPlainlyThatNothingIsLearnedThere() throws Exception {
        wallsPlaces();
        String yan = discord.id();
        String[] eat = discord.slash(hidden, yan, false, "eat", null);
        assertEquals(5, discord.awaitCallback(eat[0]).get("type").asInt(), "taken on as anywhere");
        ObjectNode message = discord.awaitOriginal(eat[1]);
        JsonNode embed = message.get("embeds").get(0);
        assertTrue(embed.get("title").asText().startsWith("🍽️ "), "the suggestion is there");
        String footer = embed.get("footer").get("text").asText();
        assertTrue(footer.startsWith("⚠️ 👍/👎 here will not be learned: eatbot cannot see this channel. "
                + "Grant eatbot View Channel in this channel."), footer);
        assertFalse(footer.contains("whoever reacts teaches"), "no promise that does not hold here");

        // "another one" in the same channel says it too
        String again = message.get("components").get(0).get("components").get(0).get("custom_id").asText();
        String[] press = discord.press(hidden, yan, message, again);
        ObjectNode second = discord.awaitOriginal(press[1]);
        assertTrue(second.get("embeds").get(0).get("footer").get("text").asText().startsWith("⚠️ 👍/👎 here will not be learned"),
                second.toString());

        // and indeed: Discord does not tell eatbot of reactions there, and eatbot does not try to add its own
        String messageId = message.get("id").asText();
        awaitCondition("the message to be attached all the same", () -> bot.app().service().suggestionForMessage(messageId));
        assertFalse(discord.reactionAdd(hidden, discord.id(), messageId, LIKE));
        assertFalse(discord.requests().stream().anyMatch(r -> r.method().equals("PUT") && r.path().contains(messageId)));

        // hidden and without history: both are named, so one fix is enough
        ObjectNode sealedMessage = discord.awaitOriginal(discord.slash(sealed, discord.id(), false, "eat", null)[1]);
        String sealedFooter = sealedMessage.get("embeds").get(0).get("footer").get("text").asText();
        assertTrue(sealedFooter.contains("Grant eatbot View Channel and Read Message History in this channel."), sealedFooter);
    }

    @Test
    void inAnOrdinaryChannelOfTheSameServerThereIsNoWarning() {
        wallsPlaces();
        String[] eat = discord.slash(walls, discord.id(), false, "eat", null);
        ObjectNode message = discord.awaitOriginal(eat[1]);
        String footer = message.get("embeds").get(0).get("footer").get("text").asText();
        assertTrue(footer.startsWith("React 👍 or 👎: whoever reacts teaches eatbot their own taste · #"), footer);
        String messageId = message.get("id").asText();
        discord.await("the bot's own 👎", r -> r.method().equals("PUT")
                && r.path().equals("/api/v10/channels/" + walls.channelId() + "/messages/" + messageId + "/reactions/" + DISLIKE + "/@me"));
    }

    @Test
    void whereEatbotCanSeeButNotAddReactionsItNamesWhatToGrantAndPeoplesOwnThumbsStillCount() throws Exception {
        wallsPlaces();
        for (DiscordDouble.Guild channel : List.of(noHistory, noReactions)) {
            String zoe = discord.id();
            String[] eat = discord.slash(channel, zoe, false, "eat", null);
            ObjectNode message = discord.awaitOriginal(eat[1]);
            String footer = message.get("embeds").get(0).get("footer").get("text").asText();
            String grant = channel == noHistory ? "Read Message History" : "Add Reactions";
            assertTrue(footer.startsWith("⚠️ eatbot cannot add 👍/👎 here; ones you add still count. Grant eatbot " + grant
                    + " in this channel. · #"), footer);
            String messageId = message.get("id").asText();
            awaitCondition("the message to be attached", () -> bot.app().service().suggestionForMessage(messageId));
            String amy = discord.id();
            assertTrue(discord.reactionAdd(channel, amy, messageId, LIKE));
            awaitCounts(walls, amy, placeOf(walls, message), 1, 0);
        }
    }

    @Test
    void whenDiscordRefusesEatbotsOwnReactionsTheSuggestionStandsAndTheCallerSeesNoError() throws Exception {
        wallsPlaces();
        String[] eat = discord.slash(refusing, discord.id(), false, "eat", null);
        ObjectNode message = discord.awaitOriginal(eat[1]);
        String messageId = message.get("id").asText();
        assertTrue(message.get("embeds").get(0).get("footer").get("text").asText().startsWith("React 👍 or 👎"),
                "nothing in the cache said it would fail");
        discord.await("the bot's 👍, refused with 403", r -> r.method().equals("PUT")
                && r.path().equals("/api/v10/channels/" + refusing.channelId() + "/messages/" + messageId + "/reactions/" + LIKE + "/@me"));
        // still attached: a 👍 people add themselves is learned
        awaitCondition("the message to be attached", () -> bot.app().service().suggestionForMessage(messageId));
        String ben = discord.id();
        discord.reactionAdd(refusing, ben, messageId, LIKE);
        awaitCounts(walls, ben, placeOf(walls, message), 1, 0);
        assertTrue(discord.followUp(eat[1]).isEmpty(), "no error message for the caller");
        assertFalse(discord.requests().stream().anyMatch(r -> r.method().equals("DELETE") && r.path().contains(eat[1])),
                "the suggestion was not taken away");
        assertEquals(1, discord.requests().stream().filter(r -> r.method().equals("PATCH") && r.path().contains(eat[1])).count(),
                "the suggestion was written once and left alone");
    }

    @Test
    void inAThreadJdaHasNotCachedEatbotDoesNotGuessAndSaysNothing() {
        // its parent channel is hidden from eatbot, but the thread's own overwrites are not known: no warning rather than a guess
        wallsPlaces();
        String[] eat = discord.slash(thread, discord.id(), false, "eat", null);
        ObjectNode message = discord.awaitOriginal(eat[1]);
        String footer = message.get("embeds").get(0).get("footer").get("text").asText();
        assertTrue(footer.startsWith("React 👍 or 👎: whoever reacts teaches eatbot their own taste · #"), footer);
    }

    /** The two places of {@link #walls} (two, so "another one" has one left), added once. */
    private static synchronized void wallsPlaces() {
        if (!bot.app().service().places(walls.id()).isEmpty()) return;
        bot.app().service().addPlace(walls.id(), admin, "Wall Street Wok", "chinese");
        bot.app().service().addPlace(walls.id(), admin, "Brick Oven", "pizza");
    }

    /** The id of the place a suggestion message names. */
    private static long placeOf(DiscordDouble.Guild g, ObjectNode message) {
        return bot.app().service().place(g.id(), message.get("embeds").get(0).get("title").asText().replace("🍽️ ", "")).id();
    }

    // ---- permissions, privacy, isolation ----

    @Test
    void adminCommandsAreRefusedToOthersEvenWhenDiscordShowsThemTheCommand() throws Exception {
        DiscordDouble.Guild g = lunch;
        bot.app().service().settings(g.id());
        String eve = discord.id();
        // a server may override the command's visibility; the handler still checks
        String[] tried = discord.slash(g, eve, false, "eat-admin", options(sub("policy", str("name", "ucb1"))));
        JsonNode refusal = discord.awaitCallback(tried[0]);
        assertEquals(4, refusal.get("type").asInt(), "answered at once");
        assertTrue(ephemeral(refusal.get("data")), "only the caller sees the refusal");
        assertEquals(Permissions.ADMIN_ONLY, refusal.get("data").get("content").asText());
        String[] remove = discord.slash(g, eve, false, "place", options(sub("remove", str("name", "anything"))));
        assertEquals(Permissions.ADMIN_ONLY, discord.awaitCallback(remove[0]).get("data").get("content").asText());
        assertEquals("thompson", setting(g.id(), "policy"), "nothing changed");

        String[] allowed = discord.slash(g, admin, true, "eat-admin", options(sub("policy", str("name", "ucb1"))));
        assertTrue(ephemeral(discord.awaitCallback(allowed[0]).get("data")));
        assertTrue(discord.awaitOriginal(allowed[1]).get("embeds").toString().contains("ucb1"));
        assertEquals("ucb1", setting(g.id(), "policy"));
        discord.slash(g, admin, true, "eat-admin", options(sub("policy", str("name", "thompson"))));
        awaitCondition("policy back to thompson", () -> {
            try {
                return Optional.ofNullable("thompson".equals(setting(g.id(), "policy")) ? true : null);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void tasteAndErrorsAreOnlyForTheCaller() {
        DiscordDouble.Guild g = lunch;
        String fay = discord.id();
        String[] taste = discord.slash(g, fay, false, "taste", null);
        assertTrue(ephemeral(discord.awaitCallback(taste[0]).get("data")));
        assertTrue(discord.awaitOriginal(taste[1]).get("embeds").get(0).get("title").asText().contains("taste"));

        String[] bad = discord.slash(g, fay, false, "place", options(sub("add", str("name", "Tab\tPlace"))));
        assertTrue(ephemeral(discord.awaitCallback(bad[0]).get("data")));
        assertEquals("The place name has a control character in it.", discord.awaitOriginal(bad[1]).get("content").asText());
    }

    @Test
    void onePersonCanAskOnlySoOftenAMinute() {
        DiscordDouble.Guild g = other;
        bot.app().service().addPlace(g.id(), admin, "Noodle Bar", "");
        String gus = discord.id();
        for (int i = 0; i < 3; i++) {
            String[] eat = discord.slash(g, gus, false, "eat", null);
            assertEquals(5, discord.awaitCallback(eat[0]).get("type").asInt());
        }
        String[] fourth = discord.slash(g, gus, false, "eat", null);
        JsonNode refusal = discord.awaitCallback(fourth[0]);
        assertEquals(4, refusal.get("type").asInt());
        assertTrue(ephemeral(refusal.get("data")));
        assertTrue(refusal.get("data").get("content").asText().startsWith("Easy! You asked for 3 suggestions in the last minute."),
                refusal.toString());
        // someone else is not held back
        String[] someoneElse = discord.slash(g, discord.id(), false, "eat", null);
        assertEquals(5, discord.awaitCallback(someoneElse[0]).get("type").asInt());
    }

    @Test
    void oneServerNeverSeesOrChangesAnothersData() throws Exception {
        String hal = discord.id();
        String[] add = discord.slash(lunch, hal, false, "place", options(sub("add", str("name", "Secret Sushi"), str("tags", "japanese"))));
        assertEquals("Added **Secret Sushi** · japanese.", discord.awaitOriginal(add[1]).get("content").asText());

        String[] list = discord.slash(other, hal, false, "place", options(sub("list")));
        String listed = discord.awaitOriginal(list[1]).toString();
        assertFalse(listed.contains("Secret Sushi"), listed);
        String[] listHere = discord.slash(lunch, hal, false, "place", options(sub("list")));
        assertTrue(discord.awaitOriginal(listHere[1]).toString().contains("Secret Sushi"));

        ObjectNode typing = sub("remove", str("name", "secret"));
        ((ObjectNode) typing.get("options").get(0)).put("focused", true);
        String[] hereTyped = discord.autocomplete(lunch, hal, "place", options(typing));
        JsonNode offered = discord.awaitCallback(hereTyped[0]);
        assertEquals(8, offered.get("type").asInt());
        assertEquals("Secret Sushi", offered.get("data").get("choices").get(0).get("value").asText());
        String[] thereTyped = discord.autocomplete(other, hal, "place", options(typing));
        assertEquals(0, discord.awaitCallback(thereTyped[0]).get("data").get("choices").size(), "no names from another server");

        String[] eat = discord.slash(lunch, hal, false, "eat", null);
        String messageId = discord.awaitOriginal(eat[1]).get("id").asText();
        awaitCondition("the message to be attached", () -> bot.app().service().suggestionForMessage(messageId));
        long place = bot.app().service().suggestionForMessage(messageId).orElseThrow().option().id();
        String ivy = discord.id();
        // an event claiming the message is in the other server must not reach this server's data
        discord.reactionAdd(other, ivy, messageId, LIKE);
        discord.reactionAdd(lunch, ivy, messageId, DISLIKE);
        awaitCounts(lunch, ivy, place, 0, 1);
        assertEquals(0, rows("SELECT count(*) FROM feedback WHERE user_id = ? AND reward = 1", ivy));
        assertEquals(0, rows("SELECT count(*) FROM preferences WHERE user_id = ? AND guild_id = ?", ivy, other.id()));
    }

    // ---- deciding together, pictures, privacy, admin-only transfer ----

    @Test
    void eatWithAMemberAndAFilterNamesThemAndAnotherOneKeepsTheFilter() throws Exception {
        DiscordDouble.Guild g = together;
        var service = bot.app().service();
        service.addPlace(g.id(), admin, "Hotpot King", "hotpot,smelly");
        service.addPlace(g.id(), admin, "Green Bowl", "vegetarian");
        service.addPlace(g.id(), admin, "Falafel Cart", "vegetarian");
        String jo = discord.id();
        String kim = discord.id();

        String[] eat = discord.slash(g, jo, false, "eat", options(str("with", "<@" + kim + ">"), str("not", "smelly")), discord.mentioned(g, kim));
        ObjectNode first = discord.awaitOriginal(eat[1]);
        JsonNode embed = first.get("embeds").get(0);
        assertEquals("For <@" + jo + ">, <@" + kim + ">", embed.get("description").asText());
        String firstTitle = embed.get("title").asText();
        assertFalse(firstTitle.contains("Hotpot"), "not:smelly leaves out Hotpot King: " + firstTitle);
        JsonNode sent = discord.await("the suggestion's text", r -> r.method().equals("PATCH") && r.path().contains("/" + eat[1] + "/")).body();
        assertEquals(0, sent.get("allowed_mentions").get("parse").size(), "the members are named, nobody is pinged");
        String messageId = first.get("id").asText();
        awaitCondition("the message to be attached", () -> service.suggestionForMessage(messageId));
        assertEquals(List.of(jo, kim), service.suggestionForMessage(messageId).orElseThrow().members());

        // kim's 👍 is kim's own
        long firstPlace = service.suggestionForMessage(messageId).orElseThrow().option().id();
        discord.reactionAdd(g, kim, messageId, LIKE);
        awaitCounts(g, kim, firstPlace, 1, 0);
        assertEquals(List.of(0, 0), counts(g.id(), jo, firstPlace));

        // another one: the same two people, still not smelly, without the first pick: the other vegetarian place
        String button = first.get("components").get(0).get("components").get(0).get("custom_id").asText();
        String[] press = discord.press(g, kim, first, button);
        ObjectNode second = discord.awaitOriginal(press[1]);
        JsonNode secondEmbed = second.get("embeds").get(0);
        String secondTitle = secondEmbed.get("title").asText();
        assertNotEquals(firstTitle, secondTitle);
        assertFalse(secondTitle.contains("Hotpot"), "the filter is kept: " + secondTitle);
        assertEquals("For <@" + kim + ">, <@" + jo + ">", secondEmbed.get("description").asText());
        assertTrue(secondEmbed.toString().contains("not:smelly"), secondEmbed.toString());
    }

    @Test
    void eatPlanAnswersInPublicWithOneLinePerDayAndNoButtonsAndRefusesFifteenDaysAtOnce() throws Exception {
        DiscordDouble.Guild g = planning;
        var service = bot.app().service();
        service.addPlace(g.id(), admin, "Hotpot King", "hotpot,smelly");
        service.addPlace(g.id(), admin, "Green *Bowl*", "vegetarian");
        service.addPlace(g.id(), admin, "Falafel Cart", "middle-eastern");
        String liv = discord.id();
        String max = discord.id();

        String[] plan = discord.slash(g, liv, false, "eat-plan", options(F.objectNode().put("name", "days").put("type", 4).put("value", 3),
                str("with", "<@" + max + ">"), str("not", "smelly"), str("at", "12:30")), discord.mentioned(g, max));
        assertEquals(5, discord.awaitCallback(plan[0]).get("type").asInt());
        ObjectNode answer = discord.awaitOriginal(plan[1]);
        JsonNode embed = answer.get("embeds").get(0);
        assertEquals("A plan for 3 days, meals at 12:30", embed.get("title").asText());
        String[] lines = embed.get("description").asText().split("\n");
        assertEquals("For <@" + liv + ">, <@" + max + ">", lines[0]);
        assertEquals(4, lines.length, embed.toString());
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].matches("\\*\\*(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2}\\*\\* · .+ · (favourite|exploring|for variety)"), lines[i]);
            assertFalse(lines[i].contains("Hotpot"), "not:smelly holds every day: " + lines[i]);
            if (i > 1) assertNotEquals(lines[i - 1].split(" · ")[1], lines[i].split(" · ")[1], "never the same place two days running");
        }
        String text = embed.get("description").asText();
        assertTrue(text.contains("Green \\*Bowl\\*") && !text.contains("Green *Bowl*"), "two places for three days, names shown escaped: " + text);
        assertTrue(answer.get("components") == null || answer.get("components").isEmpty(), "advice: no buttons");

        String[] tooMany = discord.slash(g, liv, false, "eat-plan", options(F.objectNode().put("name", "days").put("type", 4).put("value", 15)));
        JsonNode refusal = discord.awaitCallback(tooMany[0]);
        assertEquals(4, refusal.get("type").asInt(), "refused at once");
        assertTrue(ephemeral(refusal.get("data")));
        assertEquals("days must be 1 to 14, got 15.", refusal.get("data").get("content").asText());
    }

    @Test
    void tasteAndWhyArriveAsPngPictures() throws Exception {
        DiscordDouble.Guild g = lunch;
        bot.app().service().addPlace(g.id(), admin, "Picture Pho", "vietnamese");
        String liv = discord.id();
        String[] taste = discord.slash(g, liv, false, "taste", null);
        assertTrue(ephemeral(discord.awaitCallback(taste[0]).get("data")), "only the caller sees their taste");
        ObjectNode shown = discord.awaitOriginal(taste[1]);
        DiscordDouble.Request upload = discord.await("the taste picture upload",
                r -> r.method().equals("PATCH") && r.path().contains("/" + taste[1] + "/") && !r.files().isEmpty());
        assertEquals("taste.png", upload.files().get(0).fileName());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(upload.files().get(0).data()));
        assertEquals(800, img.getWidth());
        assertEquals(450, img.getHeight());
        assertEquals("taste.png", shown.get("attachments").get(0).get("filename").asText());

        String[] eat = discord.slash(g, liv, false, "eat", null);
        ObjectNode suggestion = discord.awaitOriginal(eat[1]);
        String why = suggestion.get("components").get(0).get("components").get(1).get("custom_id").asText();
        String[] press = discord.press(g, liv, suggestion, why);
        assertTrue(ephemeral(discord.awaitCallback(press[0]).get("data")), "the picture of why is for the presser");
        discord.awaitOriginal(press[1]);
        DiscordDouble.Request whyUpload = discord.await("the why picture upload",
                r -> r.method().equals("PATCH") && r.path().contains("/" + press[1] + "/") && !r.files().isEmpty());
        assertTrue(whyUpload.files().get(0).fileName().matches("why-" + g.id() + "-\\d+-" + liv + "\\.png"), whyUpload.files().get(0).fileName());
        java.awt.image.BufferedImage whyImg = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(whyUpload.files().get(0).data()));
        assertEquals(eatbot.chart.WhyChart.WIDTH, whyImg.getWidth());
        assertEquals(eatbot.chart.WhyChart.height(1), whyImg.getHeight(), "one panel: the presser asked alone");
    }

    @Test
    void privacyForgetDeletesTheRowsOnlyAfterTheAskerConfirms() throws Exception {
        DiscordDouble.Guild g = other;
        var service = bot.app().service();
        service.addPlace(g.id(), admin, "Dumpling Den", "chinese");
        String max = discord.id();
        String[] eat = discord.slash(g, max, false, "eat", null);
        String messageId = discord.awaitOriginal(eat[1]).get("id").asText();
        awaitCondition("the message to be attached", () -> service.suggestionForMessage(messageId));
        long place = service.suggestionForMessage(messageId).orElseThrow().option().id();
        discord.reactionAdd(g, max, messageId, LIKE);
        awaitCounts(g, max, place, 1, 0);
        assertEquals(1, rows("SELECT count(*) FROM feedback WHERE user_id = ?", max));

        String[] forget = discord.slash(g, max, false, "privacy", options(sub("forget")));
        assertTrue(ephemeral(discord.awaitCallback(forget[0]).get("data")));
        ObjectNode ask = discord.awaitOriginal(forget[1]);
        assertEquals(1, rows("SELECT count(*) FROM feedback WHERE user_id = ?", max), "nothing is deleted before confirming");
        String confirm = ask.get("components").get(0).get("components").get(0).get("custom_id").asText();

        String[] intruder = discord.press(g, discord.id(), ask, confirm);
        JsonNode refusal = discord.awaitCallback(intruder[0]);
        assertTrue(ephemeral(refusal.get("data")));
        assertEquals("Only the person who asked can confirm this.", refusal.get("data").get("content").asText());
        assertEquals(1, rows("SELECT count(*) FROM feedback WHERE user_id = ?", max));

        String[] yes = discord.press(g, max, ask, confirm);
        assertEquals(6, discord.awaitCallback(yes[0]).get("type").asInt(), "the question is answered in place");
        ObjectNode done = discord.awaitOriginal(yes[1]);
        assertTrue(done.get("content").asText().startsWith("Forgotten: 1 reaction and 1 learned preference deleted"), done.toString());
        assertEquals(0, done.get("components").size(), "the buttons are gone");
        assertEquals(0, rows("SELECT count(*) FROM feedback WHERE user_id = ?", max));
        assertEquals(0, rows("SELECT count(*) FROM preferences WHERE user_id = ?", max));
        assertEquals(1, rows("SELECT count(*) FROM options WHERE guild_id = ? AND name = 'Dumpling Den'", g.id()), "the place stays");
    }

    @Test
    void importAndGammaAreRefusedToNonAdminsAndImportWorksForAdmins() throws Exception {
        DiscordDouble.Guild g = lunch;
        bot.app().service().settings(g.id());
        String nia = discord.id();
        byte[] file = ("{\"format\":\"eatbot-places\",\"version\":1,\"places\":[{\"name\":\"Imported Ramen\",\"tags\":[\"japanese\"]}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String attachment = discord.id();
        ObjectNode resolved = discord.attachment(attachment, "places.json", file, file.length);
        ObjectNode importFile = sub("import", F.objectNode().put("name", "file").put("type", 11).put("value", attachment));

        String[] tried = discord.slash(g, nia, false, "place", options(importFile), resolved);
        JsonNode refusal = discord.awaitCallback(tried[0]);
        assertTrue(ephemeral(refusal.get("data")));
        assertEquals(Permissions.ADMIN_ONLY, refusal.get("data").get("content").asText());
        String[] gamma = discord.slash(g, nia, false, "eat-admin", options(sub("gamma", F.objectNode().put("name", "value").put("type", 10).put("value", 0.5))));
        assertEquals(Permissions.ADMIN_ONLY, discord.awaitCallback(gamma[0]).get("data").get("content").asText());
        assertFalse(discord.downloaded(attachment), "a refused import downloads nothing");
        assertEquals("1.0", setting(g.id(), "discount"), "nothing changed");

        String[] imported = discord.slash(g, admin, true, "place", options(importFile), resolved);
        assertEquals("Imported 1 place.", discord.awaitOriginal(imported[1]).get("content").asText());
        assertEquals(1, rows("SELECT count(*) FROM options WHERE guild_id = ? AND name = 'Imported Ramen'", g.id()));

        // a file too big is refused on Discord's word, before downloading
        String big = discord.id();
        ObjectNode bigResolved = discord.attachment(big, "big.json", new byte[0], eatbot.eat.PlaceTransfer.MAX_BYTES + 1L);
        String[] tooBig = discord.slash(g, admin, true, "place",
                options(sub("import", F.objectNode().put("name", "file").put("type", 11).put("value", big))), bigResolved);
        assertEquals("The file is too big (at most 256 KB). Nothing was imported.", discord.awaitOriginal(tooBig[1]).get("content").asText());
        assertFalse(discord.downloaded(big));
    }

    static int suggestionRows(String guild) {
        try {
            return rows("SELECT count(*) FROM suggestions WHERE guild_id = ?", guild);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static int rows(String sql, String... args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ---- helpers ----

    private static boolean ephemeral(JsonNode data) {
        return data != null && data.has("flags") && (data.get("flags").asInt() & 64) != 0;
    }

    private static void awaitCounts(DiscordDouble.Guild g, String user, long optionId, int likes, int dislikes) {
        StoredCounts.await(db, g, user, optionId, likes, dislikes);
    }

    static List<Integer> counts(String guild, String user, long optionId) throws SQLException {
        return StoredCounts.of(db, guild, user, optionId);
    }

    static String setting(String guild, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM guilds WHERE id = ?")) {
            ps.setString(1, guild);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static ArrayNode options(ObjectNode... o) {
        ArrayNode a = F.arrayNode();
        for (ObjectNode x : o) a.add(x);
        return a;
    }

    static ObjectNode sub(String name, ObjectNode... o) {
        ObjectNode s = F.objectNode().put("name", name).put("type", 1);
        s.set("options", options(o));
        return s;
    }

    static ObjectNode str(String name, String value) {
        return F.objectNode().put("name", name).put("type", 3).put("value", value);
    }
}
