package eatbot.eat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>Summing a big guild takes seconds (3.9 s for 5M preference rows), so once the
 * sums hold {@link #BACKGROUND_FROM} or more evidence, stale ones are still served
 * while one background task sums again: no {@code /eat} waits for it. Only the
 * first sums of a guild (and those after a new γ or a forget) are made on the
 * caller's thread.
 */
final class PlaceEvidenceCache {
    static final double STALE_FRACTION = 0.01;
    static final int MAX_GUILDS = 4096;
    static final double BACKGROUND_FROM = 100_000;
    private static final Logger log = LoggerFactory.getLogger(PlaceEvidenceCache.class);

    private record Sums(double gamma, Map<Long, double[]> perPlace, double evidence, AtomicLong reactions,
                        AtomicBoolean refreshing) {
        boolean fresh() {
            return reactions.get() < Math.max(1, STALE_FRACTION * evidence);
        }
    }

    private final Executor background;

    private final ConcurrentHashMap<String, Sums> guilds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();

    PlaceEvidenceCache() {
        this(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cold-start-sums");
            t.setDaemon(true); // a sum in progress is only a cache: it need not hold the JVM up
            return t;
        }));
    }

    PlaceEvidenceCache(Executor background) {
        this.background = background;
    }

    Map<Long, double[]> get(String guildId, double gamma, Supplier<Map<Long, double[]>> sum) {
        Sums s = guilds.get(guildId);
        if (s != null && s.gamma() == gamma) {
            if (s.fresh()) return s.perPlace();
            if (s.evidence() >= BACKGROUND_FROM) {
                if (s.refreshing().compareAndSet(false, true)) {
                    long gen = generations.getOrDefault(guildId, 0L);
                    background.execute(() -> {
                        try {
                            sumAndKeep(guildId, gamma, sum, gen);
                        } catch (RuntimeException e) {
                            log.warn("summing cold-start evidence of guild {} failed; kept the older sums: {}", guildId, e.toString());
                        }
                    });
                }
                return s.perPlace();
            }
        }
        return sumAndKeep(guildId, gamma, sum, generations.getOrDefault(guildId, 0L));
    }

    private Map<Long, double[]> sumAndKeep(String guildId, double gamma, Supplier<Map<Long, double[]>> sum, long gen) {
        Map<Long, double[]> perPlace;
        try {
            perPlace = Map.copyOf(sum.get());
        } catch (RuntimeException e) {
            Sums s = guilds.get(guildId);
            if (s != null) s.refreshing().set(false); // the next /eat tries again
            throw e;
        }
        double evidence = 0;
        for (double[] t : perPlace.values()) evidence += t[0] + t[1];
        Sums fresh = new Sums(gamma, perPlace, evidence, new AtomicLong(), new AtomicBoolean());
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

    /** Drops every guild {@code which} names, kept or being loaded (another process may have written to them). */
    void forgetAll(java.util.function.Predicate<String> which) {
        java.util.Set<String> known = new java.util.HashSet<>(guilds.keySet());
        known.addAll(generations.keySet());
        for (String id : known) if (which.test(id)) forget(id);
    }

    private void evictOne() {
        Iterator<String> it = guilds.keySet().iterator();
        if (it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
