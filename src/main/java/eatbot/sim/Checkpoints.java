package eatbot.sim;

import java.util.TreeSet;

/** Log-spaced times at which cumulative regret is recorded; the horizon is always the last. */
public final class Checkpoints {
    private Checkpoints() {}

    /** About {@code perDecade} integer times per power of ten from 1 up to {@code horizon}, plus the horizon. */
    public static long[] logSpaced(long horizon, int perDecade) {
        if (horizon < 1) throw new IllegalArgumentException("horizon must be at least 1");
        TreeSet<Long> times = new TreeSet<>();
        double top = Math.log10(horizon);
        for (int i = 0; i <= Math.ceil(top * perDecade); i++) {
            long t = Math.round(Math.pow(10, (double) i / perDecade));
            if (t <= horizon) times.add(t);
        }
        times.add(horizon);
        return times.stream().mapToLong(Long::longValue).toArray();
    }
}
