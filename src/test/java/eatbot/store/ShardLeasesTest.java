package eatbot.store;

import eatbot.ServiceFixture;
import eatbot.TestClock;
import eatbot.bandit.Randomness;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shard leases on a real PostgreSQL: one holder at a time, taken over only once expired, each
 * taking a new epoch; and the fence: a writer whose epoch was superseded writes nothing.
 */
class ShardLeasesTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** A guild on shard 1 of 2: (id >> 22) % 2 == 1. */
    private static final String GUILD = String.valueOf(1L << 22);

    @Test
    void aLeaseHasOneHolderUntilItExpiresAndEachTakeOverRaisesTheEpoch() throws Exception {
        TestPostgres.Db db = TestPostgres.freshDatabase("leases");
        TestClock clock = new TestClock(ServiceFixture.START);
        try (Database migrated = Database.openPostgres(db.url(), db.user(), db.password());
             ShardLeases a = ShardLeases.open(db.url(), db.user(), db.password(), "a", clock, LEASE);
             ShardLeases b = ShardLeases.open(db.url(), db.user(), db.password(), "b", clock, LEASE)) {
            assertEquals(4, a.total(4), "the first process sets the total");
            assertEquals(4, b.total(2), "a later one finds it (and Main refuses to start with 2)");

            long first = a.acquire(0).orElseThrow();
            assertEquals(OptionalLong.empty(), b.acquire(0), "held by a live process");
            clock.advance(LEASE.minusSeconds(1));
            assertTrue(a.renew(0, first));
            clock.advance(LEASE.minusSeconds(1));
            assertEquals(OptionalLong.empty(), b.acquire(0), "renewed: still a's");

            clock.advance(Duration.ofSeconds(2)); // a stopped renewing (paused, dead)
            long second = b.acquire(0).orElseThrow();
            assertTrue(second > first, "a new epoch");
            assertFalse(a.renew(0, first), "a finds it lost");
            assertEquals(List.of(new ShardLeases.Lease(0, "b", second, clock.instant().plus(LEASE))), a.leases(List.of(0)));

            b.release(0, second); // a clean stop gives it back at once
            assertTrue(a.acquire(0).getAsLong() > second);
        }
    }

    @Test
    void aWriterWhoseEpochWasSupersededWritesNothingAndTheNewHolderWrites() throws Exception {
        TestPostgres.Db db = TestPostgres.freshDatabase("fence");
        TestClock clock = new TestClock(ServiceFixture.START);
        try (JdbcEatStore old = new JdbcEatStore(Database.openPostgres(db.url(), db.user(), db.password()));
             JdbcEatStore next = new JdbcEatStore(Database.openPostgres(db.url(), db.user(), db.password()));
             ShardLeases oldLeases = ShardLeases.open(db.url(), db.user(), db.password(), "old", clock, LEASE);
             ShardLeases nextLeases = ShardLeases.open(db.url(), db.user(), db.password(), "next", clock, LEASE)) {
            EatService oldService = new EatService(old, ServiceFixture.DEFAULTS, List.of(), clock, Randomness.seeded(1));
            EatService nextService = new EatService(next, ServiceFixture.DEFAULTS, List.of(), clock, Randomness.seeded(2));
            long oldEpoch = oldLeases.acquire(1).orElseThrow();
            ShardLeases.fence(old.database(), 2, Map.of(1, oldEpoch));
            oldService.addPlace(GUILD, "amy", "Before Pause Pho", "");

            clock.advance(LEASE.plusSeconds(1)); // the old writer paused past its lease
            long nextEpoch = nextLeases.acquire(1).orElseThrow();
            ShardLeases.fence(next.database(), 2, Map.of(1, nextEpoch));

            RuntimeException refused = assertThrows(RuntimeException.class, () -> oldService.addPlace(GUILD, "amy", "Zombie Ramen", ""));
            assertTrue(ShardLeases.fenced(refused), refused.toString());
            Option added = nextService.addPlace(GUILD, "bob", "After Pause Udon", "");
            assertEquals(java.util.Set.of("Before Pause Pho", "After Pause Udon"),
                    next.options(GUILD, true).stream().map(Option::name).collect(java.util.stream.Collectors.toSet()),
                    "nothing of the old writer after its lease");
            assertTrue(next.option(GUILD, added.id()).isPresent());
        }
    }
}
