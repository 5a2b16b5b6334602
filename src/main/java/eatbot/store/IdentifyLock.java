package eatbot.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A bucket's turn to IDENTIFY, among every process of the bot: PostgreSQL's session advisory lock
 * on (eatbot, bucket), held until Discord's 5 s have passed since it was taken. A process that dies
 * holding it loses it with its connection.
 */
public final class IdentifyLock {
    /** The advisory lock's first key: "eatb", so other users of advisory locks in the database are not met. */
    private static final int NAMESPACE = 0x65617462;

    private final String url;
    private final String user;
    private final String password;
    private final Duration hold;

    public IdentifyLock(String url, String user, String password, Duration hold) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.hold = hold;
    }

    /** Waits for the bucket's turn; closing the turn lets it go once {@code hold} has passed since it was had. */
    public AutoCloseable take(int bucket) throws InterruptedException {
        Connection c;
        try {
            c = DriverManager.getConnection(url, user, password);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, bucket);
                ps.execute();
            }
        } catch (SQLException e) {
            // no database, no turn to wait for: the shard identifies at JDA's own pace
            return () -> {};
        }
        long had = System.nanoTime(); // a span of time, not a date
        return () -> {
            try {
                long left = hold.toNanos() - (System.nanoTime() - had);
                if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    c.close(); // ends the session, and its advisory lock with it
                } catch (SQLException ignored) {
                    // the lock goes with the connection
                }
            }
        };
    }
}
