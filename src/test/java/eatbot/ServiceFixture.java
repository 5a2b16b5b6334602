package eatbot;

import eatbot.bandit.GroupRule;
import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Option;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.store.Database;
import eatbot.store.JdbcEatStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The real service on a real SQLite file in a temp folder, a hand-moved clock and a seeded random source. */
public final class ServiceFixture implements AutoCloseable {
    /** A Wednesday noon, UTC. */
    public static final Instant START = Instant.parse("2025-03-12T12:00:00Z");
    public static final GuildSettings DEFAULTS = GuildSettings.defaults();

    public final TestClock clock = new TestClock(START);
    public final JdbcEatStore store;
    public final EatService service;

    public ServiceFixture(Path dir, long seed) {
        this.store = new JdbcEatStore(Database.open(dir.resolve("eatbot.db")));
        this.service = new EatService(store, DEFAULTS, List.of(), clock, Randomness.seeded(seed));
    }

    /**
     * {@code times} reactions of one person to one place, through suggestions of just that place
     * (every other active place excluded): how tests give a person evidence.
     */
    public void rate(String guildId, String user, Option place, Reaction r, int times) {
        Set<Long> others = service.places(guildId).stream().map(Option::id).filter(id -> id != place.id()).collect(Collectors.toSet());
        for (int i = 0; i < times; i++) {
            Suggestion s = service.suggest(new SuggestRequest(guildId, user, List.of(user), others));
            if (s.option().id() != place.id()) throw new AssertionError("suggested " + s.option().name() + ", not " + place.name());
            service.react(guildId, s.id(), user, r);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
