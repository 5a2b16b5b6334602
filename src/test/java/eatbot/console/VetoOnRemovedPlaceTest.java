package eatbot.console;

import eatbot.Fixture;
import eatbot.eat.EatException;
import eatbot.eat.Veto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A standing veto on a place that was removed later: shown as such, and lifted by the place's name. */
class VetoOnRemovedPlaceTest {
    @TempDir
    Path dir;

    @Test
    void aVetoOnARemovedPlaceIsListedAsSuchAndLiftedByName() {
        try (Fixture f = new Fixture(dir.resolve("v.db"), 1)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Console console = new Console(f.service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "me");
            java.util.function.Function<String, String> say = line -> {
                bytes.reset();
                console.handle(line);
                return bytes.toString(StandardCharsets.UTF_8);
            };
            say.apply("/place add name:Pho 99");
            say.apply("/place add name:Taco Town");
            say.apply("/veto add place:Pho 99");
            say.apply("/eat-admin veto add place:pho 99");
            say.apply("/place remove name:Pho 99");

            String list = say.apply("/veto list");
            assertTrue(list.contains("Pho 99 (a removed place) — you"), list);
            assertTrue(list.contains("Pho 99 (a removed place) — the whole server"), list);

            assertEquals("Lifted your veto on Pho 99 (a removed place).\n", say.apply("/veto remove place:pho  99"));
            assertEquals("Lifted the server's veto on Pho 99 (a removed place).\n", say.apply("/eat-admin veto remove place:Pho 99"));
            assertTrue(say.apply("/veto list").startsWith("No vetoes"), "both lifted");
            assertTrue(say.apply("/veto remove place:Pho 99").contains("No place called 'Pho 99'"), "nothing left to lift");
        }
    }

    @Test
    void theActivePlaceOfThatNameComesFirstThenTheRemovedOne() {
        try (Fixture f = new Fixture(dir.resolve("w.db"), 1)) {
            long old = f.service.addPlace("g", "me", "Pho 99", "").id();
            f.service.veto("g", "me", "Pho 99", null);
            f.service.removePlace("g", "Pho 99");
            long now = f.service.addPlace("g", "me", "Pho 99", "").id();
            f.service.veto("g", "me", "Pho 99", null);
            assertEquals(List.of(true, false), f.service.vetoes("g", "me").stream().map(Veto::placeRemoved).toList());

            Veto first = f.service.liftVeto("g", "me", "Pho 99", null);
            assertEquals(now, first.placeId());
            assertFalse(first.placeRemoved());
            Veto second = f.service.liftVeto("g", "me", "Pho 99", null);
            assertEquals(old, second.placeId());
            assertTrue(second.placeRemoved());
            EatException none = assertThrows(EatException.class, () -> f.service.liftVeto("g", "me", "Pho 99", null));
            assertEquals("You have no veto on Pho 99.", none.getMessage());
        }
    }
}
