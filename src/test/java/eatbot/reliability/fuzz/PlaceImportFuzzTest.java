package eatbot.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eatbot.eat.EatException;
import eatbot.eat.Names;
import eatbot.eat.NewOption;
import eatbot.eat.Option;
import eatbot.eat.PlaceTransfer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The place import reader on arbitrary bytes: it accepts only entries that the
 * name rules accept (and then exports and re-imports them unchanged), or it
 * refuses with a clear message; it never throws anything else. Seeds live in
 * src/test/resources/eatbot/reliability/fuzz/PlaceImportFuzzTestInputs.
 */
class PlaceImportFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void readsOrRefusesClearly(byte[] file) {
        List<NewOption> read;
        try {
            read = PlaceTransfer.read(file, "fuzzer");
        } catch (EatException e) {
            FuzzChecks.clearMessage(e.getMessage());
            return;
        }
        List<Option> places = new ArrayList<>();
        long id = 1;
        for (NewOption o : read) {
            assertEquals(Names.placeName(o.name()), o.name(), "names are stored clean");
            assertEquals(Names.tags(String.join(",", o.tags())), o.tags());
            assertEquals(Names.link(o.link()), o.link());
            places.add(new Option(id++, "g", o.name(), o.tags(), o.link(), o.hours(), null, false, Instant.EPOCH));
        }
        List<NewOption> again = PlaceTransfer.read(PlaceTransfer.write(places).getBytes(StandardCharsets.UTF_8), "fuzzer");
        assertEquals(read, again, "an accepted file survives export and re-import");
    }
}
