package eatbot.discord.commands;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many suggestions one member may ask for per minute, per server (config
 * {@code discord.eatPerMinute}): a sliding window of their recent asks, kept in memory.
 */
public final class EatRateLimit {
    private static final long WINDOW_MS = 60_000;

    private final int perMinute;
    private final LongSupplier millis;
    private final Map<String, Deque<Long>> asks = new ConcurrentHashMap<>();

    /** @param millis the clock (System::currentTimeMillis in the bot, a fake one in tests) */
    public EatRateLimit(int perMinute, LongSupplier millis) {
        if (perMinute < 1) throw new IllegalArgumentException("discord.eatPerMinute must be at least 1");
        this.perMinute = perMinute;
        this.millis = millis;
    }

    /** Counts one ask and returns null, or returns the refusal to show when the member asked too often. */
    public String tryAcquire(String guildId, String userId) {
        long now = millis.getAsLong();
        Deque<Long> times = asks.computeIfAbsent(guildId + "/" + userId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) times.removeFirst();
            if (times.size() >= perMinute) {
                long waitS = Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
                return "Easy! You asked for " + perMinute + " suggestions in the last minute. Try again in " + waitS + " s.";
            }
            times.addLast(now);
            return null;
        }
    }
}
