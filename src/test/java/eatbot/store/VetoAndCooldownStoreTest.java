package eatbot.store;

import eatbot.ServiceFixture;
import eatbot.eat.Feedback;
import eatbot.eat.Option;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.eat.Veto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The V2 schema: vetoes survive a restart, and the cooldown's read of recent 👍 is exact at its edge. */
class VetoAndCooldownStoreTest {
    @TempDir Path dir;

    @Test
    void vetoesSurviveARestartAndCountOnce() {
        long place;
        try (ServiceFixture f = new ServiceFixture(dir, 1)) {
            place = f.service.addPlace("g", "u", "Hotpot King", "smelly").id();
            assertTrue(f.store.addVeto("g", new Veto("bob", place, null, null), Instant.EPOCH));
            assertFalse(f.store.addVeto("g", new Veto("bob", place, null, null), Instant.EPOCH), "the same veto once");
            assertTrue(f.store.addVeto("g", new Veto(null, null, null, "smelly"), Instant.EPOCH));
            assertTrue(f.store.addVeto("g", new Veto("bob", null, null, "smelly"), Instant.EPOCH), "bob's differs from the server's");
        }
        try (ServiceFixture f = new ServiceFixture(dir, 1)) {
            List<Veto> v = f.store.vetoes("g");
            assertEquals(List.of(new Veto("bob", place, "Hotpot King", null), new Veto(null, null, null, "smelly"),
                    new Veto("bob", null, null, "smelly")), v);
            assertTrue(f.store.removeVeto("g", new Veto(null, null, null, "smelly")));
            assertFalse(f.store.removeVeto("g", new Veto(null, null, null, "smelly")));
            assertEquals(2, f.store.vetoes("g").size());
        }
    }

    @Test
    void forgettingAPersonLiftsTheirVetoesButNotTheServers() {
        try (ServiceFixture f = new ServiceFixture(dir, 1)) {
            f.service.addPlace("g", "u", "Hotpot King", "smelly");
            f.service.veto("g", "bob", "Hotpot King", null);
            f.service.veto("g", "carol", null, "smelly");
            f.service.veto("g", null, null, "spicy");
            f.service.privacyForget("g", "bob");
            assertEquals(List.of(new Veto("carol", null, null, "smelly"), new Veto(null, null, null, "spicy")), f.store.vetoes("g"));
        }
    }

    @Test
    void recentFeedbackIsReadByInstantNotByText() {
        try (ServiceFixture f = new ServiceFixture(dir, 1)) {
            Option o = f.service.addPlace("g", "u", "Pho 99", "");
            f.clock.set(Instant.parse("2025-03-12T12:00:00Z")); // no fraction: "…00Z" sorts after "…00.5Z" as text
            Suggestion s1 = f.service.suggest(SuggestRequest.forUser("g", "a"));
            f.service.react("g", s1.id(), "a", Reaction.LIKE);
            f.clock.set(Instant.parse("2025-03-12T12:00:00.500Z"));
            Suggestion s2 = f.service.suggest(SuggestRequest.forUser("g", "b"));
            f.service.react("g", s2.id(), "b", Reaction.LIKE);
            List<Feedback> since = f.store.feedbackSince("g", Instant.parse("2025-03-12T12:00:00.250Z"));
            assertEquals(List.of("b"), since.stream().map(Feedback::userId).toList());
            assertEquals(2, f.store.feedbackSince("g", Instant.parse("2025-03-12T11:59:59.999Z")).size());
            assertEquals(o.id(), since.get(0).optionId());
            f.clock.advance(Duration.ofSeconds(1));
            f.service.unreact("g", s2.id(), "b", Reaction.LIKE);
            assertEquals(List.of(), f.store.feedbackSince("g", Instant.parse("2025-03-12T12:00:00.250Z")), "retracted: gone");
        }
    }
}
