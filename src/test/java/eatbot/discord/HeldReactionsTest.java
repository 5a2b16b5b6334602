package eatbot.discord;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What bounds the wait of a reaction for its suggestion: time, the answer's own life, and room. */
class HeldReactionsTest {
    private final AtomicLong now = new AtomicLong(); // an injected monotonic clock, in nanoseconds

    @Test
    void reactionsWaitWhileAnAnswerIsExpectedAndComeBackInOrderWhenItSettles() {
        HeldReactions<String> held = new HeldReactions<>(now::get, 10);
        HeldReactions.Expected post = held.expect("c1");
        assertTrue(held.awaiting("c1"));
        assertFalse(held.awaiting("c2"), "only in the channel the answer goes to");
        held.hold("c1", "add");
        held.hold("c2", "elsewhere");
        held.hold("c1", "remove");
        held.settle(post);
        assertFalse(held.awaiting("c1"));
        assertEquals(List.of("add", "remove"), held.release("c1"));
        assertEquals(1, held.size());
    }

    @Test
    void aReactionWaitingLongerThanItsPatienceIsDropped() {
        HeldReactions<String> held = new HeldReactions<>(now::get, 10);
        held.expect("c1");
        held.hold("c1", "early");
        now.addAndGet(HeldReactions.PATIENCE_NANOS / 2);
        held.hold("c1", "later");
        now.addAndGet(HeldReactions.PATIENCE_NANOS / 2 + 1);
        assertEquals(List.of("early"), held.expire());
        assertEquals(List.of("later"), held.release("c1"));
    }

    @Test
    void anAnswerThatNeverSettlesStopsBeingAwaitedAfterDiscordsFifteenMinutes() {
        HeldReactions<String> held = new HeldReactions<>(now::get, 10);
        held.expect("c1");
        now.addAndGet(HeldReactions.EXPECTED_NANOS + 1);
        assertFalse(held.awaiting("c1"));
    }

    @Test
    void whenFullTheOldestWaitingReactionMakesRoom() {
        HeldReactions<String> held = new HeldReactions<>(now::get, 2);
        held.expect("c1");
        assertEquals(List.of(), held.hold("c1", "a"));
        assertEquals(List.of(), held.hold("c1", "b"));
        assertEquals(List.of("a"), held.hold("c1", "c"));
        assertEquals(List.of("b", "c"), held.drain());
    }
}
