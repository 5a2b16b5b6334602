package eatbot.store;

import eatbot.Fixture;
import eatbot.TestClock;
import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.EatStore;
import eatbot.eat.GuildSettings;
import eatbot.eat.NewOption;

import java.time.Instant;
import java.util.List;

/** The real service over any {@link EatStore}, a hand-moved clock and a seeded random source: what the contract suite drives. */
public final class StoreFixture implements AutoCloseable {
    public final EatStore store;
    public final EatService service;
    public final TestClock clock;

    public StoreFixture(EatStore store, long seed) {
        this(store, seed, Fixture.DEFAULTS, Instant.parse("2026-11-26T12:00:00Z"));
    }

    public StoreFixture(EatStore store, long seed, GuildSettings defaults, Instant start) {
        this(store, seed, defaults, start, List.of());
    }

    public StoreFixture(EatStore store, long seed, GuildSettings defaults, Instant start, List<NewOption> starters) {
        this.store = store;
        this.clock = new TestClock(start);
        this.service = new EatService(store, defaults, starters, clock, Randomness.seeded(seed));
    }

    @Override
    public void close() {
        store.close();
    }
}
