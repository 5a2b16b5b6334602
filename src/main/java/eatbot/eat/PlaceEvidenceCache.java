package eatbot.eat;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Each guild's evidence per place for cold start ({@link EatStore#placeEvidence}),
 * kept between {@code /eat}s: summing it reads every preference row of the guild.
 *
 * <p>Rule: the sums are used until the reactions recorded since reach
 * {@link #STALE_FRACTION} of the evidence they hold (at least one reaction), so a
 * small guild sums again after every reaction (exact) and a big one at most every
 * 1% of its evidence; a change of settings (γ) or a forgotten person drops them at
 * once. The service is the only writer of feedback, so it sees every reaction.
 */
final class PlaceEvidenceCache {
    static final double STALE_FRACTION = 0.01;
    static final int MAX_GUILDS = 4096;

    private record Sums(double gamma, Map<Long, double[]> perPlace, double allowed, AtomicLong reactions) {}

    private final ConcurrentHashMap<String, Sums> guilds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();

    Map<Long, double[]> get(String guildId, double gamma, Supplier<Map<Long, double[]>> sum) {
        Sums s = guilds.get(guildId);
        if (s != null && s.gamma() == gamma && s.reactions().get() < s.allowed()) return s.perPlace();
        long gen = generations.getOrDefault(guildId, 0L);
        Map<Long, double[]> perPlace = Map.copyOf(sum.get());
        double evidence = 0;
        for (double[] t : perPlace.values()) evidence += t[0] + t[1];
        Sums fresh = new Sums(gamma, perPlace, Math.max(1, STALE_FRACTION * evidence), new AtomicLong());
        if (!guilds.containsKey(guildId) && guilds.size() >= MAX_GUILDS) evictOne();
        // not kept when forgotten while summing: the sums may hold what was forgotten
        guilds.compute(guildId, (id, old) -> generations.getOrDefault(id, 0L) == gen ? fresh : null);
        return perPlace;
    }

    /** A reaction was recorded or retracted in the guild. */
    void reacted(String guildId) {
        Sums s = guilds.get(guildId);
        if (s != null) s.reactions().incrementAndGet();
    }

    void forget(String guildId) {
        guilds.compute(guildId, (id, s) -> {
            generations.merge(id, 1L, Long::sum);
            return null;
        });
    }

    private void evictOne() {
        Iterator<String> it = guilds.keySet().iterator();
        if (it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
