package eatbot;

import eatbot.bandit.GroupRule;
import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.NewOption;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A real service on a real SQLite file, with a seeded random source: what most tests start from. */
public final class Fixture implements AutoCloseable {
    public static final GuildSettings DEFAULTS = GuildSettings.defaults();

    public final Path file;
    public final JdbcEatStore store;
    public final EatService service;
    /** The service's clock: tests read time from here, never from the wall clock. */
    public final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));

    public Fixture(Path file, long seed) {
        this(file, seed, List.of());
    }

    public Fixture(Path file, long seed, List<NewOption> starters) {
        this.file = file;
        this.store = new JdbcEatStore(Database.open(file));
        this.service = new EatService(store, DEFAULTS, starters,
                clock, Randomness.seeded(seed));
    }

    @Override
    public void close() {
        store.close();
    }
}
