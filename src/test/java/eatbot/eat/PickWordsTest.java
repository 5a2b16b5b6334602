package eatbot.eat;

import eatbot.ServiceFixture;
import eatbot.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words of a pick match the evidence: each label rule of {@link Pick#label},
 * the group's counts, and the sentences that say why a better place was not
 * picked — through the real service on a real SQLite file, seeded.
 */
class PickWordsTest {
    private static final String G = "guild";
    @TempDir Path dir;
    ServiceFixture f;
    EatService service;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, 7);
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

    /** {@code times} reactions of one person to one place, through suggestions of just that place. */
    private void rate(String user, Option place, Reaction r, int times) {
        f.rate(G, user, place, r, times);
    }

    /** The labels given to each place over {@code n} asks. */
    private Map<String, Map<Pick.Label, Integer>> labels(SuggestRequest r, int n) {
        Map<String, Map<Pick.Label, Integer>> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Suggestion s = service.suggest(r);
            out.computeIfAbsent(s.option().name(), k -> new EnumMap<>(Pick.Label.class)).merge(s.pick().label(), 1, Integer::sum);
        }
        return out;
    }

    private List<String> reasons(Suggestion s) {
        return new PickText(ZoneOffset.UTC, s.createdAt(), id -> id, name -> name).reasons(s);
    }

    /** The same sentences for a reader in zh-CN. */
    private List<String> chinese(Suggestion s) {
        return new PickText(ZoneOffset.UTC, s.createdAt(), id -> id, name -> name, Messages.of(Messages.SIMPLIFIED_CHINESE)).reasons(s);
    }

    @Test
    void aFavouriteIsTheBestMeanInTheRunningWithSomeLikes() {
        Option loved = add("Loved", "");
        rate("alice", loved, Reaction.LIKE, 1);
        for (String n : List.of("Meh One", "Meh Two", "Meh Three")) rate("alice", add(n, ""), Reaction.DISLIKE, 3);

        Map<String, Map<Pick.Label, Integer>> got = labels(group("alice"), 200);
        assertEquals(Set.of(Pick.Label.FAVOURITE), got.get("Loved").keySet(), got.toString());
        long others = got.entrySet().stream().filter(e -> !e.getKey().equals("Loved")).count();
        assertTrue(others > 0, "Thompson sampling still tries the others: " + got);
        for (var e : got.entrySet()) {
            if (e.getKey().equals("Loved")) continue;
            // 👍 0 👎 3 is known well enough and not the best: never "a favourite", never "new"
            assertEquals(Set.of(Pick.Label.ANOTHER_CHANCE), e.getValue().keySet(), got.toString());
        }
    }

    @Test
    void noPlaceIsAFavouriteWithoutALike() {
        for (String n : List.of("Meh One", "Meh Two")) rate("alice", add(n, ""), Reaction.DISLIKE, 3);
        Map<String, Map<Pick.Label, Integer>> got = labels(group("alice"), 40);
        for (var e : got.values()) assertEquals(Set.of(Pick.Label.LEAST_DISLIKED), e.keySet(), "tied for the best, but nobody liked them: " + got);
    }

    @Test
    void placesLikedAlikeAreBothFavouritesInATie() {
        rate("alice", add("Twin One", ""), Reaction.LIKE, 11);
        rate("alice", add("Twin Two", ""), Reaction.LIKE, 11);
        Map<String, Map<Pick.Label, Integer>> got = labels(group("alice"), 40);
        assertEquals(Set.of("Twin One", "Twin Two"), got.keySet());
        for (var e : got.values()) assertEquals(Set.of(Pick.Label.FAVOURITE), e.keySet(), got.toString());
    }

    @Test
    void somethingNewOnlyForAPlaceWithLittleEvidence() {
        rate("alice", add("Loved", ""), Reaction.LIKE, 1);
        add("Fresh", "");
        Option bad = add("Rejected", "");
        rate("alice", bad, Reaction.DISLIKE, 20);

        Map<String, Map<Pick.Label, Integer>> got = labels(group("alice"), 100);
        assertEquals(Set.of(Pick.Label.NEW), got.get("Fresh").keySet(), "never rated: new: " + got);
        // 👎 20, alone in the running: the least disliked, not "something new"
        Suggestion s = service.suggest(group("alice").excluding(service.place(G, "Loved").id()).excluding(service.place(G, "Fresh").id()));
        assertEquals(bad.id(), s.option().id());
        assertEquals(Pick.Label.LEAST_DISLIKED, s.pick().label());
        assertEquals(List.of(0, 20), List.of(s.pick().likes(), s.pick().dislikes()));
    }

    @Test
    void aPickBecauseTheBestIsRestingSaysSoByNameAndUntilWhen() {
        Option loved = add("Noodle Bar", "");
        rate("alice", loved, Reaction.LIKE, 10);
        for (String n : List.of("Meh One", "Meh Two")) rate("alice", add(n, ""), Reaction.DISLIKE, 3);
        Suggestion went = service.suggest(group("alice").excluding(service.place(G, "Meh One").id()).excluding(service.place(G, "Meh Two").id()));
        assertEquals(Pick.Label.FAVOURITE, went.pick().label());
        assertEquals(List.of(), reasons(went), "nothing better was out");
        service.go(G, went.id(), "alice"); // ServiceFixture.START: Wednesday 12:00 UTC

        Suggestion s = service.suggest(group("alice"));
        assertNotEquals(loved.id(), s.option().id());
        assertEquals(Pick.Label.BEST_LEFT, s.pick().label(), "the best of what is left, not \"a favourite\"");
        assertEquals(List.of("Noodle Bar is resting until Fri 12:00: you went today."), reasons(s));
        assertEquals(List.of("Noodle Bar 还在休息期，周五 12:00 之后才会再推荐：你今天去过。"), chinese(s), "day names in the reader's language");
        assertEquals("↪️ 退而求其次", PickText.heading(s.pick().label(), Messages.of(Messages.SIMPLIFIED_CHINESE)));
        assertEquals("↪️ The best of what is left", PickText.heading(s.pick().label(), Messages.ENGLISH));

        f.clock.advance(Duration.ofDays(1));
        assertEquals(List.of("Noodle Bar is resting until tomorrow 12:00: you went yesterday."), reasons(service.suggest(group("alice"))));

        // for a group with someone who did not go, it rests too, and the words say who went
        Suggestion withBob = service.suggest(group("bob", "alice"));
        assertEquals(List.of("Noodle Bar is resting until tomorrow 12:00: alice went yesterday."), reasons(withBob));
        assertEquals(List.of("Noodle Bar 还在休息期，明天 12:00 之后才会再推荐：alice昨天去过。"), chinese(withBob));

        f.clock.advance(Duration.ofDays(1));
        Suggestion back = service.suggest(group("alice"));
        assertEquals(loved.id(), back.option().id(), "the rest is over on Friday 12:00");
        assertEquals(List.of(), reasons(back));
    }

    @Test
    void aFilterOrVetoThatTookOutTheBestPlaceIsNamedBriefly() {
        Option hot = add("Sichuan House", "spicy");
        rate("alice", hot, Reaction.LIKE, 10);
        add("Green Bowl", "");

        Suggestion filtered = service.suggest(group("alice").filtered("spicy", null, null));
        assertEquals("Green Bowl", filtered.option().name());
        assertEquals(Pick.Label.BEST_LEFT, filtered.pick().label());
        assertEquals(List.of("Sichuan House, your best, is left out by not:spicy."), reasons(filtered));

        rate("bob", hot, Reaction.LIKE, 10); // bob likes it too, but has vetoed spicy food for now
        service.veto(G, "bob", null, "spicy");
        Suggestion vetoed = service.suggest(group("alice", "bob"));
        assertEquals(List.of("Sichuan House, the group's best, is left out by the vetoes of bob."), reasons(vetoed));
        Suggestion own = service.suggest(group("bob"));
        assertEquals(List.of("Sichuan House, your best, is left out by your vetoes."), reasons(own), "no \"bob's\": the asker is \"you\"");
        assertEquals(List.of("Sichuan House 本是你的首选，但被“not:spicy”排除了。"), chinese(filtered), "a filter is the option as typed");
        assertEquals(List.of("Sichuan House 本是大家的首选，但被“bob 的黑名单”排除了。"), chinese(vetoed));
        assertEquals(List.of("Sichuan House 本是你的首选，但被“你的黑名单”排除了。"), chinese(own));
    }

    @Test
    void inAGroupTheLabelFollowsTheGroupRuleAndTheCountsAreEveryones() {
        Option pho = add("Pho 99", "");
        rate("alice", pho, Reaction.LIKE, 2);
        rate("bob", pho, Reaction.LIKE, 3);
        rate("carol", pho, Reaction.DISLIKE, 1);
        Suggestion s = service.suggest(group("alice", "bob"));
        assertEquals(Pick.Label.FAVOURITE, s.pick().label());
        assertEquals(List.of(5, 0), List.of(s.pick().likes(), s.pick().dislikes()), "the group's 👍, not only the asker's");
        Suggestion three = service.suggest(group("alice", "bob", "carol"));
        assertEquals(List.of(5, 1), List.of(three.pick().likes(), three.pick().dislikes()));

        // dan hates what erin loves: for least misery it is no favourite of theirs; averaged, it is
        Option hotpot = add("Hotpot King", "");
        rate("erin", hotpot, Reaction.LIKE, 5);
        rate("dan", hotpot, Reaction.DISLIKE, 5);
        SuggestRequest onlyHotpot = group("erin", "dan").excluding(pho.id());
        assertEquals(Pick.Label.FAVOURITE, service.suggest(group("erin").excluding(pho.id())).pick().label(), "erin alone");
        assertEquals(Pick.Label.LEAST_DISLIKED, service.suggest(onlyHotpot).pick().label(), "least misery: dan never liked it");
        service.setGroupRule(G, "average");
        assertEquals(Pick.Label.FAVOURITE, service.suggest(onlyHotpot).pick().label(), "average: erin's 👍 speak for the group");
    }

    @Test
    void theLabelRulesInOrder() {
        double[] means = {0.8, 0.5, 0.8};
        int[] liked = {1};
        int[] none = {0};
        assertEquals(Pick.Label.FAVOURITE, Pick.label(means, 2, false, liked, new int[] {1}, eatbot.bandit.GroupRule.LEAST_MISERY), "a tie for the best");
        assertEquals(Pick.Label.BEST_LEFT, Pick.label(means, 0, true, liked, new int[] {9}, eatbot.bandit.GroupRule.LEAST_MISERY));
        assertEquals(Pick.Label.NEW, Pick.label(means, 0, false, none, new int[] {2}, eatbot.bandit.GroupRule.LEAST_MISERY));
        assertEquals(Pick.Label.LEAST_DISLIKED, Pick.label(means, 0, false, none, new int[] {3}, eatbot.bandit.GroupRule.LEAST_MISERY));
        assertEquals(Pick.Label.NEW, Pick.label(means, 1, true, liked, new int[] {2}, eatbot.bandit.GroupRule.LEAST_MISERY));
        assertEquals(Pick.Label.ANOTHER_CHANCE, Pick.label(means, 1, false, liked, new int[] {3}, eatbot.bandit.GroupRule.LEAST_MISERY));
    }

    @Test
    void theSievesStepsAreWordedForTheReaderAndFiltersStayAsTyped() {
        Messages zh = Messages.of(Messages.SIMPLIFIED_CHINESE);
        assertEquals("营业时间（现在，周五 12:00）", PickText.step("opening hours (now, Fri 12:00)", zh));
        assertEquals("营业时间（周二 19:30）", PickText.step("opening hours (Tue 19:30)", zh));
        assertEquals("opening hours (Tue 19:30)", PickText.step("opening hours (Tue 19:30)", Messages.ENGLISH));
        assertEquals("服务器黑名单", PickText.step("the server's vetoes", zh));
        assertEquals("<@42> 的黑名单", PickText.step("the vetoes of <@42>", zh));
        assertEquals("休息期", PickText.step(Cooldown.STEP, zh));
        assertEquals("max-price:$$", PickText.step("max-price:$$", zh));
    }
}
