package eatbot.reliability;

import eatbot.eat.EatException;
import eatbot.eat.Feedback;
import eatbot.eat.FeedbackResult;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gateways deliver events twice, out of a person's hesitation come
 * add/remove/add, and places vanish between a suggestion and its reactions: the
 * preference must end where the person's last visible reaction says.
 */
class ReactionIdempotencyTest {
    private static final String G = "guild-1";
    @TempDir
    Path dir;
    private TestBot bot;
    private Suggestion s;

    @BeforeEach
    void open() {
        bot = TestBot.open(dir);
        s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private Preference pref(String user) {
        return bot.service.preference(G, user, s.option().id());
    }

    @Test
    void theSameReactionDeliveredTwiceCountsOnce() {
        assertTrue(bot.service.react(G, s.id(), "bob", Reaction.LIKE).changed());
        FeedbackResult again = bot.service.react(G, s.id(), "bob", Reaction.LIKE);
        assertFalse(again.changed());
        assertEquals(1, again.preference().likes());
        assertEquals(1.0, pref("bob").successes());
        assertEquals(1, bot.store.feedback(G).size());
        bot.assertPreferencesMatchLog(G, dir);
    }

    @Test
    void addRemoveAddEndsWithOneLike() {
        bot.service.react(G, s.id(), "bob", Reaction.LIKE);
        bot.service.unreact(G, s.id(), "bob", Reaction.LIKE);
        assertEquals(0, pref("bob").likes());
        bot.service.react(G, s.id(), "bob", Reaction.LIKE);
        assertEquals(1, pref("bob").likes());
        assertEquals(1.0, pref("bob").successes());
        List<Feedback> log = bot.store.feedback(G);
        assertEquals(2, log.size(), "the log keeps the retracted one");
        assertEquals(1, log.stream().filter(Feedback::active).count());
        bot.assertPreferencesMatchLog(G, dir);
    }

    @Test
    void removingAReactionThatWasNeverAddedChangesNothing() {
        FeedbackResult r = bot.service.unreact(G, s.id(), "bob", Reaction.DISLIKE);
        assertFalse(r.changed());
        assertEquals(Preference.none(s.option().id()), pref("bob"));
        assertTrue(bot.store.feedback(G).isEmpty());
        // and a removal delivered twice takes the reaction out once
        bot.service.react(G, s.id(), "bob", Reaction.DISLIKE);
        assertTrue(bot.service.unreact(G, s.id(), "bob", Reaction.DISLIKE).changed());
        assertFalse(bot.service.unreact(G, s.id(), "bob", Reaction.DISLIKE).changed());
        assertEquals(0, pref("bob").dislikes());
        assertEquals(0.0, pref("bob").failures());
    }

    @Test
    void bothThumbsVisibleAtOnceBothCountUntilOneIsRemoved() {
        // Discord lets a person leave 👍 and 👎 on the same message
        bot.service.react(G, s.id(), "bob", Reaction.LIKE);
        bot.service.react(G, s.id(), "bob", Reaction.DISLIKE);
        assertEquals(1, pref("bob").likes());
        assertEquals(1, pref("bob").dislikes());
        bot.service.unreact(G, s.id(), "bob", Reaction.LIKE);
        assertEquals(0, pref("bob").likes());
        assertEquals(1, pref("bob").dislikes());
    }

    @Test
    void anyReplayedSequenceEndsWhereTheVisibleReactionsSay() {
        Random random = new Random(7);
        List<Suggestion> suggestions = List.of(s, bot.service.suggest(SuggestRequest.forUser(G, "alice")),
                bot.service.suggest(SuggestRequest.forUser(G, "carol")));
        Map<Long, Set<Reaction>> visible = new HashMap<>(); // what Discord shows for bob, per suggestion
        for (int i = 0; i < 120; i++) {
            Suggestion t = suggestions.get(random.nextInt(suggestions.size()));
            Reaction r = random.nextBoolean() ? Reaction.LIKE : Reaction.DISLIKE;
            Set<Reaction> shown = visible.computeIfAbsent(t.id(), k -> EnumSet.noneOf(Reaction.class));
            int copies = 1 + random.nextInt(3); // the gateway may deliver an event up to three times
            boolean add = random.nextBoolean();
            for (int c = 0; c < copies; c++) {
                FeedbackResult res = add ? bot.service.react(G, t.id(), "bob", r) : bot.service.unreact(G, t.id(), "bob", r);
                boolean expectChange = c == 0 && (add != shown.contains(r));
                assertEquals(expectChange, res.changed(), "event " + i + " copy " + c);
            }
            if (add) shown.add(r);
            else shown.remove(r);
        }
        Map<Long, int[]> expected = new HashMap<>(); // option -> {likes, dislikes}
        for (Suggestion t : suggestions) {
            int[] e = expected.computeIfAbsent(t.option().id(), k -> new int[2]);
            Set<Reaction> shown = visible.getOrDefault(t.id(), Set.of());
            if (shown.contains(Reaction.LIKE)) e[0]++;
            if (shown.contains(Reaction.DISLIKE)) e[1]++;
        }
        expected.forEach((option, e) -> {
            Preference p = bot.service.preference(G, "bob", option);
            assertEquals(e[0], p.likes(), "likes for option " + option);
            assertEquals(e[1], p.dislikes(), "dislikes for option " + option);
            assertEquals(e[0], p.successes(), 1e-9);
            assertEquals(e[1], p.failures(), 1e-9);
        });
        bot.assertPreferencesMatchLog(G, dir);
    }

    @Test
    void reactionsToASuggestionWhosePlaceWasRemovedStillCountButItIsNeverSuggestedAgain() {
        Option place = s.option();
        bot.service.removePlace(G, place.name());
        // the reaction is recorded against the removed place: the log stays true to what people said
        assertTrue(bot.service.react(G, s.id(), "bob", Reaction.LIKE).changed());
        assertEquals(1, pref("bob").likes());
        assertTrue(bot.service.unreact(G, s.id(), "bob", Reaction.LIKE).changed());
        assertTrue(bot.service.react(G, s.id(), "bob", Reaction.DISLIKE).changed());
        for (int i = 0; i < 30; i++) {
            assertTrue(bot.service.suggest(SuggestRequest.forUser(G, "bob")).option().id() != place.id());
        }
        assertTrue(bot.service.taste(G, "bob").entries().stream().noneMatch(e -> e.option().id() == place.id()));
        PersonalData data = bot.service.personalData(G, "bob");
        assertTrue(data.preferences().stream().anyMatch(p -> p.placeRemoved() && p.place().equals(place.name())));
        // adding the name again makes a new place that starts from nothing
        Option again = bot.service.addPlace(G, "alice", place.name(), null);
        assertEquals(Preference.none(again.id()), bot.service.preference(G, "bob", again.id()));
        bot.assertPreferencesMatchLog(G, dir);
    }

    @Test
    void aSuggestionOfAnotherGuildOrNoneAtAllIsRefusedAndWritesNothing() {
        EatException other = assertThrows(EatException.class, () -> bot.service.react("guild-2", s.id(), "bob", Reaction.LIKE));
        assertEquals("That suggestion does not exist (any more).", other.getMessage());
        assertThrows(EatException.class, () -> bot.service.unreact(G, 987654, "bob", Reaction.LIKE));
        assertTrue(bot.store.feedback(G).isEmpty());
        assertTrue(bot.store.feedback("guild-2").isEmpty());
    }
}
