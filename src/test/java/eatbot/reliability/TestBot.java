package eatbot.reliability;

import eatbot.TestClock;
import eatbot.bandit.GroupRule;
import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.Feedback;
import eatbot.eat.GuildSettings;
import eatbot.eat.NewOption;
import eatbot.eat.Preference;
import eatbot.store.Backup;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bot's service over a real SQLite file, as App wires it, for tests. */
public final class TestBot implements AutoCloseable {
    static final List<String> STARTERS = List.of("Pho 99", "Taco Town", "Curry House", "Sushi Go");

    public final Path file;
    public final JdbcEatStore store;
    public final EatService service;
    /** The service's clock, moved by hand; tests never read the wall clock. */
    public final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));

    private TestBot(Path file, double gamma) {
        this.file = file;
        this.store = new JdbcEatStore(Database.open(file));
        this.service = new EatService(store, defaults(gamma),
                STARTERS.stream().map(n -> new NewOption(n, List.of(), null, null, null)).toList(),
                clock, Randomness.seeded(42));
    }

    public static TestBot open(Path dir) {
        return new TestBot(dir.resolve("eatbot.db"), 1.0);
    }

    /** The bot over this database file (e.g. a restored backup). */
    public static TestBot at(Path file) {
        return new TestBot(file, 1.0);
    }

    static TestBot open(Path dir, double gamma) {
        return new TestBot(dir.resolve("eatbot.db"), gamma);
    }

    static GuildSettings defaults(double gamma) {
        return GuildSettings.defaults().toBuilder().cooldownDays(0).discount(gamma).build();
    }

    /** The stored Beta parameters of every person in the guild equal a rebuild from the feedback log (on a copy). */
    public void assertPreferencesMatchLog(String guildId, Path scratch) {
        assertPreferencesMatchLog(store, guildId, service.settings(guildId).discount(), scratch, "");
    }

    /**
     * The check itself, for a store opened without a service (the crash harness):
     * a copy of the file is rebuilt from its log and compared, person by person.
     */
    public static void assertPreferencesMatchLog(JdbcEatStore store, String guildId, double gamma, Path scratch, String context) {
        List<Feedback> log = store.feedback(guildId);
        Set<String> users = new HashSet<>();
        log.forEach(f -> users.add(f.userId()));
        Path copy = scratch.resolve("rebuild-" + System.nanoTime() + ".db");
        Backup.copy(store.database().file(), copy);
        try (JdbcEatStore rebuilt = new JdbcEatStore(Database.open(copy))) {
            rebuilt.rebuildPreferences(guildId, gamma);
            for (String u : users) {
                long step = store.step(guildId, u);
                assertEquals(log.stream().filter(f -> f.userId().equals(u)).count(), step, "feedback step of " + u + context);
                Map<Long, Preference> live = store.preferences(guildId, u);
                Map<Long, Preference> fresh = rebuilt.preferences(guildId, u);
                Set<Long> options = new HashSet<>(live.keySet());
                options.addAll(fresh.keySet());
                for (long o : options) {
                    Preference a = live.getOrDefault(o, Preference.none(o)).at(step, gamma);
                    Preference b = fresh.getOrDefault(o, Preference.none(o)).at(step, gamma);
                    String what = guildId + "/" + u + " on option " + o + ": stored " + a + ", rebuilt " + b + context;
                    assertEquals(b.likes(), a.likes(), what);
                    assertEquals(b.dislikes(), a.dislikes(), what);
                    assertEquals(b.successes(), a.successes(), 1e-9, what);
                    assertEquals(b.failures(), a.failures(), 1e-9, what);
                }
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
