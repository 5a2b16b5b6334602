package eatbot.eat;

/**
 * How many past suggestions {@code /eat history} (Discord: {@code /eat-history})
 * shows: one range for both front ends, refused outside it as the admin
 * settings are, never silently clamped.
 */
public final class HistoryCount {
    public static final int DEFAULT = 10;
    /** Discord's count: option offers 1 to this; the console takes the same. */
    public static final int MAX = 25;

    private HistoryCount() {}

    /** The count typed for {@code count:}, or {@link #DEFAULT} when none was given. */
    public static int parse(String typed) {
        return typed == null ? DEFAULT : check(Numbers.parseWhole("count", typed));
    }

    public static int check(int count) {
        if (count < 1 || count > MAX) throw EatException.of("refusal.history.count", MAX, count);
        return count;
    }
}
