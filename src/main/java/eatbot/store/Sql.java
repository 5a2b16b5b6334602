package eatbot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Reading what the two engines give back differently. */
final class Sql {
    private Sql() {}

    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * An instant as it is bound: ISO-8601 UTC with always nine fraction digits, so on SQLite (text)
     * the order of the text is the order of time and a range is compared in SQL, not read a second
     * early and filtered (as {@code Instant.toString()}'s "…00Z" after "…00.5Z" needed); PostgreSQL
     * types the same text as a timestamptz (microseconds).
     */
    static String at(java.time.Instant instant) {
        return FIXED.format(instant);
    }

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
