package eatbot.discord.commands;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How often one member may ask for something costly per minute, per server: a
 * suggestion (config {@code discord.eatPerMinute}; /eat and "another one"), or a
 * picture ({@link CommandSet#PICTURES_PER_MINUTE}; /taste, /eat-why and "Why?").
 * A sliding window of their recent asks, kept in memory.
 */
public final class EatRateLimit {
    private static final long WINDOW_MS = 60_000;

    private final int perMinute;
    private final LongSupplier millis;
    private final String what;
    private final Map<String, Deque<Long>> asks = new ConcurrentHashMap<>();

    /** A limit on suggestions. @param millis the clock (System::currentTimeMillis in the bot, a fake one in tests) */
    public EatRateLimit(int perMinute, LongSupplier millis) {
        this(perMinute, millis, "suggestion");
    }

    /** @param what what is asked for, as the refusal names it (singular: "picture") */
    public EatRateLimit(int perMinute, LongSupplier millis, String what) {
        if (perMinute < 1) throw new IllegalArgumentException("at least 1 " + what + " a minute, got " + perMinute);
        this.perMinute = perMinute;
        this.millis = millis;
        this.what = what;
    }

    /** Counts one ask and returns null, or returns the refusal to show when the member asked too often. */
    public String tryAcquire(String guildId, String userId) {
        long now = millis.getAsLong();
        Deque<Long> times = asks.computeIfAbsent(guildId + "/" + userId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) times.removeFirst();
            if (times.size() >= perMinute) {
                long waitS = Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
                return "Easy! You asked for " + perMinute + " " + what + (perMinute == 1 ? "" : "s") + " in the last minute. Try again in " + waitS + " s.";
            }
            times.addLast(now);
            return null;
        }
    }
}
