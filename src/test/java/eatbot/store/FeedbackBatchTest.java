package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.Feedback;
import eatbot.eat.FeedbackResult;
import eatbot.eat.Option;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of reactions, repeats, retractions and one failing event committed in
 * a single batch of the writer end exactly as the same events one commit at a
 * time: same answers, same log with the same per-person steps, same preferences,
 * and those equal a rebuild from the log (with a discount, γ = 0.9).
 */
class FeedbackBatchTest {
    private static final double GAMMA = 0.9;
    private static final String[] USERS = {"ann", "bob", "cy"};

    @TempDir Path dir;

    /** One scripted event: a reaction added or retracted, or one on a suggestion that does not exist. */
    private record Event(int suggestion, String user, Reaction reaction, boolean retract, boolean broken) {}

    private static List<Event> script(long seed) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            out.add(new Event(r.nextInt(6), USERS[r.nextInt(USERS.length)], r.nextBoolean() ? Reaction.LIKE : Reaction.DISLIKE,
                    r.nextInt(3) == 0, i == 150));
        }
        return out;
    }

    private static List<Suggestion> setUp(Fixture f) {
        for (String place : List.of("Pho 99", "Taco Town", "Dosa Hut")) f.service.addPlace("g", "ann", place, "");
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) out.add(f.service.suggest(SuggestRequest.forUser("g", USERS[i % USERS.length])));
        return out;
    }

    private static Suggestion target(List<Suggestion> suggestions, Event e) {
        Suggestion s = suggestions.get(e.suggestion());
        if (!e.broken()) return s;
        return new Suggestion(999_999, s.guildId(), s.requestedBy(), s.members(), s.option(), s.policy(), s.explored(),
                s.createdAt(), null, null); // its log row would point at no suggestion: the insert fails
    }

    /** Each event's result, or null where it failed. */
    private static List<FeedbackResult> oneByOne(Fixture f, List<Suggestion> suggestions, List<Event> events) {
        List<FeedbackResult> out = new ArrayList<>();
        Instant t = Instant.parse("2026-11-26T12:00:00Z");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Suggestion s = target(suggestions, e);
            Instant now = t.plusSeconds(i);
            try {
                out.add(e.retract() ? f.store.retractFeedback(s, e.user(), e.reaction(), GAMMA, now)
                        : f.store.addFeedback(s, e.user(), e.reaction(), GAMMA, now));
            } catch (RuntimeException failed) {
                out.add(null);
            }
        }
        return out;
    }

    private static List<FeedbackResult> inOneBatch(Fixture f, List<Suggestion> suggestions, List<Event> events) throws Exception {
        Database db = f.store.database();
        CountDownLatch writerHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> gate = db.submit(c -> {
            writerHeld.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertTrue(writerHeld.await(30, TimeUnit.SECONDS), "the writer took the gate");
        List<CompletableFuture<FeedbackResult>> acks = new ArrayList<>();
        Instant t = Instant.parse("2026-11-26T12:00:00Z");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Suggestion s = target(suggestions, e);
            Instant now = t.plusSeconds(i);
            acks.add(e.retract() ? f.store.submitRetraction(s, e.user(), e.reaction(), GAMMA, now)
                    : f.store.submitFeedback(s, e.user(), e.reaction(), GAMMA, now));
        }
        release.countDown(); // every event is queued: the writer takes them as one batch
        gate.get(30, TimeUnit.SECONDS);
        List<FeedbackResult> out = new ArrayList<>();
        for (CompletableFuture<FeedbackResult> a : acks) {
            try {
                out.add(a.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException failed) {
                out.add(null);
            }
        }
        return out;
    }

    @Test
    void aBatchOfReactionsRepeatsAndRetractionsEqualsTheSameEventsOneByOneAndARebuild() throws Exception {
        List<Event> events = script(2026);
        try (Fixture single = new Fixture(dir.resolve("single.db"), 4);
             Fixture batched = new Fixture(dir.resolve("batched.db"), 4)) {
            List<Suggestion> s1 = setUp(single);
            List<Suggestion> s2 = setUp(batched);
            assertEquals(s1.stream().map(Suggestion::id).toList(), s2.stream().map(Suggestion::id).toList());

            List<FeedbackResult> expected = oneByOne(single, s1, events);
            List<FeedbackResult> actual = inOneBatch(batched, s2, events);

            assertNull(actual.get(150), "the broken event failed");
            assertNull(expected.get(150));
            int changed = 0;
            int repeats = 0;
            for (int i = 0; i < events.size(); i++) {
                if (i == 150) continue;
                FeedbackResult want = expected.get(i);
                FeedbackResult got = actual.get(i);
                assertNotNull(got, "event " + i + " was not spoiled by the failing one");
                assertEquals(want.changed(), got.changed(), "event " + i);
                assertPreference(want.preference(), got.preference(), "event " + i);
                if (got.changed()) changed++; else repeats++;
            }
            assertTrue(changed > 100 && repeats > 50, "the script exercises both: " + changed + " changed, " + repeats + " repeats");

            List<Feedback> log1 = single.store.feedback("g");
            List<Feedback> log2 = batched.store.feedback("g");
            assertEquals(log1.size(), log2.size());
            for (int i = 0; i < log1.size(); i++) {
                Feedback a = log1.get(i);
                Feedback b = log2.get(i);
                assertEquals(List.of(a.suggestionId(), a.userId(), a.reaction(), a.step(), a.active()),
                        List.of(b.suggestionId(), b.userId(), b.reaction(), b.step(), b.active()), "log row " + i);
            }
            assertEquals(single.store.steps("g"), batched.store.steps("g"));
            for (String u : USERS) {
                long stepsGiven = log2.stream().filter(x -> x.userId().equals(u)).count();
                assertEquals(stepsGiven, (long) batched.store.steps("g").get(u), u + "'s steps count their reactions");
            }

            Map<String, Map<Long, Preference>> prefs1 = single.store.guildPreferences("g");
            Map<String, Map<Long, Preference>> prefs2 = batched.store.guildPreferences("g");
            assertSamePreferences(prefs1, prefs2);
            Map<String, Long> steps = batched.store.steps("g");
            batched.store.rebuildPreferences("g", GAMMA);
            Map<String, Map<Long, Preference>> rebuilt = batched.store.guildPreferences("g");
            for (String u : USERS) {
                // rows are stored as of their own step; compare both as of the person's latest step
                Map<Long, Preference> live = prefs2.getOrDefault(u, Map.of());
                Map<Long, Preference> fresh = rebuilt.getOrDefault(u, Map.of());
                java.util.Set<Long> options = new java.util.HashSet<>(live.keySet());
                options.addAll(fresh.keySet());
                for (long o : options) {
                    long now = steps.get(u);
                    assertPreference(fresh.getOrDefault(o, Preference.none(o)).at(now, GAMMA),
                            live.getOrDefault(o, Preference.none(o)).at(now, GAMMA), u + " on " + o + " against a rebuild");
                }
            }
        }
    }

    @Test
    void theSameReactionTwiceInOneBatchCountsOnceAndItsRetractionInTheSameBatchUndoesIt() throws Exception {
        try (Fixture f = new Fixture(dir.resolve("twice.db"), 4)) {
            List<Suggestion> s = setUp(f);
            List<Event> events = List.of(
                    new Event(0, "bob", Reaction.LIKE, false, false),
                    new Event(0, "bob", Reaction.LIKE, false, false),
                    new Event(0, "bob", Reaction.LIKE, true, false),
                    new Event(0, "bob", Reaction.LIKE, true, false),
                    new Event(0, "bob", Reaction.LIKE, false, false));
            List<FeedbackResult> r = inOneBatch(f, s, events);
            assertEquals(List.of(true, false, true, false, true), r.stream().map(FeedbackResult::changed).toList());
            Preference p = f.store.preferences("g", "bob").get(s.get(0).option().id());
            assertEquals(1, p.likes());
            assertEquals(1.0, p.successes(), 1e-12);
            assertEquals(2, f.store.step("g", "bob"), "two reactions given (one retracted)");
            List<Feedback> log = f.store.feedback("g");
            assertEquals(2, log.size());
            assertFalse(log.get(0).active());
            assertTrue(log.get(1).active());
        }
    }

    private static void assertSamePreferences(Map<String, Map<Long, Preference>> want, Map<String, Map<Long, Preference>> got) {
        assertEquals(want.keySet(), got.keySet());
        for (String u : want.keySet()) {
            assertEquals(want.get(u).keySet(), got.get(u).keySet(), u);
            for (Long o : want.get(u).keySet()) assertPreference(want.get(u).get(o), got.get(u).get(o), u + " on " + o);
        }
    }

    private static void assertPreference(Preference want, Preference got, String what) {
        assertEquals(want.optionId(), got.optionId(), what);
        assertEquals(want.successes(), got.successes(), 1e-9, what);
        assertEquals(want.failures(), got.failures(), 1e-9, what);
        assertEquals(want.likes(), got.likes(), what);
        assertEquals(want.dislikes(), got.dislikes(), what);
        assertEquals(want.step(), got.step(), what);
    }
}
