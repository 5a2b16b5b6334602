package eatbot.store;

import eatbot.Fixture;
import eatbot.eat.ColdStart;
import eatbot.eat.GuildSettings;
import eatbot.eat.Option;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cold start from the store's sums per place ({@code SqliteEatStore.placeEvidence})
 * (the guild's totals minus the asker's own) gives every person the same prior for every
 * place as the definition (the others' rows, read one by one, the asker left out): on a
 * seeded random guild, with and without a discount.
 */
class ColdStartSumsTest {
    @TempDir
    Path dir;

    @Test
    void sumsPerPlaceGiveTheSamePriorsAsEveryRow() {
        for (double gamma : new double[] {1.0, 0.9}) {
            try (Fixture f = new Fixture(dir.resolve("g" + gamma + ".db"), 1)) {
                GuildSettings s = f.service.setGamma("g", gamma).withColdStartStrength(8).withPrior(1, 2);
                List<String> users = seedRandomGuild(f, gamma, new Random(2026));
                List<Option> places = f.store.options("g", true);

                Map<String, Map<Long, Preference>> rows = f.store.guildPreferences("g");
                Map<String, Long> steps = f.store.steps("g");
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
    private static List<String> seedRandomGuild(Fixture f, double gamma, Random r) {
        List<Option> places = new ArrayList<>();
        for (int i = 0; i < 10; i++) places.add(f.service.addPlace("g", "admin", "Place " + i, ""));
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            suggestions.add(f.store.addSuggestion("g", "admin", List.of("admin"), places.get(r.nextInt(places.size())),
                    "thompson", false, Instant.EPOCH));
        }
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 25; u++) users.add("u" + u);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Suggestion s = suggestions.get(r.nextInt(suggestions.size()));
            String u = users.get(r.nextInt(users.size()));
            Reaction reaction = r.nextInt(3) == 0 ? Reaction.DISLIKE : Reaction.LIKE;
            pending.add(r.nextInt(8) == 0
                    ? f.store.submitRetraction(s, u, reaction, gamma, Instant.EPOCH)
                    : f.store.submitFeedback(s, u, reaction, gamma, Instant.EPOCH));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        users.add("newcomer");
        return users;
    }
}
