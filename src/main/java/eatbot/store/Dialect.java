package eatbot.store;

/**
 * Where SQLite and PostgreSQL truly differ, and nothing else: the store's SQL is one text for both
 * (plain {@code ?}, {@code coalesce}, {@code RETURNING}, {@code ON CONFLICT}, instants as fixed-width
 * text, see {@link Sql#at}), and each difference
 * here is pinned by the store contract suite running on both engines.
 */
public enum Dialect {
    SQLITE("classpath:db/migration", "BEGIN IMMEDIATE") {
        @Override
        String notAnIndexKey(String column) {
            // the unary + keeps SQLite's planner (no statistics) from walking the whole guild's index
            return "+" + column;
        }
    },
    POSTGRES("classpath:db/postgresql", "BEGIN") {
        @Override
        String notAnIndexKey(String column) {
            return column; // PostgreSQL keeps statistics and plans by them
        }
    };

    /** Flyway's folder of this engine's migrations. */
    final String migrations;
    /** Begins the writer's transaction (SQLite: take the write lock at once, not at the first write). */
    final String begin;

    Dialect(String migrations, String begin) {
        this.migrations = migrations;
        this.begin = begin;
    }

    /** The column as a condition that the planner should check but not seek by. */
    abstract String notAnIndexKey(String column);
}
