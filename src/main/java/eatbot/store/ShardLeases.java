package eatbot.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The shard leases in PostgreSQL (V9): who runs which shard until when, and its epoch, a fencing
 * token one higher on every acquisition. A lease is taken when free or expired, renewed by its
 * holder, given back at a clean stop. Expiry is judged by the injected clock (processes' clocks
 * agree through NTP); safety does not rest on it: the epoch fence (see {@link #fence}) stops a
 * process that lost its lease from writing, whatever its clock says.
 * Uses a connection of its own, apart from the store's writer and readers.
 */
public final class ShardLeases implements AutoCloseable {
    /** A shard's lease as it stands. */
    public record Lease(int shard, String owner, long epoch, Instant expiresAt) {}

    private final String url;
    private final String user;
    private final String password;
    /** Null after a failure: the next call connects again (a restarted server, a dropped connection). */
    private Connection c;
    private final String owner;
    private final Clock clock;
    private final Duration length;

    private ShardLeases(String url, String user, String password, Connection c, String owner, Clock clock, Duration length) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.c = c;
        this.owner = owner;
        this.clock = clock;
        this.length = length;
    }

    /** Connects; {@code owner} names this process in the table (and in other processes' logs). */
    public static ShardLeases open(String url, String user, String password, String owner, Clock clock, Duration length) {
        try {
            Connection c = DriverManager.getConnection(url, user, password);
            return new ShardLeases(url, user, password, c, owner, clock, length);
        } catch (SQLException e) {
            throw new StoreException(Database.POSTGRES_UNAVAILABLE + " for the shard leases: " + e.getMessage(), e);
        }
    }

    public String owner() {
        return owner;
    }

    /** The total the database was set up with: {@code total} when this is the first process ever. */
    public synchronized int total(int total) {
        try (PreparedStatement ins = connection().prepareStatement("INSERT INTO shard_total (total) VALUES (?) ON CONFLICT (one) DO NOTHING");
             PreparedStatement sel = connection().prepareStatement("SELECT total FROM shard_total")) {
            ins.setInt(1, total);
            ins.executeUpdate();
            try (ResultSet rs = sel.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the shard total: " + e.getMessage(), e);
        }
    }

    /** Takes the shard's lease if nobody holds it or its holder let it expire; the new epoch, or empty. */
    public synchronized OptionalLong acquire(int shard) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement ps = connection().prepareStatement("""
                INSERT INTO shard_leases (shard, owner, epoch, expires_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (shard) DO UPDATE SET owner = excluded.owner, epoch = shard_leases.epoch + 1,
                    expires_at = excluded.expires_at
                WHERE shard_leases.expires_at <= ?
                RETURNING epoch""")) {
            ps.setInt(1, shard);
            ps.setString(2, owner);
            ps.setTimestamp(3, Timestamp.from(now.plus(length)));
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** The connection, made again when the last call failed with it. */
    private Connection connection() throws SQLException {
        if (c == null || c.isClosed() || !c.isValid(5)) {
            closeQuietly();
            c = DriverManager.getConnection(url, user, password);
        }
        return c;
    }

    private void closeQuietly() {
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // being replaced
        } finally {
            c = null;
        }
    }

    /** Extends a lease this process holds at this epoch; false when it has been taken since (lost). */
    public synchronized boolean renew(int shard, long epoch) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(
                "UPDATE shard_leases SET expires_at = ? WHERE shard = ? AND owner = ? AND epoch = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().plus(length)));
            ps.setInt(2, shard);
            ps.setString(3, owner);
            ps.setLong(4, epoch);
            return ps.executeUpdate() == 1;
        }
    }

    /** Gives a lease back at a clean stop: the next process takes it at once, not after it expires. */
    public synchronized void release(int shard, long epoch) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(
                "UPDATE shard_leases SET expires_at = '-infinity' WHERE shard = ? AND owner = ? AND epoch = ?")) {
            ps.setInt(1, shard);
            ps.setString(2, owner);
            ps.setLong(3, epoch);
            ps.executeUpdate();
        }
    }

    /** The leases of these shards as they stand (for the log of a waiting process, and the tests). */
    public synchronized List<Lease> leases(List<Integer> shards) throws SQLException {
        List<Lease> out = new ArrayList<>();
        Connection conn = connection();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT shard, owner, epoch, expires_at FROM shard_leases WHERE shard = ANY (?) ORDER BY shard")) {
            ps.setArray(1, conn.createArrayOf("integer", shards.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Lease(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
            }
        }
        return out;
    }

    /**
     * Tells the database which epochs this process's writer holds: from the next write on, a row of a
     * guild on a shard not held at that epoch is refused (the trigger of V9), so a process that lost a
     * lease writes nothing. Runs on the writer's connection, in order with the writes queued before.
     */
    public static void fence(Database db, int total, Map<Integer, Long> epochs) {
        String json = "{\"total\":" + total + ",\"epochs\":{" + epochs.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",")) + "}}";
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('eatbot.fence', ?, false)")) {
                ps.setString(1, json);
                ps.execute();
            }
            return null;
        });
    }

    /** Whether a failed write was refused by the fence (SQLSTATE EB001 from V9's trigger). */
    public static boolean fenced(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SQLException s && "EB001".equals(s.getSQLState())) return true;
        }
        return false;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
