package eatbot.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eatbot.console.Console;
import eatbot.eat.Meal;
import eatbot.eat.PersonalData;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /privacy export and /privacy forget: a person's own data, all of it, and only theirs (what forget keeps and deletes: {@link eatbot.store.EatStoreContract}). */
class PrivacyTest {
    private static final String G = "guild-1";
    private static final String OTHER_GUILD = "guild-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestBot bot;
    private Suggestion solo;
    private Suggestion group;

    @BeforeEach
    void open() {
        bot = TestBot.open(dir, 0.9);
        bot.service.addPlace(G, "alice", "Alice's Find", "secret");
        solo = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
        group = bot.service.suggest(new SuggestRequest(G, "bob", List.of("bob", "alice", "carol"), Set.of()));
        bot.service.react(G, solo.id(), "alice", Reaction.LIKE);
        bot.service.react(G, group.id(), "alice", Reaction.DISLIKE);
        bot.service.unreact(G, group.id(), "alice", Reaction.DISLIKE);
        bot.service.react(G, group.id(), "alice", Reaction.LIKE);
        bot.service.react(G, group.id(), "bob", Reaction.LIKE);
        bot.service.react(G, solo.id(), "bob", Reaction.DISLIKE);
        // alice in another server
        Suggestion elsewhere = bot.service.suggest(SuggestRequest.forUser(OTHER_GUILD, "alice"));
        bot.service.react(OTHER_GUILD, elsewhere.id(), "alice", Reaction.LIKE);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void exportHoldsThePersonsDataInThisGuildAndNothingElse() throws Exception {
        JsonNode doc = JSON.readTree(bot.service.privacyExport(G, "alice"));
        assertEquals("eatbot-personal-data", doc.get("format").asText());
        assertEquals(G, doc.get("guild").asText());
        assertEquals("alice", doc.get("user").asText());
        assertEquals(3, doc.get("feedbackStep").asLong());
        assertEquals(3, doc.get("feedback").size(), "every reaction of hers here, the retracted one too");
        for (JsonNode f : doc.get("feedback")) {
            assertTrue(Set.of(solo.id(), group.id()).contains(f.get("suggestionId").asLong()));
        }
        assertEquals(1, countRetracted(doc.get("feedback")));
        List<Long> suggestionIds = new ArrayList<>();
        doc.get("suggestions").forEach(s -> suggestionIds.add(s.get("id").asLong()));
        assertEquals(List.of(solo.id(), group.id()), suggestionIds, "the ones she asked for and the group she was in");
        assertEquals("Alice's Find", doc.get("placesAdded").get(0).get("name").asText());
        int likes = 0;
        for (JsonNode p : doc.get("preferences")) likes += p.get("likes").asInt();
        assertEquals(2, likes);
        assertFalse(doc.toString().contains(OTHER_GUILD));
    }

    @Test
    void exportHoldsThePersonsOwnVetoesButNotOthersOrTheServers() throws Exception {
        bot.service.veto(G, "alice", null, "spicy");
        bot.service.veto(G, "bob", null, "smelly");
        bot.service.veto(G, null, null, "expensive");
        JsonNode vetoes = JSON.readTree(bot.service.privacyExport(G, "alice")).get("vetoes");
        assertEquals(1, vetoes.size());
        assertEquals("spicy", vetoes.get(0).get("tag").asText());
        bot.service.privacyForget(G, "alice");
        assertEquals(0, JSON.readTree(bot.service.privacyExport(G, "alice")).get("vetoes").size(), "forgotten with her");
    }

    @Test
    void exportListsTheEmojiVariantsBehindHerReactionsAndForgetTakesThem() throws Exception {
        String tone = Reaction.variant("👍🏽", false);
        String superLike = Reaction.variant("👍", true);
        bot.service.react(G, solo.id(), "alice", Reaction.LIKE, tone);
        bot.service.react(G, solo.id(), "alice", Reaction.LIKE, superLike);
        bot.service.react(G, solo.id(), "bob", Reaction.LIKE, tone);
        JsonNode variants = JSON.readTree(bot.service.privacyExport(G, "alice")).get("reactionVariants");
        List<String> hers = new java.util.ArrayList<>();
        for (JsonNode v : variants) {
            if (v.get("suggestionId").asLong() != solo.id()) continue;
            assertEquals("like", v.get("reaction").asText(), variants.toString());
            hers.add(v.get("variant").asText());
        }
        assertEquals(List.of("👍", superLike, tone), hers, "each 👍 of hers on it, the plain one of the set-up too");

        bot.service.privacyForget(G, "alice");
        assertTrue(bot.service.personalData(G, "alice").variants().isEmpty(), "none of hers left");
        assertTrue(bot.service.personalData(G, "bob").variants().contains(
                new PersonalData.ReactionVariant(solo.id(), Reaction.LIKE, tone)), "bob's stays");
    }

    @Test
    void exportAndForgetIncludeMealsSheWasPartOfOrDecided() throws Exception {
        bot.service.go(G, group.id(), "alice"); // decided by her for the group
        bot.service.go(G, solo.id(), "alice");
        bot.service.go(G, solo.id(), "alice"); // and undone: still in her log
        JsonNode meals = JSON.readTree(bot.service.privacyExport(G, "alice")).get("meals");
        assertEquals(2, meals.size(), meals.toString());
        assertEquals(group.id(), meals.get(0).get("suggestionId").asLong());
        assertEquals("alice", meals.get(0).get("decidedBy").asText());
        assertTrue(meals.get(0).get("undoneAt").isNull());
        assertFalse(meals.get(1).get("undoneAt").isNull(), "the undone one says when");
        assertEquals(1, JSON.readTree(bot.service.privacyExport(G, "bob")).get("meals").size(), "bob went to the group's meal");

        bot.service.privacyForget(G, "alice");
        assertTrue(bot.service.personalData(G, "alice").meals().isEmpty(), "nothing of hers in the meals");
        Meal kept = bot.service.meals(G, java.time.Instant.EPOCH).get(0);
        assertEquals(List.of("bob", PersonalData.FORGOTTEN_USER, "carol"), kept.members(), "the group's meal stays, without her");
        assertEquals(PersonalData.FORGOTTEN_USER, kept.decidedBy());
    }

    private static int countRetracted(JsonNode feedback) {
        int n = 0;
        for (JsonNode f : feedback) if (!f.get("retractedAt").isNull()) n++;
        return n;
    }

    // forget deleting her here and keeping places, others and other guilds: EatStoreContract

    @Test
    void theConsoleAsksForConfirmationBeforeForgetting() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(bot.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
        console.handle("/place add name:My Spot");
        console.handle("/eat");
        console.handle("+1");
        bytes.reset();

        console.handle("/privacy export");
        JsonNode doc = JSON.readTree(bytes.toString(StandardCharsets.UTF_8));
        assertEquals(1, doc.get("feedback").size());
        bytes.reset();

        console.handle("/privacy forget");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("confirm:yes"));
        assertEquals(1, bot.service.personalData(Console.GUILD, "me").feedback().size(), "nothing deleted before confirming");
        bytes.reset();

        console.handle("/privacy forget confirm:yes");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("Forgotten: 1 reaction and 1 learned preference deleted; your name removed from"), bytes.toString(StandardCharsets.UTF_8));
        assertTrue(bot.service.personalData(Console.GUILD, "me").feedback().isEmpty());
        assertTrue(bot.service.places(Console.GUILD).stream().anyMatch(o -> o.name().equals("My Spot")));
    }
}
