package eatbot.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Reactions that arrive before eatbot knows their message is a suggestion: a
 * 👍 on the "thinking…" message, or one sent while Discord's answer to the
 * edit is still on its way. While a public answer is expected in a channel,
 * a reaction there on a message not (yet) linked to a suggestion waits here
 * instead of being dropped, and is looked at again once the answer settles.
 * Bounded: a reaction waits at most {@link #PATIENCE_NANOS}, an expected
 * answer counts for at most {@link #EXPECTED_NANOS} (Discord's 15 minutes for
 * an interaction), and at most {@link #CAPACITY} reactions wait; what goes
 * over is dropped and logged.
 *
 * <p>{@link #expect} may be called from any thread; everything else runs on
 * the single feedback thread, so reactions keep their gateway order.
 */
final class HeldReactions<E> {
    private static final Logger log = LoggerFactory.getLogger(HeldReactions.class);
    static final long PATIENCE_NANOS = 120_000_000_000L;
    static final long EXPECTED_NANOS = 900_000_000_000L;
    static final int CAPACITY = 10_000;

    /** A public answer on its way to a channel. */
    static final class Expected {
        final String channelId;
        final long since;
        volatile boolean settled;

        private Expected(String channelId, long since) {
            this.channelId = channelId;
            this.since = since;
        }
    }

    private record Held<E>(String channelId, E event, long since) {}

    private final LongSupplier nanos;
    private final int capacity;
    private final Map<String, List<Expected>> expected = new ConcurrentHashMap<>();
    private final Deque<Held<E>> held = new ArrayDeque<>();

    HeldReactions(LongSupplier nanos, int capacity) {
        this.nanos = nanos;
        this.capacity = capacity;
    }

    /** An answer is coming in this channel (called before it is acknowledged, on the gateway thread). */
    Expected expect(String channelId) {
        Expected e = new Expected(channelId, nanos.getAsLong());
        expected.computeIfAbsent(channelId, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(e);
        return e;
    }

    /** Whether an answer is still expected in the channel (one older than Discord lets it be is not). */
    boolean awaiting(String channelId) {
        List<Expected> list = expected.get(channelId);
        if (list == null) return false;
        long now = nanos.getAsLong();
        synchronized (list) {
            list.removeIf(e -> e.settled || now - e.since > EXPECTED_NANOS);
            return !list.isEmpty();
        }
    }

    /** The answer came (or failed); call {@link #release} for its channel after. */
    void settle(Expected e) {
        e.settled = true;
    }

    /** Keeps a reaction until its channel's answers settle; returns the reactions dropped to make room (oldest first). */
    List<E> hold(String channelId, E event) {
        List<E> out = expire();
        if (held.size() >= capacity) {
            out.add(held.removeFirst().event());
        }
        held.addLast(new Held<>(channelId, event, nanos.getAsLong()));
        return out;
    }

    /** Takes the channel's waiting reactions out, in the order they came, to be looked at again. */
    List<E> release(String channelId) {
        List<E> out = new ArrayList<>();
        for (Iterator<Held<E>> it = held.iterator(); it.hasNext(); ) {
            Held<E> h = it.next();
            if (h.channelId().equals(channelId)) {
                out.add(h.event());
                it.remove();
            }
        }
        return out;
    }

    /** Reactions that waited longer than {@link #PATIENCE_NANOS}: dropped, and returned so the caller can count them. */
    List<E> expire() {
        List<E> out = new ArrayList<>();
        long now = nanos.getAsLong();
        while (!held.isEmpty() && now - held.peekFirst().since() > PATIENCE_NANOS) {
            out.add(held.removeFirst().event());
        }
        if (!out.isEmpty()) log.warn("dropped {} reaction(s) whose message never became a suggestion in time", out.size());
        return out;
    }

    /** Everything still waiting (at shutdown): dropped. */
    List<E> drain() {
        List<E> out = new ArrayList<>();
        while (!held.isEmpty()) out.add(held.removeFirst().event());
        return out;
    }

    int size() {
        return held.size();
    }
}
