package eatbot.store;

import eatbot.ServiceFixture;
import eatbot.bandit.GroupRule;
import eatbot.eat.ColdStart;
import eatbot.eat.EatException;
import eatbot.eat.EatStore;
import eatbot.eat.Evidence;
import eatbot.eat.Feedback;
import eatbot.eat.FeedbackResult;
import eatbot.eat.GuildSettings;
import eatbot.eat.Meal;
import eatbot.eat.NewOption;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.Reasons;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.eat.Veto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link EatStore} must do, said through the port and {@link eatbot.eat.EatService} only
 * (no SQL, no engine types). An implementation runs it by extending this class with {@link #open}.
 * Checks that need the engine itself (pragmas, query plans, triggers, group commit, a killed
 * process) stay in the engine's own tests.
 */
public abstract class EatStoreContract {
    private static final String PLAIN = Reaction.variant("👍", false);
    private static final String TONE = Reaction.variant("👍🏽", false);
    private static final String SUPER = Reaction.variant("👍", true);

    private static final String G = "guild-1";

    @TempDir
    protected Path dir;

    /**
     * A store on {@code dir}, migrated and ready. Opening the same folder again (while the first is
     * open or after it was closed) must reach the same data: a second process, or a restart.
     */
    protected abstract EatStore open(Path dir);

    private StoreFixture fixture(String name, long seed) {
        return new StoreFixture(open(dir.resolve(name)), seed);
    }

    /** The defaults and start of {@link ServiceFixture}: a Wednesday noon, cold start strength 2. */
    private StoreFixture wednesday(String name, long seed) {
        return new StoreFixture(open(dir.resolve(name)), seed, ServiceFixture.DEFAULTS, ServiceFixture.START);
    }

    // ---- reactions: once, taken back, changed, variants ----

    @Test
    void aReactionCountsOnceAndItsRemovalRetractsIt() {
        try (StoreFixture f = fixture("a", 2)) {
            f.service.addPlace("g", "alice", "Pho 99", "");
            Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            assertTrue(f.service.react("g", s.id(), "bob", Reaction.LIKE).changed());
            assertFalse(f.service.react("g", s.id(), "bob", Reaction.LIKE).changed(), "a replayed reaction is not counted again");
            Preference p = f.service.preference("g", "bob", s.option().id());
            assertEquals(1, p.likes());
            assertEquals(1.0, p.successes());

            assertTrue(f.service.unreact("g", s.id(), "bob", Reaction.LIKE).changed());
            assertFalse(f.service.unreact("g", s.id(), "bob", Reaction.LIKE).changed());
            p = f.service.preference("g", "bob", s.option().id());
            assertEquals(0, p.likes());
            assertEquals(0.0, p.successes());
            assertEquals(1, f.store.feedback("g").size(), "the log keeps the retracted event");
            assertFalse(f.store.feedback("g").get(0).active());

            assertTrue(f.service.react("g", s.id(), "bob", Reaction.LIKE).changed(), "added again after removal counts");
            assertEquals(1, f.service.preference("g", "bob", s.option().id()).likes());
        }
    }

    @Test
    void changingOneReactionForTheOtherIsOneChange() {
        try (StoreFixture f = fixture("mind", 1)) {
            f.service.addPlace("g", "alice", "Pho 99", "");
            Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            assertTrue(f.service.setReaction("g", s.id(), "bob", Reaction.DISLIKE).changed());
            FeedbackResult r = f.service.setReaction("g", s.id(), "bob", Reaction.LIKE);
            assertTrue(r.changed());
            assertEquals(1, r.preference().likes());
            assertEquals(0, r.preference().dislikes());
            List<Reaction> active = f.store.feedback("g").stream()
                    .filter(x -> x.suggestionId() == s.id() && x.userId().equals("bob"))
                    .filter(Feedback::active).map(Feedback::reaction).toList();
            assertEquals(List.of(Reaction.LIKE), active);
        }
    }

    @Test
    void aLikeStaysWhileAnyOfItsVariantsIsThereAndCountsOnce() {
        try (StoreFixture f = fixture("variants-a", 1)) {
            Suggestion s = phoSuggestion(f);
            assertTrue(f.service.react("g", s.id(), "bob", Reaction.LIKE, PLAIN).changed());
            assertFalse(f.service.react("g", s.id(), "bob", Reaction.LIKE, TONE).changed(), "a second variant is not a second like");
            assertFalse(f.service.react("g", s.id(), "bob", Reaction.LIKE, SUPER).changed());
            assertEquals(1, likes(f, s));

            assertFalse(f.service.unreact("g", s.id(), "bob", Reaction.LIKE, TONE).changed());
            assertFalse(f.service.unreact("g", s.id(), "bob", Reaction.LIKE, PLAIN).changed());
            assertEquals(1, likes(f, s), "the super 👍 is still there");
            assertTrue(f.service.unreact("g", s.id(), "bob", Reaction.LIKE, SUPER).changed(), "the last one goes: so does the like");
            assertEquals(0, likes(f, s));
            assertTrue(f.service.react("g", s.id(), "bob", Reaction.LIKE, TONE).changed(), "and comes back with any");
        }
    }

    @Test
    void aChangeOfMindTakesEveryVariantOfTheOldReactionAway() {
        try (StoreFixture f = fixture("variants-c", 1)) {
            Suggestion s = phoSuggestion(f);
            f.service.react("g", s.id(), "bob", Reaction.DISLIKE, Reaction.variant("👎🏿", false));
            f.service.react("g", s.id(), "bob", Reaction.DISLIKE, Reaction.variant("👎", true));
            f.service.setReaction("g", s.id(), "bob", Reaction.LIKE);
            Preference p = f.service.preference("g", "bob", s.option().id());
            assertEquals(List.of(1, 0), List.of(p.likes(), p.dislikes()));
            // a removal arriving later for a 👎 the change of mind already took changes nothing
            assertFalse(f.service.unreact("g", s.id(), "bob", Reaction.DISLIKE, Reaction.variant("👎🏿", false)).changed());
            assertEquals(p, f.service.preference("g", "bob", s.option().id()));
        }
    }

    @Test
    void preferencesStillRebuildFromTheLogAloneWithVariants() {
        try (StoreFixture f = fixture("variants-d", 1)) {
            Suggestion s = phoSuggestion(f);
            f.service.react("g", s.id(), "bob", Reaction.LIKE, PLAIN);
            f.service.react("g", s.id(), "bob", Reaction.LIKE, TONE);
            f.service.unreact("g", s.id(), "bob", Reaction.LIKE, PLAIN);
            f.service.react("g", s.id(), "bob", Reaction.DISLIKE, SUPER);
            Preference live = f.service.preference("g", "bob", s.option().id());
            f.store.rebuildPreferences("g", 1.0);
            assertEquals(live, f.service.preference("g", "bob", s.option().id()));
        }
    }

    // ---- the log is the truth ----

    @Test
    void preferencesEqualARebuildFromTheLogWithAndWithoutDiscount() {
        for (double gamma : new double[] {1.0, 0.8}) {
            try (StoreFixture f = fixture("rebuild-" + gamma, 3)) {
                f.service.save(f.service.settings("g").toBuilder().discount(gamma).build());
                for (String p : new String[] {"A", "B", "C"}) f.service.addPlace("g", "u", p, "");
                for (int i = 0; i < 60; i++) {
                    Suggestion s = f.service.suggest(SuggestRequest.forUser("g", "u" + (i % 3)));
                    Reaction r = (i * 7) % 3 == 0 ? Reaction.DISLIKE : Reaction.LIKE;
                    f.service.react("g", s.id(), "u" + (i % 3), r);
                    if (i % 5 == 0) f.service.unreact("g", s.id(), "u" + (i % 3), r);
                    if (i % 4 == 0) f.service.react("g", s.id(), "u" + ((i + 1) % 3), Reaction.LIKE);
                }
                Map<String, Map<Long, Preference>> before = new HashMap<>();
                for (int u = 0; u < 3; u++) before.put("u" + u, atNow(f.store, "u" + u, gamma));
                for (int u = 0; u < 3; u++) { // /eat's one read is the same as the two
                    assertEquals(f.store.preferences("g", "u" + u), f.store.evidence("g", "u" + u).preferences());
                    assertEquals(f.store.step("g", "u" + u), f.store.evidence("g", "u" + u).step());
                }
                assertEquals(new Evidence(Map.of(), 0), f.store.evidence("g", "nobody"));
                f.store.rebuildPreferences("g", gamma);
                for (int u = 0; u < 3; u++) {
                    Map<Long, Preference> after = atNow(f.store, "u" + u, gamma);
                    for (var e : before.get("u" + u).entrySet()) {
                        Preference a = e.getValue();
                        Preference b = after.getOrDefault(e.getKey(), Preference.none(e.getKey()));
                        assertEquals(a.successes(), b.successes(), 1e-9, "successes, gamma " + gamma);
                        assertEquals(a.failures(), b.failures(), 1e-9, "failures, gamma " + gamma);
                        assertEquals(a.likes(), b.likes());
                        assertEquals(a.dislikes(), b.dislikes());
                    }
                }
            }
        }
    }

    /**
     * The store's discount (an upsert's SQL copy of γ^Δstep) is the domain's: each stored row equals
     * {@link Preference#plus} folded over the person's reactions at the steps the store gave them.
     */
    @Test
    void theStoredDiscountIsTheDomainsPreferencePlus() {
        double gamma = 0.7;
        try (StoreFixture f = fixture("discount", 5)) {
            Option a = f.service.addPlace("g", "u", "A", "");
            Option b = f.service.addPlace("g", "u", "B", "");
            Map<Long, Preference> want = new HashMap<>();
            Random r = new Random(7);
            for (int i = 0; i < 40; i++) {
                Option o = r.nextBoolean() ? a : b;
                Suggestion s = f.store.addSuggestion("g", "u", List.of("u"), o, "thompson", false, f.clock.instant());
                Reaction reaction = r.nextInt(3) == 0 ? Reaction.DISLIKE : Reaction.LIKE;
                FeedbackResult got = f.store.addFeedback(s, "u", reaction, gamma, f.clock.instant());
                long step = f.store.step("g", "u");
                Preference expected = want.getOrDefault(o.id(), Preference.none(o.id())).plus(reaction, step, gamma);
                want.put(o.id(), expected);
                assertPreference(expected, got.preference());
            }
            Map<Long, Preference> stored = f.store.preferences("g", "u");
            for (Preference p : want.values()) assertPreference(p, stored.get(p.optionId()));
        }
    }

    private static void assertPreference(Preference want, Preference got) {
        assertEquals(want.successes(), got.successes(), 1e-9, "successes");
        assertEquals(want.failures(), got.failures(), 1e-9, "failures");
        assertEquals(want.likes(), got.likes());
        assertEquals(want.dislikes(), got.dislikes());
        assertEquals(want.step(), got.step());
    }

    // ---- durability: acknowledged = committed ----

    /**
     * A write that returned is committed: another process on the same data (a second store, its own
     * connections) sees it at once, with the first still running and never closed first.
     */
    @Test
    void everyWriteThatReturnedIsSeenByASecondProcessAtOnce() {
        Path shared = dir.resolve("acknowledged");
        StoreFixture first = new StoreFixture(open(shared), 1);
        try (StoreFixture second = new StoreFixture(open(shared), 2)) {
            Option pho = first.service.addPlace("g", "alice", "Pho 99", "");
            assertEquals(List.of("Pho 99"), second.store.options("g", false).stream().map(Option::name).toList());

            Suggestion s = first.store.addSuggestion("g", "alice", List.of("alice", "bob"), pho, "thompson", false, first.clock.instant());
            assertEquals(s.option().id(), second.store.suggestion("g", s.id()).orElseThrow().option().id());

            first.store.addFeedback(s, "bob", Reaction.LIKE, 1.0, first.clock.instant());
            assertEquals(1, second.store.preferences("g", "bob").get(pho.id()).likes());
            assertEquals(1, second.store.feedback("g").size());

            assertTrue(first.store.addVeto("g", new Veto("alice", null, null, "spicy"), first.clock.instant()));
            assertEquals(1, second.store.vetoes("g").size());

            first.store.toggleMeal(s, "alice", first.clock.instant());
            assertEquals(1, second.store.mealsSince("g", first.clock.instant().minusSeconds(60)).size());
        } finally {
            first.close();
        }
    }

    private static Map<Long, Preference> atNow(EatStore store, String user, double gamma) {
        long now = store.step("g", user);
        Map<Long, Preference> out = new HashMap<>();
        store.preferences("g", user).forEach((k, v) -> out.put(k, v.at(now, gamma)));
        return out;
    }

    /**
     * Cold start from the store's sums per place ({@link EatStore#placeEvidence}, the guild's
     * totals minus the asker's own) gives every person the same prior for every place as the
     * definition (the others' rows, read one by one, the asker left out): on a seeded random
     * guild, with and without a discount.
     */
    @Test
    void coldStartSumsPerPlaceGiveTheSamePriorsAsEveryRow() {
        for (double gamma : new double[] {1.0, 0.9}) {
            try (StoreFixture f = fixture("cold-" + gamma, 1)) {
                GuildSettings s = f.service.setGamma("g", gamma).toBuilder().coldStartStrength(8).prior(1, 2).build();
                List<String> users = seedRandomGuild(f, gamma, new Random(2026));
                List<Option> places = f.store.options("g", true);

                Map<String, Map<Long, Preference>> rows = new HashMap<>();
                Map<String, Long> steps = new HashMap<>();
                for (String u : users) {
                    rows.put(u, f.store.preferences("g", u));
                    steps.put(u, f.store.step("g", u));
                }
                ColdStart summed = new ColdStart(s, f.store.placeEvidence("g", gamma));
                int compared = 0;
                for (String u : users) {
                    Map<Long, Preference> own = f.store.preferences("g", u);
                    long step = f.store.step("g", u);
                    // the definition: the others' rows, each discounted to its person's current step; u has no own evidence here
                    ColdStart others = new ColdStart(s, othersEvidence(rows, steps, u, gamma));
                    for (Option o : places) {
                        double[] want = others.prior(o.id(), null, step);
                        double[] got = summed.prior(o.id(), own.get(o.id()), step);
                        assertArrayEquals(want, got, 1e-9, "γ " + gamma + ", " + u + " on " + o.name());
                        compared++;
                    }
                }
                assertEquals(users.size() * places.size(), compared);
            }
        }
    }

    /** {successes, failures} per place of everyone's rows but {@code asker}'s, read row by row. */
    private static Map<Long, double[]> othersEvidence(Map<String, Map<Long, Preference>> rows, Map<String, Long> steps,
                                                      String asker, double gamma) {
        Map<Long, double[]> sums = new HashMap<>();
        rows.forEach((person, prefs) -> {
            if (person.equals(asker)) return;
            long now = steps.getOrDefault(person, 0L);
            for (Preference p : prefs.values()) {
                Preference at = p.at(Math.max(now, p.step()), gamma);
                double[] t = sums.computeIfAbsent(p.optionId(), k -> new double[2]);
                t[0] += at.successes();
                t[1] += at.failures();
            }
        });
        return sums;
    }

    /** 25 people (and one who never reacts), 10 places, 1,500 reactions with some taken back. */
    private static List<String> seedRandomGuild(StoreFixture f, double gamma, Random r) {
        List<Option> places = new ArrayList<>();
        for (int i = 0; i < 10; i++) places.add(f.service.addPlace("g", "admin", "Place " + i, ""));
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            suggestions.add(f.store.addSuggestion("g", "admin", List.of("admin"), places.get(r.nextInt(places.size())),
                    "thompson", false, Instant.EPOCH));
        }
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 25; u++) users.add("u" + u);
        for (int i = 0; i < 1500; i++) {
            Suggestion s = suggestions.get(r.nextInt(suggestions.size()));
            String u = users.get(r.nextInt(users.size()));
            Reaction reaction = r.nextInt(3) == 0 ? Reaction.DISLIKE : Reaction.LIKE;
            if (r.nextInt(8) == 0) f.store.retractFeedback(s, u, reaction, gamma, Instant.EPOCH);
            else f.store.addFeedback(s, u, reaction, gamma, Instant.EPOCH);
        }
        users.add("newcomer");
        return users;
    }

    // ---- replayed and out-of-order reactions (gateways deliver twice; people hesitate) ----
    // The preference must end where the person's last visible reaction says.

    private StoreFixture replayBot() {
        GuildSettings defaults = GuildSettings.defaults().toBuilder().cooldownDays(0).build();
        List<NewOption> starters = Stream.of("Pho 99", "Taco Town", "Curry House", "Sushi Go")
                .map(n -> new NewOption(n, List.of(), null, null, null)).toList();
        return new StoreFixture(open(dir.resolve("replay")), 42, defaults, Instant.parse("2026-11-26T12:00:00Z"), starters);
    }

    private static Preference pref(StoreFixture bot, Suggestion s, String user) {
        return bot.service.preference(G, user, s.option().id());
    }

    @Test
    void theSameReactionDeliveredTwiceCountsOnce() {
        try (StoreFixture bot = replayBot()) {
            Suggestion s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
            assertTrue(bot.service.react(G, s.id(), "bob", Reaction.LIKE).changed());
            FeedbackResult again = bot.service.react(G, s.id(), "bob", Reaction.LIKE);
            assertFalse(again.changed());
            assertEquals(1, again.preference().likes());
            assertEquals(1.0, pref(bot, s, "bob").successes());
            assertEquals(1, bot.store.feedback(G).size());
            assertPreferencesMatchLog(bot.store, G, bot.service.settings(G).discount());
        }
    }

    @Test
    void addRemoveAddEndsWithOneLike() {
        try (StoreFixture bot = replayBot()) {
            Suggestion s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
            bot.service.react(G, s.id(), "bob", Reaction.LIKE);
            bot.service.unreact(G, s.id(), "bob", Reaction.LIKE);
            assertEquals(0, pref(bot, s, "bob").likes());
            bot.service.react(G, s.id(), "bob", Reaction.LIKE);
            assertEquals(1, pref(bot, s, "bob").likes());
            assertEquals(1.0, pref(bot, s, "bob").successes());
            List<Feedback> log = bot.store.feedback(G);
            assertEquals(2, log.size(), "the log keeps the retracted one");
            assertEquals(1, log.stream().filter(Feedback::active).count());
            assertPreferencesMatchLog(bot.store, G, bot.service.settings(G).discount());
        }
    }

    @Test
    void removingAReactionThatWasNeverAddedChangesNothing() {
        try (StoreFixture bot = replayBot()) {
            Suggestion s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
            FeedbackResult r = bot.service.unreact(G, s.id(), "bob", Reaction.DISLIKE);
            assertFalse(r.changed());
            assertEquals(Preference.none(s.option().id()), pref(bot, s, "bob"));
            assertTrue(bot.store.feedback(G).isEmpty());
            // and a removal delivered twice takes the reaction out once
            bot.service.react(G, s.id(), "bob", Reaction.DISLIKE);
            assertTrue(bot.service.unreact(G, s.id(), "bob", Reaction.DISLIKE).changed());
            assertFalse(bot.service.unreact(G, s.id(), "bob", Reaction.DISLIKE).changed());
            assertEquals(0, pref(bot, s, "bob").dislikes());
            assertEquals(0.0, pref(bot, s, "bob").failures());
        }
    }

    @Test
    void bothThumbsVisibleAtOnceBothCountUntilOneIsRemoved() {
        try (StoreFixture bot = replayBot()) {
            Suggestion s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
            // Discord lets a person leave 👍 and 👎 on the same message
            bot.service.react(G, s.id(), "bob", Reaction.LIKE);
            bot.service.react(G, s.id(), "bob", Reaction.DISLIKE);
            assertEquals(1, pref(bot, s, "bob").likes());
            assertEquals(1, pref(bot, s, "bob").dislikes());
            bot.service.unreact(G, s.id(), "bob", Reaction.LIKE);
            assertEquals(0, pref(bot, s, "bob").likes());
            assertEquals(1, pref(bot, s, "bob").dislikes());
        }
    }

    @Test
    void anyReplayedSequenceEndsWhereTheVisibleReactionsSay() {
        try (StoreFixture bot = replayBot()) {
            Suggestion s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
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
            assertPreferencesMatchLog(bot.store, G, bot.service.settings(G).discount());
        }
    }

    @Test
    void reactionsToASuggestionWhosePlaceWasRemovedStillCountButItIsNeverSuggestedAgain() {
        try (StoreFixture bot = replayBot()) {
            Suggestion s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
            Option place = s.option();
            bot.service.removePlace(G, place.name());
            // the reaction is recorded against the removed place: the log stays true to what people said
            assertTrue(bot.service.react(G, s.id(), "bob", Reaction.LIKE).changed());
            assertEquals(1, pref(bot, s, "bob").likes());
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
            assertPreferencesMatchLog(bot.store, G, bot.service.settings(G).discount());
        }
    }

    @Test
    void aSuggestionOfAnotherGuildOrNoneAtAllIsRefusedAndWritesNothing() {
        try (StoreFixture bot = replayBot()) {
            Suggestion s = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
            EatException other = assertThrows(EatException.class, () -> bot.service.react("guild-2", s.id(), "bob", Reaction.LIKE));
            assertEquals("That suggestion does not exist (any more).", other.getMessage());
            assertThrows(EatException.class, () -> bot.service.unreact(G, 987654, "bob", Reaction.LIKE));
            assertTrue(bot.store.feedback(G).isEmpty());
            assertTrue(bot.store.feedback("guild-2").isEmpty());
        }
    }

    // ---- suggestions: once per interaction ----

    @Test
    void twoProcessesAnsweringTheSameInteractionStoreOneSuggestion() {
        Path shared = dir.resolve("shared");
        try (StoreFixture old = new StoreFixture(open(shared), 1); StoreFixture fresh = new StoreFixture(open(shared), 2)) {
            for (int i = 0; i < 8; i++) old.service.addPlace("g", "alice", "Place " + i, "");
            SuggestRequest asked = SuggestRequest.forUser("g", "alice").fromInteraction("1300000000000000001");

            Suggestion first = old.service.suggest(asked);
            Suggestion second = fresh.service.suggest(asked);

            assertEquals(first.id(), second.id(), "the second answer is the first one's suggestion");
            assertEquals(first.option().id(), second.option().id(), "so both would show the same place");
            assertEquals(1, old.service.history("g", 50).size(), "/eat-history lists it once");
        }
    }

    @Test
    void theSameInteractionIdInAnotherServerOrNoIdAtAllAreSeparateSuggestions() {
        try (StoreFixture f = fixture("interaction-b", 1)) {
            f.service.addPlace("g", "alice", "Pho 99", "");
            f.service.addPlace("h", "alice", "Pho 99", "");
            Suggestion here = f.service.suggest(SuggestRequest.forUser("g", "alice").fromInteraction("7"));
            Suggestion there = f.service.suggest(SuggestRequest.forUser("h", "alice").fromInteraction("7"));
            assertNotEquals(here.id(), there.id());
            // the console has no interaction: every ask is a new suggestion
            Suggestion a = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            Suggestion b = f.service.suggest(SuggestRequest.forUser("g", "alice"));
            assertNotEquals(a.id(), b.id());
            assertEquals(3, f.service.history("g", 50).size());
        }
    }

    // ---- places ----

    @Test
    void activeNamesAreUniqueIgnoringCaseButAnArchivedNameCanBeReused() {
        try (StoreFixture f = fixture("names", 4)) {
            Option first = f.service.addPlace("g", "u", "Pho 99", "");
            EatException e = assertThrows(EatException.class, () -> f.service.addPlace("g", "u", "  pho   99 ", ""));
            assertEquals("There is already a place called 'Pho 99'.", e.getMessage());
            f.service.addPlace("other-guild", "u", "Pho 99", ""); // another guild is another list
            f.service.removePlace("g", "PHO 99");
            Option again = f.service.addPlace("g", "u", "Pho 99", "");
            assertTrue(again.id() != first.id());
            assertEquals(1, f.service.places("g").size());
            assertEquals(2, f.store.options("g", true).size());
        }
    }

    @Test
    void aClashInsideTheStoreRollsBackTheWholeImport() {
        try (StoreFixture f = fixture("import", 1)) {
            f.service.addPlace("a", "u", "Pho 99", "");
            // what a place added by someone else between the check and the write would do
            List<NewOption> batch = List.of(new NewOption("First New", List.of(), null, null, "u"),
                    new NewOption("Pho 99", List.of(), null, null, "u"));
            EatException e = assertThrows(EatException.class, () -> f.store.addOptions("a", batch, f.clock.instant()));
            assertEquals("There is already a place called 'Pho 99'.", e.getMessage());
            assertTrue(f.service.places("a").stream().noneMatch(o -> o.name().equals("First New")));
            assertEquals(1, f.store.options("a", true).size(), "nothing of the batch was kept, not even archived");

            List<Option> added = f.store.addOptions("a", batch.subList(0, 1), f.clock.instant());
            assertEquals(List.of("First New"), added.stream().map(Option::name).toList());
        }
    }

    // ---- meals ----

    @Test
    void aMealIsDecidedUndoneByPressingAgainAndListedSinceItsTime() {
        try (StoreFixture f = fixture("meals", 1)) {
            Suggestion s = phoSuggestion(f);
            Instant decided = f.clock.instant();
            Meal m = f.store.toggleMeal(s, "alice", decided);
            assertTrue(m.standing());
            assertEquals(s.id(), m.suggestionId());
            assertEquals(s.option().id(), m.place().id());
            assertEquals("alice", m.decidedBy());
            assertEquals(List.of(m.id()), f.store.mealsSince("g", decided).stream().map(Meal::id).toList(), "at its time counts");
            assertEquals(List.of(), f.store.mealsSince("g", decided.plusMillis(1)));
            assertEquals(List.of(m.id()), f.store.mealsOn("g", List.of(s.id())).stream().map(Meal::id).toList());
            assertEquals(List.of(), f.store.mealsSince("other", Instant.EPOCH), "another guild has no meals");

            Meal undone = f.store.toggleMeal(s, "bob", decided.plusSeconds(60));
            assertEquals(decided.plusSeconds(60), undone.undoneAt());
            assertEquals(List.of(), f.store.mealsSince("g", Instant.EPOCH), "an undone meal is not standing");
            assertEquals(List.of(), f.store.mealsOn("g", List.of(s.id())));

            Meal again = f.store.toggleMeal(s, "bob", decided.plusSeconds(120));
            assertNull(again.undoneAt());
            assertEquals(List.of("bob"), f.store.mealsSince("g", Instant.EPOCH).stream().map(Meal::decidedBy).toList());
        }
    }

    // ---- privacy ----

    /** As {@code PrivacyTest} sets a guild up: alice likes, changes her mind, and reacts in another server too. */
    @Test
    void forgetDeletesThePersonHereAndKeepsPlacesOthersAndOtherGuilds() {
        String OTHER_GUILD = "guild-2";
        GuildSettings defaults = GuildSettings.defaults().toBuilder().cooldownDays(0).discount(0.9).build();
        List<NewOption> starters = Stream.of("Pho 99", "Taco Town", "Curry House", "Sushi Go")
                .map(n -> new NewOption(n, List.of(), null, null, null)).toList();
        try (StoreFixture bot = new StoreFixture(open(dir.resolve("forget")), 42, defaults, Instant.parse("2026-11-26T12:00:00Z"), starters)) {
            bot.service.addPlace(G, "alice", "Alice's Find", "secret");
            Suggestion solo = bot.service.suggest(SuggestRequest.forUser(G, "alice"));
            Suggestion group = bot.service.suggest(new SuggestRequest(G, "bob", List.of("bob", "alice", "carol"), Set.of()));
            bot.service.react(G, solo.id(), "alice", Reaction.LIKE);
            bot.service.react(G, group.id(), "alice", Reaction.DISLIKE);
            bot.service.unreact(G, group.id(), "alice", Reaction.DISLIKE);
            bot.service.react(G, group.id(), "alice", Reaction.LIKE);
            bot.service.react(G, group.id(), "bob", Reaction.LIKE);
            bot.service.react(G, solo.id(), "bob", Reaction.DISLIKE);
            Suggestion elsewhere = bot.service.suggest(SuggestRequest.forUser(OTHER_GUILD, "alice"));
            bot.service.react(OTHER_GUILD, elsewhere.id(), "alice", Reaction.LIKE);

            Map<Long, Preference> bobBefore = bot.store.preferences(G, "bob");
            int placesBefore = bot.service.places(G).size();

            PersonalData.Forgotten f = bot.service.privacyForget(G, "alice");
            assertEquals(3, f.feedback());
            assertEquals(2, f.suggestionsAnonymised());
            assertEquals(1, f.placesUnattributed());

            PersonalData after = bot.service.personalData(G, "alice");
            assertEquals(0, after.step());
            assertTrue(after.feedback().isEmpty());
            assertTrue(after.preferences().isEmpty());
            assertTrue(after.suggestions().isEmpty());
            assertTrue(after.placesAdded().isEmpty());
            assertTrue(bot.store.feedback(G).stream().map(Feedback::userId).noneMatch("alice"::equals));

            assertEquals(placesBefore, bot.service.places(G).size(), "the guild's places stay");
            assertTrue(bot.service.places(G).stream().anyMatch(o -> o.name().equals("Alice's Find") && o.addedBy() == null));
            assertEquals(bobBefore, bot.store.preferences(G, "bob"), "others' taste is untouched");
            Suggestion g = bot.service.suggestion(G, group.id()).orElseThrow();
            assertEquals(List.of("bob", PersonalData.FORGOTTEN_USER, "carol"), g.members());
            assertEquals(PersonalData.FORGOTTEN_USER, bot.service.suggestion(G, solo.id()).orElseThrow().requestedBy());
            assertEquals(List.of("bob", "carol"), bot.service.why(G, group.id(), "bob").reasons().members().stream()
                    .map(Reasons.Member::userId).toList(), "her posteriors and draws kept for /eat why go too");
            assertTrue(assertThrows(EatException.class, () -> bot.service.why(G, solo.id(), "bob")).getMessage()
                    .contains("has been forgotten"));
            assertEquals(1, bot.service.personalData(OTHER_GUILD, "alice").feedback().size(), "another server keeps its own data");
            assertPreferencesMatchLog(bot.store, G, 0.9);

            // forgetting twice finds nothing; reacting again starts from scratch
            assertTrue(bot.service.privacyForget(G, "alice").nothing());
            bot.service.react(G, group.id(), "alice", Reaction.LIKE);
            assertEquals(1, bot.store.step(G, "alice"));
            assertPreferencesMatchLog(bot.store, G, 0.9);
        }
    }

    /**
     * Every person's stored Beta parameters equal a rebuild from the guild's feedback log, and their
     * step counts their entries in it. The rebuild is in place: where the property holds it changes nothing.
     */
    private static void assertPreferencesMatchLog(EatStore store, String guildId, double gamma) {
        List<Feedback> log = store.feedback(guildId);
        Map<String, Map<Long, Preference>> live = new HashMap<>();
        Map<String, Long> steps = new HashMap<>();
        for (Feedback f : log) {
            live.computeIfAbsent(f.userId(), u -> store.preferences(guildId, u));
            steps.computeIfAbsent(f.userId(), u -> store.step(guildId, u));
        }
        store.rebuildPreferences(guildId, gamma);
        live.forEach((u, before) -> {
            long step = steps.get(u);
            assertEquals(log.stream().filter(f -> f.userId().equals(u)).count(), step, "feedback step of " + u);
            Map<Long, Preference> fresh = store.preferences(guildId, u);
            Set<Long> options = new HashSet<>(before.keySet());
            options.addAll(fresh.keySet());
            for (long o : options) {
                Preference a = before.getOrDefault(o, Preference.none(o)).at(step, gamma);
                Preference b = fresh.getOrDefault(o, Preference.none(o)).at(step, gamma);
                String what = guildId + "/" + u + " on option " + o + ": stored " + a + ", rebuilt " + b;
                assertEquals(b.likes(), a.likes(), what);
                assertEquals(b.dislikes(), a.dislikes(), what);
                assertEquals(b.successes(), a.successes(), 1e-9, what);
                assertEquals(b.failures(), a.failures(), 1e-9, what);
            }
        });
    }

    // ---- vetoes and the cooldown's read ----

    @Test
    void vetoesSurviveARestartAndCountOnce() {
        long place;
        try (StoreFixture f = wednesday("vetoes", 1)) {
            place = f.service.addPlace("g", "u", "Hotpot King", "smelly").id();
            assertTrue(f.store.addVeto("g", new Veto("bob", place, null, null), Instant.EPOCH));
            assertFalse(f.store.addVeto("g", new Veto("bob", place, null, null), Instant.EPOCH), "the same veto once");
            assertTrue(f.store.addVeto("g", new Veto(null, null, null, "smelly"), Instant.EPOCH));
            assertTrue(f.store.addVeto("g", new Veto("bob", null, null, "smelly"), Instant.EPOCH), "bob's differs from the server's");
        }
        try (StoreFixture f = wednesday("vetoes", 1)) {
            List<Veto> v = f.store.vetoes("g");
            assertEquals(List.of(new Veto("bob", place, "Hotpot King", null), new Veto(null, null, null, "smelly"),
                    new Veto("bob", null, null, "smelly")), v);
            assertTrue(f.store.removeVeto("g", new Veto(null, null, null, "smelly")));
            assertFalse(f.store.removeVeto("g", new Veto(null, null, null, "smelly")));
            assertEquals(2, f.store.vetoes("g").size());
        }
    }

    @Test
    void forgettingAPersonLiftsTheirVetoesButNotTheServers() {
        try (StoreFixture f = wednesday("forget-vetoes", 1)) {
            f.service.addPlace("g", "u", "Hotpot King", "smelly");
            f.service.veto("g", "bob", "Hotpot King", null);
            f.service.veto("g", "carol", null, "smelly");
            f.service.veto("g", null, null, "spicy");
            f.service.privacyForget("g", "bob");
            assertEquals(List.of(new Veto("carol", null, null, "smelly"), new Veto(null, null, null, "spicy")), f.store.vetoes("g"));
        }
    }

    @Test
    void recentFeedbackIsReadByInstantNotByText() {
        try (StoreFixture f = wednesday("recent", 1)) {
            Option o = f.service.addPlace("g", "u", "Pho 99", "");
            f.clock.set(Instant.parse("2025-03-12T12:00:00Z")); // no fraction: "…00Z" sorts after "…00.5Z" as text
            Suggestion s1 = f.service.suggest(SuggestRequest.forUser("g", "a"));
            f.service.react("g", s1.id(), "a", Reaction.LIKE);
            f.clock.set(Instant.parse("2025-03-12T12:00:00.500Z"));
            Suggestion s2 = f.service.suggest(SuggestRequest.forUser("g", "b"));
            f.service.react("g", s2.id(), "b", Reaction.LIKE);
            List<Feedback> since = f.store.feedbackSince("g", Instant.parse("2025-03-12T12:00:00.250Z"));
            assertEquals(List.of("b"), since.stream().map(Feedback::userId).toList());
            assertEquals(2, f.store.feedbackSince("g", Instant.parse("2025-03-12T11:59:59.999Z")).size());
            assertEquals(o.id(), since.get(0).optionId());
            assertEquals(List.of(), f.store.feedbackSince("g", Instant.parse("2025-03-12T12:00:00.500Z")), "after, not at");
            assertEquals(List.of("b"), f.store.feedbackSince("g", Instant.parse("2025-03-12T12:00:00Z"))
                    .stream().map(Feedback::userId).toList(), "a whole second is before its fractions");
            f.clock.advance(Duration.ofSeconds(1));
            f.service.unreact("g", s2.id(), "b", Reaction.LIKE);
            assertEquals(List.of(), f.store.feedbackSince("g", Instant.parse("2025-03-12T12:00:00.250Z")), "retracted: gone");
        }
    }

    private static Suggestion phoSuggestion(StoreFixture f) {
        f.service.addPlace("g", "alice", "Pho 99", "");
        return f.service.suggest(SuggestRequest.forUser("g", "alice"));
    }

    private static long likes(StoreFixture f, Suggestion s) {
        return f.store.feedback("g").stream().filter(Feedback::active).filter(x -> x.reaction() == Reaction.LIKE).count();
    }
}
