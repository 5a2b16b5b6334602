package eatbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading what the two engines give back differently. */
final class Sql {
    private Sql() {}

    /**
     * An instant column, or null: SQLite keeps ISO-8601 text (written with {@code Instant.toString()}),
     * PostgreSQL a timestamptz (to the microsecond).
     */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) return null;
        if (v instanceof String text) return Instant.parse(text);
        if (v instanceof Timestamp t) return t.toInstant();
        if (v instanceof OffsetDateTime t) return t.toInstant();
        throw new SQLException("not an instant: " + v.getClass().getName());
    }
}
