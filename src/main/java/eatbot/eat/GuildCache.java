package eatbot.eat;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@code /eat} reads of a guild on every call and that changes only when
 * someone changes it: its settings, its active places and its vetoes. Reading
 * them from SQLite was most of {@code /eat}'s own time (50 full place rows
 * alone: ~130 µs), so {@link EatService} keeps them here and calls
 * {@link #forget} after each of its writes to the guild. That is sound because
 * the service is the only writer of these three; feedback, suggestions and
 * preferences are not cached.
 *
 * <p>A load that started before a write to the same guild is never kept (each
 * guild has a generation, bumped by {@link #forget}), so a stale read cannot
 * outlive the write that made it stale.
 */
final class GuildCache {
    /** Guilds kept at most; past it an arbitrary one is dropped (it is simply read again). */
    static final int MAX_GUILDS = 4096;

    /** What is kept of one guild; a null part is not loaded yet. */
    private record Guild(GuildSettings settings, List<Option> places, List<Veto> vetoes) {
        Guild with(GuildSettings s, List<Option> p, List<Veto> v) {
            return new Guild(s == null ? settings : s, p == null ? places : p, v == null ? vetoes : v);
        }
    }

    private final ConcurrentHashMap<String, Guild> guilds = new ConcurrentHashMap<>();
    /** Generations of guilds written to and not cached since; a guild absent here is at generation 0. */
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();

    GuildSettings settings(String guildId, Supplier<GuildSettings> load) {
        Guild g = guilds.get(guildId);
        if (g != null && g.settings() != null) return g.settings();
        long gen = generation(guildId);
        GuildSettings s = load.get();
        keep(guildId, gen, s, null, null);
        return s;
    }

    List<Option> places(String guildId, Supplier<List<Option>> load) {
        Guild g = guilds.get(guildId);
        if (g != null && g.places() != null) return g.places();
        long gen = generation(guildId);
        List<Option> p = List.copyOf(load.get());
        keep(guildId, gen, null, p, null);
        return p;
    }

    List<Veto> vetoes(String guildId, Supplier<List<Veto>> load) {
        Guild g = guilds.get(guildId);
        if (g != null && g.vetoes() != null) return g.vetoes();
        long gen = generation(guildId);
        List<Veto> v = List.copyOf(load.get());
        keep(guildId, gen, null, null, v);
        return v;
    }

    /** Drops what is kept of the guild; loads already under way are not kept either. */
    void forget(String guildId) {
        // both maps change under the guild's bin lock in `guilds`, like keep(), so a keep() cannot slip in between
        guilds.compute(guildId, (id, g) -> {
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

    private long generation(String guildId) {
        return generations.getOrDefault(guildId, 0L);
    }

    private void keep(String guildId, long loadedAt, GuildSettings s, List<Option> p, List<Veto> v) {
        if (!guilds.containsKey(guildId) && guilds.size() >= MAX_GUILDS) evictOne();
        guilds.compute(guildId, (id, g) -> {
            if (generation(id) != loadedAt) return g; // written to while loading: what was loaded may be old
            return g == null ? new Guild(s, p, v) : g.with(s, p, v);
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
