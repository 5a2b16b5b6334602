package eatbot.eat;

import eatbot.ServiceFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of deciding together, through the real service on a real SQLite file. */
class DecidingTogetherTest {
    private static final String G = "guild";
    @TempDir Path dir;
    ServiceFixture f;
    EatService service;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, 42);
        service = f.service;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Option add(String name, String tags) {
        return service.addPlace(G, "admin", name, tags);
    }

    private SuggestRequest group(String... members) {
        return new SuggestRequest(G, members[0], List.of(members), Set.of());
    }

    /** Gives {@code times} reactions of one person to one place, through suggestions of just that place. */
    private void rate(String user, Option place, Reaction r, int times) {
        f.rate(G, user, place, r, times);
    }

    private Map<String, Integer> picks(SuggestRequest r, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < n; i++) out.merge(service.suggest(r).option().name(), 1, Integer::sum);
        return out;
    }

    @Test
    void leastMiseryNeverPicksAPlaceOneMemberRejectedManyTimes() {
        Option hotpot = add("Hotpot King", "chinese,smelly");
        for (String n : List.of("Pho 99", "Green Bowl", "Taco Truck", "Curry House", "Pizza Place")) add(n, "");
        rate("alice", hotpot, Reaction.LIKE, 25);
        rate("bob", hotpot, Reaction.DISLIKE, 25);

        Map<String, Integer> aliceAlone = picks(group("alice"), 100);
        assertTrue(aliceAlone.getOrDefault("Hotpot King", 0) > 50, "alice alone gets her favourite most of the time: " + aliceAlone);
        assertEquals(GroupRuleName.LEAST_MISERY, service.settings(G).groupRule().id());
        Map<String, Integer> together = picks(group("alice", "bob"), 300);
        assertEquals(0, together.getOrDefault("Hotpot King", 0), "least misery: " + together);
        assertEquals(5, together.size(), "every other place still gets its chance: " + together);
    }

    /** The rule's id as the admin types it. */
    private static final class GroupRuleName {
        static final String LEAST_MISERY = "least-misery";
    }

    @Test
    void groupRuleIsAnAdminSettingWithAClearMessage() {
        assertEquals("product", service.setGroupRule(G, "Product").groupRule().id());
        assertEquals("average", service.setGroupRule(G, "average").groupRule().id());
        EatException e = assertThrows(EatException.class, () -> service.setGroupRule(G, "loudest"));
        assertEquals("unknown group rule 'loudest' (choose least-misery, average, product)", e.getMessage());
        assertEquals("average", service.settings(G).groupRule().id(), "a refused setting changes nothing");
    }

    @Test
    void filtersAreHonouredExactly() {
        add("Sichuan House", "chinese,spicy,$$");
        add("Hotpot King", "chinese,smelly,$$");
        add("Green Bowl", "vegetarian,$");
        add("Steakhouse", "western,$$$$");
        add("Veggie Deluxe", "vegetarian,$$$");
        add("Falafel Cart", "vegetarian,$$");
        add("Salad Bar", "vegetarian,spicy,$");
        SuggestRequest r = group("alice", "bob").filtered("spicy,smelly", "$$", "vegetarian");
        Map<String, Integer> got = picks(r, 80);
        assertEquals(Set.of("Green Bowl", "Falafel Cart"), got.keySet(), "exactly the places that pass, each of them: " + got);
    }

    @Test
    void whenFiltersLeaveNothingTheMessageNamesTheFilter() {
        add("Sichuan House", "chinese,spicy,$$");
        add("Steakhouse", "western,$$$$");
        add("Green Bowl", "vegetarian,spicy,$");
        int before = service.history(G, 50).size();
        EatException e = assertThrows(EatException.class,
                () -> service.suggest(group("alice").filtered("spicy", "$$", null)));
        assertEquals("Nothing is left after max-price:$$: it rules out the one place still in the running.", e.getMessage());
        e = assertThrows(EatException.class, () -> service.suggest(group("alice").filtered(null, null, "vegetarian,halal")));
        assertTrue(e.getMessage().startsWith("Nothing is left after only:halal,vegetarian: it rules out all 3 places"), e.getMessage());
        assertEquals(before, service.history(G, 50).size(), "a refused request writes no suggestion");
    }

    @Test
    void standingVetoesAreHonouredExactly() {
        Option hotpot = add("Hotpot King", "chinese,smelly");
        add("Sichuan House", "chinese,spicy");
        add("Pho 99", "vietnamese");
        add("Sushi Go", "japanese");
        add("Curry House", "indian,spicy");

        service.veto(G, "carol", "hotpot king", null);
        service.veto(G, "bob", null, "Spicy");
        service.veto(G, null, "Sushi Go", null); // the admin, for everybody

        assertEquals(Set.of("Pho 99"), picks(group("carol", "bob"), 30).keySet());
        assertEquals(Set.of("Pho 99", "Sichuan House", "Curry House"), picks(group("carol"), 120).keySet(),
                "bob's veto applies only when bob eats");
        assertEquals(Set.of("Pho 99", "Hotpot King"), picks(group("bob"), 60).keySet());
        assertEquals(Set.of("Pho 99", "Hotpot King", "Sichuan House", "Curry House"), picks(group("dave"), 200).keySet(),
                "the server's veto applies to everyone");

        assertEquals("You have already vetoed Hotpot King.",
                assertThrows(EatException.class, () -> service.veto(G, "carol", "Hotpot King", null)).getMessage());
        assertEquals("Give either place:<name> or tag:<tag>.",
                assertThrows(EatException.class, () -> service.veto(G, "carol", "Pho 99", "spicy")).getMessage());
        assertEquals(List.of("Sushi Go", "Hotpot King"),
                service.vetoes(G, "carol").stream().map(Veto::what).toList(), "carol sees the server's and her own");

        service.liftVeto(G, "carol", "Hotpot King", null);
        assertTrue(picks(group("carol"), 150).containsKey(hotpot.name()), "a lifted veto no longer applies");
        assertEquals("You have no veto on Hotpot King.",
                assertThrows(EatException.class, () -> service.liftVeto(G, "carol", "Hotpot King", null)).getMessage());
    }

    @Test
    void vetoesThatLeaveNothingAreNamed() {
        add("Sichuan House", "spicy");
        service.veto(G, "bob", null, "spicy");
        assertEquals("Nothing is left after the vetoes of bob: it rules out the one place still in the running.",
                assertThrows(EatException.class, () -> service.suggest(group("alice", "bob"))).getMessage());
        service.veto(G, null, null, "spicy");
        assertEquals("Nothing is left after the server's vetoes: it rules out the one place still in the running.",
                assertThrows(EatException.class, () -> service.suggest(group("alice"))).getMessage());
        service.liftVeto(G, null, null, "spicy");
        assertEquals("Nothing is left after your vetoes: it rules out the one place still in the running.",
                assertThrows(EatException.class, () -> service.suggest(group("bob", "alice"))).getMessage(), "bob asking");
    }

    @Test
    void aMealRestsItsPlaceForItsPeopleForTheCooldownDays() {
        Option pho = add("Pho 99", "");
        add("Green Bowl", "");
        add("Taco Truck", "");
        // alice and bob decide to go to Pho 99
        Suggestion s = service.suggest(group("alice", "bob").excluding(idOf("Green Bowl")).excluding(idOf("Taco Truck")));
        EatService.Decision d = service.go(G, s.id(), "bob");
        assertTrue(d.going());
        assertEquals(f.clock.instant().plus(Duration.ofDays(2)), d.restsUntil(), "the default cooldown: two days");

        assertFalse(picks(group("alice", "carol"), 100).containsKey("Pho 99"), "rests for a group with alice");
        assertFalse(picks(group("alice"), 100).containsKey("Pho 99"));
        assertFalse(picks(group("bob"), 100).containsKey("Pho 99"), "bob went too");
        assertTrue(picks(group("carol"), 100).containsKey("Pho 99"), "carol did not go: no rest for her");

        // unless nothing else is left
        Suggestion only = service.suggest(group("alice").excluding(idOf("Green Bowl")).excluding(idOf("Taco Truck")));
        assertEquals(pho.id(), only.option().id());

        f.clock.advance(Duration.ofDays(2).minusMinutes(1));
        assertFalse(picks(group("alice"), 100).containsKey("Pho 99"), "still resting a minute before the two days are up");
        f.clock.advance(Duration.ofMinutes(2));
        assertTrue(picks(group("alice"), 100).containsKey("Pho 99"), "back after the cooldown");

        // an undone decision does not rest the place; a longer cooldown set by the admin does
        f.clock.advance(Duration.ofDays(6)); // the first meal is 8 days old: past a 7-day cooldown too
        service.setCooldown(G, 7);
        Suggestion again = service.suggest(group("alice").excluding(idOf("Green Bowl")).excluding(idOf("Taco Truck")));
        assertTrue(service.go(G, again.id(), "alice").going());
        assertFalse(service.go(G, again.id(), "alice").going(), "the same again undoes it");
        assertTrue(picks(group("alice"), 100).containsKey("Pho 99"));
        assertTrue(service.go(G, again.id(), "alice").going());
        f.clock.advance(Duration.ofDays(6));
        assertFalse(picks(group("alice"), 100).containsKey("Pho 99"), "a longer cooldown set by the admin");
        assertThrows(EatException.class, () -> service.setCooldown(G, -1));
    }

    @Test
    void aLikeAloneNeverRestsAPlace() {
        Option pho = add("Pho 99", "");
        add("Green Bowl", "");
        Suggestion s = service.suggest(group("alice").excluding(idOf("Green Bowl")));
        service.react(G, s.id(), "alice", Reaction.LIKE);
        assertTrue(picks(group("alice"), 100).containsKey(pho.name()), "a 👍 is taste, not a decision");
    }

    @Test
    void onlyThePeopleOfASuggestionDecideOnIt() {
        add("Pho 99", "");
        Suggestion s = service.suggest(group("alice", "bob"));
        assertEquals("Only the people suggestion #" + s.id() + " was made for can decide to go.",
                assertThrows(EatException.class, () -> service.go(G, s.id(), "carol")).getMessage());
        assertEquals(List.of(), service.meals(G, ServiceFixture.START), "nothing was decided");
        assertEquals("That suggestion does not exist (any more).",
                assertThrows(EatException.class, () -> service.go(G, s.id() + 100, "alice")).getMessage());
    }

    @Test
    void aGuildsMealsSinceATimeHaveTheirPlacePeopleAndTime() {
        Option pho = add("Pho 99", "");
        Suggestion s = service.suggest(group("alice", "bob"));
        Instant decided = f.clock.instant();
        service.go(G, s.id(), "bob");
        f.clock.advance(Duration.ofHours(1));
        Suggestion undone = service.suggest(group("carol"));
        service.go(G, undone.id(), "carol");
        service.go(G, undone.id(), "carol");

        List<Meal> meals = service.meals(G, decided);
        assertEquals(1, meals.size(), "an undone decision is no meal: " + meals);
        Meal m = meals.get(0);
        assertEquals(List.of(pho.id(), s.id()), List.of(m.place().id(), m.suggestionId()));
        assertEquals(List.of("alice", "bob"), m.members());
        assertEquals("bob", m.decidedBy());
        assertEquals(decided, m.at());
        assertEquals(List.of(), service.meals(G, decided.plusMillis(1)), "decided before that instant");
    }

    private long idOf(String name) {
        return service.place(G, name).id();
    }

    @Test
    void closedPlacesAreSkippedAtTheTimeOfAskingOrAtTheGivenTime() {
        // ServiceFixture.START is Wednesday 12:00 UTC
        service.addPlace(G, "admin", "Lunch Only", "", null, "Mon-Fri 11:30-14:30");
        service.addPlace(G, "admin", "Dinner Only", "", null, "daily 18:00-23:00");
        service.addPlace(G, "admin", "Always", "", null, null);
        assertEquals(Set.of("Lunch Only", "Always"), picks(group("alice"), 60).keySet());
        assertEquals(Set.of("Dinner Only", "Always"), picks(group("alice").at("19:00"), 60).keySet());
        assertEquals(Set.of("Dinner Only", "Always"), picks(group("alice").at("sat 12:30").at("sat 19:00"), 60).keySet());
        assertEquals(Set.of("Always"), picks(group("alice").at("Sat 12:30"), 30).keySet(), "Lunch Only is closed on Saturdays");

        // the guild's time zone: 12:00 UTC is 21:00 in Tokyo
        service.setTimeZone(G, "Asia/Tokyo");
        assertEquals(Set.of("Dinner Only", "Always"), picks(group("alice"), 60).keySet());

        service.removePlace(G, "Always");
        assertEquals("Nothing is left after opening hours (Thu 03:00): it rules out all 2 places still in the running.",
                assertThrows(EatException.class, () -> service.suggest(group("alice").at("thu 3:00"))).getMessage());
        assertTrue(assertThrows(EatException.class, () -> service.suggest(group("alice").at("24:00"))).getMessage().contains("not a time"));
    }

    @Test
    void placeHoursAndLinksAreCheckedAndEditable() {
        Option o = service.addPlace(G, "admin", "Pho 99", "vietnamese", "https://pho99.example/menu", "mon-fri 11:00-21:00");
        assertEquals("Mon-Fri 11:00-21:00", o.hours(), "stored in the canonical form");
        Option e = service.editPlace(G, "pho 99", null, "none", "daily 10:00-22:00");
        assertEquals(null, e.link());
        assertEquals("daily 10:00-22:00", e.hours());
        assertEquals(List.of("vietnamese"), e.tags());
        assertThrows(EatException.class, () -> service.editPlace(G, "Pho 99", null, null, "Mon 9-5"));
        assertThrows(EatException.class, () -> service.editPlace(G, "Pho 99", null, "ftp://x", null));
        assertEquals("daily 10:00-22:00", service.place(G, "Pho 99").hours(), "a refused edit changes nothing");
        assertThrows(EatException.class, () -> service.addPlace(G, "admin", "Bad Hours", "", null, "sometimes"));
        assertEquals(1, service.places(G).size());
    }

    @Test
    void coldStartLeansANewcomerOnTheGuildsRatingsOnlyWhenTheAdminTurnsItOn() {
        Option fav = add("Guild Favourite", "");
        Option meh = add("Guild Letdown", "");
        for (String u : List.of("a", "b", "c", "d")) {
            rate(u, fav, Reaction.LIKE, 3);
            rate(u, meh, Reaction.DISLIKE, 3);
        }
        Map<String, Double> off = means(service.taste(G, "newcomer"));
        assertEquals(0.5, off.get("Guild Favourite"), 1e-9, "off by default: the plain prior");
        assertEquals(0.5, off.get("Guild Letdown"), 1e-9);

        service.setColdStart(G, 10);
        Map<String, Double> on = means(service.taste(G, "newcomer"));
        assertTrue(on.get("Guild Favourite") > 0.8, on.toString());
        assertTrue(on.get("Guild Letdown") < 0.2, on.toString());
        Map<String, Integer> got = picks(group("newcomer"), 100);
        assertTrue(got.getOrDefault("Guild Favourite", 0) > 85, "good suggestions from day one: " + got);

        // the newcomer's own feedback takes over
        rate("newcomer", fav, Reaction.DISLIKE, 12);
        Map<String, Double> later = means(service.taste(G, "newcomer"));
        assertTrue(later.get("Guild Favourite") < 0.5, later.toString());
        // and a member's prior does not count their own ratings twice
        Map<String, Double> a = means(service.taste(G, "a"));
        assertTrue(a.get("Guild Favourite") < on.get("Guild Favourite") + 0.1, a.toString());
    }

    private static Map<String, Double> means(Taste t) {
        Map<String, Double> m = new HashMap<>();
        for (Taste.Entry e : t.entries()) m.put(e.option().name(), e.mean());
        return m;
    }

    @Test
    void historyListsTheLastSuggestionsAndWhatPeopleSaid() {
        add("Pho 99", "");
        Suggestion first = service.suggest(group("alice", "bob"));
        service.react(G, first.id(), "alice", Reaction.LIKE);
        service.react(G, first.id(), "bob", Reaction.DISLIKE);
        f.clock.advance(Duration.ofDays(3));
        Suggestion second = service.suggest(group("carol"));
        service.react(G, second.id(), "carol", Reaction.LIKE);
        service.unreact(G, second.id(), "carol", Reaction.LIKE);

        List<PastSuggestion> h = service.historyWithReactions(G, 10);
        assertEquals(List.of(second.id(), first.id()), h.stream().map(p -> p.suggestion().id()).toList());
        assertEquals(List.of(), h.get(0).liked(), "a taken-back reaction is not shown");
        assertEquals(List.of("alice"), h.get(1).liked());
        assertEquals(List.of("bob"), h.get(1).disliked());
        assertEquals(List.of("alice", "bob"), h.get(1).suggestion().members());
        assertFalse(h.get(1).decided());

        service.go(G, first.id(), "alice");
        List<PastSuggestion> decided = service.historyWithReactions(G, 10);
        assertTrue(decided.get(1).decided(), "a meal is marked in the history");
        assertEquals("alice", decided.get(1).meal().decidedBy());
        assertFalse(decided.get(0).decided());
    }

    @Test
    void adminSettingsAreCheckedAndSaved() {
        assertEquals(0.9, service.setGamma(G, 0.9).discount());
        assertThrows(EatException.class, () -> service.setGamma(G, 0));
        assertThrows(EatException.class, () -> service.setGamma(G, 1.5));
        assertEquals(5, service.setColdStart(G, 5).coldStartStrength());
        assertThrows(EatException.class, () -> service.setColdStart(G, -1));
        assertEquals("Europe/Paris", service.setTimeZone(G, "Europe/Paris").timeZone());
        assertTrue(assertThrows(EatException.class, () -> service.setTimeZone(G, "Mars/Olympus")).getMessage().contains("unknown time zone"));
        GuildSettings s = service.settings(G);
        assertEquals(0.9, s.discount());
        assertEquals(5, s.coldStartStrength());
        assertEquals("Europe/Paris", s.timeZone());
        assertNotEquals(0, s.cooldownDays());
    }

    @Test
    void whyShowsEveryMembersBeliefsAboutTheCandidatesAtTheTime() {
        add("Pho 99", "");
        add("Green Bowl", "");
        Suggestion s = service.suggest(group("alice", "bob"));
        Why w = service.why(G, s.id(), "carol");
        assertEquals(s.id(), w.suggestion().id());
        assertEquals("carol", w.asker());
        assertEquals(List.of("alice", "bob"), w.reasons().members().stream().map(Reasons.Member::userId).toList());
        assertThrows(EatException.class, () -> service.why(G, 999, "bob"));
        Set<String> seen = new HashSet<>();
        w.candidates().forEach(o -> seen.add(o.name()));
        assertEquals(Set.of("Pho 99", "Green Bowl"), seen);
        assertEquals(s.option().id(), w.candidates().get(w.chosen()).id());
    }
}
