package eatbot.eat;

import eatbot.Fixture;
import eatbot.plan.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /eat plan through the real service and database: what the days hold, and what is refused. */
class MealPlanTest {
    private static final String G = "g";

    @TempDir
    Path dir;

    private static SuggestRequest me() {
        return SuggestRequest.forUser(G, "me");
    }

    /** Eight places of four cuisines; Thai Palace is liked 20 times, the others disliked. */
    private static void favouriteAmongDisliked(EatService s) {
        s.addPlace(G, "me", "Thai Palace", "thai,fav");
        s.addPlace(G, "me", "Thai Corner", "thai,x1");
        s.addPlace(G, "me", "Pizza One", "pizza,x2");
        s.addPlace(G, "me", "Pizza Two", "pizza,x3");
        s.addPlace(G, "me", "Sushi Bar", "sushi,x4");
        s.addPlace(G, "me", "Burger Hut", "burger,x5");
        for (int i = 0; i < 20; i++) rate(s, "fav", Reaction.LIKE);
        for (int x = 1; x <= 5; x++) for (int i = 0; i < 6; i++) rate(s, "x" + x, Reaction.DISLIKE);
    }

    private static void rate(EatService s, String tag, Reaction r) {
        Suggestion sug = s.suggest(me().filtered(null, null, tag));
        s.react(G, sug.id(), "me", r);
    }

    @Test
    void withoutVarietyTheFavouriteFillsMostDaysAndWithVarietyItNeverComesTwoDaysRunning() {
        try (Fixture f = new Fixture(dir.resolve("db"), 1)) {
            EatService s = f.service;
            favouriteAmongDisliked(s);
            s.setVariety(G, 0);
            int favourite = 0;
            for (int ask = 0; ask < 10; ask++) {
                for (MealPlan.Day d : s.plan(me(), 14).days()) if (d.place().name().equals("Thai Palace")) favourite++;
            }
            assertTrue(favourite > 10 * 14 * 3 / 4, "the favourite on most days: " + favourite + " of 140");

            s.setVariety(G, 0.3);
            for (int ask = 0; ask < 10; ask++) {
                List<MealPlan.Day> days = s.plan(me(), 14).days();
                for (int t = 1; t < days.size(); t++) assertNotEquals(days.get(t - 1).place(), days.get(t).place(), "day " + t);
                assertTrue(days.stream().anyMatch(d -> d.place().name().equals("Thai Palace") && d.reason() == Reason.FAVOURITE));
            }
        }
    }

    @Test
    void vetoedFilteredAndClosedPlacesAreNeverPlanned() {
        try (Fixture f = new Fixture(dir.resolve("db"), 2)) {
            EatService s = f.service;
            s.addPlace(G, "me", "Vetoed", "thai");
            s.addPlace(G, "me", "Spicy", "sichuan,spicy");
            s.addPlace(G, "me", "Weekdays", "pizza", null, "Mon-Fri 11:00-15:00");
            s.addPlace(G, "me", "Evenings", "sushi", null, "daily 18:00-23:00");
            s.addPlace(G, "me", "Always", "burger");
            s.addPlace(G, "me", "Sometimes", "kebab", null, "Sat-Sun 11:00-15:00");
            s.veto(G, "me", "Vetoed", null);
            for (int ask = 0; ask < 20; ask++) {
                MealPlan plan = s.plan(me().filtered("spicy", null, null), 14);
                assertEquals(14, plan.days().size());
                for (MealPlan.Day d : plan.days()) {
                    String name = d.place().name();
                    assertFalse(Set.of("Vetoed", "Spicy", "Evenings").contains(name), name);
                    boolean weekend = d.date().getDayOfWeek().getValue() >= 6;
                    if (name.equals("Weekdays")) assertFalse(weekend, d.date().toString());
                    if (name.equals("Sometimes")) assertTrue(weekend, d.date().toString());
                }
            }
            // at 19:00 the evening place is open and the lunch places are not
            for (MealPlan.Day d : s.plan(me().filtered("spicy", null, null).at("19:00"), 7).days()) assertTrue(Set.of("Evenings", "Always").contains(d.place().name()), d.place().name());
        }
    }

    @Test
    void aMealDecidedYesterdayKeepsItsPlaceAndCuisineOffToday() {
        try (Fixture f = new Fixture(dir.resolve("db"), 7)) {
            EatService s = f.service;
            s.addPlace(G, "me", "Thai Palace", "thai,fav");
            s.addPlace(G, "me", "Thai Corner", "thai,tc");
            s.addPlace(G, "me", "Pizza One", "pizza,p1");
            for (int i = 0; i < 20; i++) rate(s, "fav", Reaction.LIKE);
            for (int i = 0; i < 20; i++) rate(s, "tc", Reaction.LIKE);
            for (int i = 0; i < 3; i++) rate(s, "p1", Reaction.DISLIKE);
            // bob and I went to Thai Palace yesterday
            Suggestion went = s.suggest(new SuggestRequest(G, "me", List.of("me", "bob"), Set.of()).filtered(null, null, "fav"));
            s.go(G, went.id(), "me");
            f.clock.advance(Duration.ofDays(1));
            SuggestRequest forBob = new SuggestRequest(G, "bob", List.of("bob"), Set.of());
            for (int ask = 0; ask < 10; ask++) {
                MealPlan.Day today = s.plan(me(), 2).days().get(0);
                assertEquals(f.clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), today.date());
                assertEquals("Pizza One", today.place().name(), "not yesterday's place, nor its cuisine while another is open");
                assertEquals(Reason.FOR_VARIETY, today.reason());
            }
            // carol was not there: her plan does not know that meal
            SuggestRequest carol = SuggestRequest.forUser(G, "carol");
            boolean thaiToday = false;
            for (int ask = 0; ask < 20 && !thaiToday; ask++) thaiToday = s.plan(carol, 1).days().get(0).place().name().startsWith("Thai");
            assertTrue(thaiToday);
            // bob was there: whatever his (unknown) taste draws, yesterday's place is not today's
            for (int ask = 0; ask < 20; ask++) assertNotEquals("Thai Palace", s.plan(forBob, 1).days().get(0).place().name());
        }
    }

    @Test
    void startsTodayUntilTheMealTimeHasPassedThenTomorrow() {
        try (Fixture f = new Fixture(dir.resolve("db"), 3)) {
            EatService s = f.service;
            s.addPlace(G, "me", "A", "thai");
            LocalDate today = f.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
            s.setMealTime(G, "23:59");
            assertEquals(today, s.plan(me(), 3).days().get(0).date());
            s.setMealTime(G, "00:00");
            assertEquals(today.plusDays(1), s.plan(me(), 3).days().get(0).date());
            assertEquals(today.plusDays(3), s.plan(me(), 3).days().get(2).date());
            assertEquals(today, s.plan(me().at("23:59"), 1).days().get(0).date());
            f.clock.advance(Duration.ofDays(1));
            assertEquals(today.plusDays(2), s.plan(me(), 3).days().get(0).date());
        }
    }

    @Test
    void refusesWhatCannotBeAPlanInOneLine() {
        try (Fixture f = new Fixture(dir.resolve("db"), 4)) {
            EatService s = f.service;
            EatException none = assertThrows(EatException.class, () -> s.plan(me(), 7));
            assertEquals("There are no places yet. Add one with /place add name:<place>.", none.getMessage());
            s.addPlace(G, "me", "Lunch", "thai", null, "daily 11:00-14:00");
            assertEquals("days: must be 1 to 14, got 0.", assertThrows(EatException.class, () -> s.plan(me(), 0)).getMessage());
            assertEquals("days: must be 1 to 14, got 15.", assertThrows(EatException.class, () -> s.plan(me(), 15)).getMessage());
            assertTrue(assertThrows(EatException.class, () -> s.plan(me().at("fri 12:00"), 3)).getMessage().startsWith("at: takes a time of day"));
            assertEquals("Nothing is left after opening hours: the one place still in the running is closed at 20:00 on each of those 2 days.",
                    assertThrows(EatException.class, () -> s.plan(me().at("20:00"), 2)).getMessage());
            assertTrue(assertThrows(EatException.class, () -> s.plan(me().filtered("thai", null, null), 2)).getMessage().startsWith("Nothing is left after not:thai"));
        }
    }
}
