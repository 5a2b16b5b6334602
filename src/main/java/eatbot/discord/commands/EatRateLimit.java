package eatbot.discord.commands;

import eatbot.i18n.Messages;
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

    /** @param what what is asked for: "suggestion" or "picture", the refusal's key (refusal.tooOften.<what>) */
    public EatRateLimit(int perMinute, LongSupplier millis, String what) {
        if (perMinute < 1) throw new IllegalArgumentException("at least 1 " + what + " a minute, got " + perMinute);
        this.perMinute = perMinute;
        this.millis = millis;
        this.what = what;
    }

    /** Counts one ask and returns null, or returns the refusal (in English) when the member asked too often. */
    public String tryAcquire(String guildId, String userId) {
        return tryAcquire(guildId, userId, Messages.ENGLISH);
    }

    /** As {@link #tryAcquire(String, String)}, the refusal in the reader's words. */
    public String tryAcquire(String guildId, String userId, Messages words) {
        long now = millis.getAsLong();
        Deque<Long> times = asks.computeIfAbsent(guildId + "/" + userId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) times.removeFirst();
            if (times.size() >= perMinute) {
                long waitS = Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
                return words.count("refusal.tooOften." + what, perMinute, waitS);
            }
            times.addLast(now);
            return null;
        }
    }
}
