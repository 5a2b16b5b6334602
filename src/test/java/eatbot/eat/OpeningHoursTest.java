package eatbot.eat;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpeningHoursTest {
    // 2025-03-10 is a Monday
    private static LocalDateTime mon(int h, int m) { return LocalDateTime.of(2025, 3, 10, h, m); }
    private static LocalDateTime sat(int h, int m) { return LocalDateTime.of(2025, 3, 15, h, m); }
    private static LocalDateTime sun(int h, int m) { return LocalDateTime.of(2025, 3, 16, h, m); }

    @Test
    void lunchAndDinnerOnWeekdays() {
        OpeningHours h = OpeningHours.parse("Mon-Fri 11:30-14:30,17:30-22:00; Sat 12:00-23:00");
        assertFalse(h.isOpen(mon(11, 29)));
        assertTrue(h.isOpen(mon(11, 30)));
        assertTrue(h.isOpen(mon(14, 29)));
        assertFalse(h.isOpen(mon(14, 30)), "closing time is not open");
        assertFalse(h.isOpen(mon(16, 0)));
        assertTrue(h.isOpen(mon(19, 0)));
        assertTrue(h.isOpen(sat(22, 59)));
        assertFalse(h.isOpen(sun(13, 0)), "a day no rule names is closed");
    }

    @Test
    void hoursPastMidnightRunIntoTheNextDay() {
        OpeningHours h = OpeningHours.parse("fri,sat 18:00-02:00");
        assertTrue(h.isOpen(sat(1, 59)), "Friday night, after midnight");
        assertTrue(h.isOpen(sun(0, 30)), "Saturday night, after midnight");
        assertFalse(h.isOpen(sun(2, 0)));
        assertFalse(h.isOpen(sun(18, 0)));
        assertFalse(h.isOpen(mon(1, 0)));
    }

    @Test
    void laterRulesReplaceEarlierOnesAndTheTextIsCanonical() {
        OpeningHours h = OpeningHours.parse("daily 11:00-23:00; tue closed");
        assertFalse(h.isOpen(LocalDateTime.of(2025, 3, 11, 12, 0)), "Tuesday closed");
        assertTrue(h.isOpen(mon(12, 0)));
        assertEquals("Mon 11:00-23:00; Wed-Sun 11:00-23:00", h.toString());
        assertEquals("daily 00:00-24:00", OpeningHours.parse("Monday - Sunday 0:00-24:00").toString());
        assertEquals("Mon 09:00-17:00; Wed-Fri 09:00-17:00",
                OpeningHours.parse("Mon, Wed-Fri 9:00 - 17:00").toString());
        assertEquals(h, OpeningHours.parse(h.toString()), "the canonical text reads back the same");
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(EatException.class, () -> OpeningHours.parse("Mon 25:00-26:00")).getMessage().contains("does not exist"));
        assertTrue(assertThrows(EatException.class, () -> OpeningHours.parse("Funday 11:00-12:00")).getMessage().contains("'funday' is not a day"));
        assertTrue(assertThrows(EatException.class, () -> OpeningHours.parse("Mon 11-14")).getMessage().contains("not a time range"));
        assertTrue(assertThrows(EatException.class, () -> OpeningHours.parse("Mon")).getMessage().contains("needs times"));
        assertTrue(assertThrows(EatException.class, () -> OpeningHours.parse("Mon 12:00-12:00")).getMessage().contains("same time"));
        assertTrue(assertThrows(EatException.class, () -> OpeningHours.parse("daily closed")).getMessage().contains("never open"));
    }

    @Test
    void storedTextThatDoesNotParseCountsAsUnknown() {
        assertNull(OpeningHours.ofStored("lunch and dinner, ask Bob"));
        assertNull(OpeningHours.ofStored(null));
    }

    @Test
    void mealTimeIsTodayOrTheNamedDayInTheGuildZone() {
        ZonedDateTime wedNoon = ZonedDateTime.of(2025, 3, 12, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
        assertEquals(LocalDateTime.of(2025, 3, 12, 19, 0), MealTime.parse("19:00").resolve(wedNoon));
        assertEquals(LocalDateTime.of(2025, 3, 14, 19, 30), MealTime.parse("Fri 19:30").resolve(wedNoon));
        assertEquals(LocalDateTime.of(2025, 3, 12, 8, 0), MealTime.parse("wed 8:00").resolve(wedNoon));
        assertNull(MealTime.parse(" "));
        assertThrows(EatException.class, () -> MealTime.parse("7pm"));
        assertThrows(EatException.class, () -> MealTime.parse("24:00"));
    }
}
