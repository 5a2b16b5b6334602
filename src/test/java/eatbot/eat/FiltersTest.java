package eatbot.eat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiltersTest {
    private static Option place(long id, String name, String... tags) {
        return new Option(id, "g", name, List.of(tags), null, null, null, false, Instant.EPOCH);
    }

    @Test
    void parsesWhatPeopleType() {
        Filters f = Filters.parse("Spicy, smelly", "$$", "vegetarian");
        assertEquals(Set.of("spicy", "smelly"), f.not());
        assertEquals(2, f.maxPrice());
        assertEquals(Set.of("vegetarian"), f.only());
        assertEquals(3, Filters.parse(null, "3", null).maxPrice());
        assertTrue(Filters.parse(null, " ", "").isEmpty());
        assertEquals("not:smelly,spicy max-price:$$ only:vegetarian", f.toString());
    }

    @Test
    void refusesWhatCannotMeanAnything() {
        assertTrue(assertThrows(EatException.class, () -> Filters.parse(null, "$$$$$", null)).getMessage().contains("max-price"));
        assertTrue(assertThrows(EatException.class, () -> Filters.parse(null, "cheap", null)).getMessage().contains("max-price"));
        assertTrue(assertThrows(EatException.class, () -> Filters.parse("spicy", null, "spicy")).getMessage().contains("both"));
    }

    @Test
    void keepsExactlyThePlacesThatPass() {
        List<Option> all = List.of(
                place(1, "Sichuan House", "chinese", "spicy", "$$"),
                place(2, "Hotpot King", "chinese", "smelly", "$$"),
                place(3, "Green Bowl", "vegetarian", "$"),
                place(4, "Steakhouse", "western", "$$$$"),
                place(5, "Veggie Deluxe", "vegetarian", "$$$"),
                place(6, "Falafel Cart", "vegetarian"));
        Sieve sieve = new Sieve(all);
        Filters.parse("spicy,smelly", "$$", "vegetarian").applyTo(sieve);
        assertEquals(List.of("Green Bowl", "Falafel Cart"), sieve.left().stream().map(Option::name).toList(),
                "a place without a price tag is kept under max-price");
    }

    @Test
    void theMessageNamesTheFilterThatEmptiedTheList() {
        Sieve sieve = new Sieve(List.of(place(1, "Sichuan House", "spicy", "$$"), place(2, "Steakhouse", "$$$$")));
        EatException e = assertThrows(EatException.class, () -> Filters.parse("spicy", "$$", null).applyTo(sieve));
        assertEquals("Nothing is left after max-price:$$: it rules out the one place still in the running.", e.getMessage());
    }
}
