package eatbot.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each SQL string's prepared statement on its connection, the way a
 * connection pool's statement cache does, so the store's ordinary
 * {@code try (PreparedStatement ps = c.prepareStatement(sql))} code stops
 * paying SQLite's parse-and-plan on every call. {@code close()} on a cached
 * statement clears its parameters and hands it back; a statement still in use
 * (the same SQL nested in its own loop) is never handed out twice — a
 * plain one is prepared for that.
 *
 * <p>Not thread-safe, like the connection it wraps: {@link Database} lends each
 * connection to one thread at a time.
 */
final class StatementCache {
    private static final int MAX_STATEMENTS = 128;

    private StatementCache() {}

    /** Finalises every cached statement of a wrapped connection (SQLite will not checkpoint under them). */
    interface Releasable {
        void releaseStatements();
    }

    /** The connection, with {@code prepareStatement(String)} served from the cache. */
    static Connection wrap(Connection raw) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class, Releasable.class}, new ConnectionHandler(raw));
    }

    static void release(Connection c) {
        if (c instanceof Releasable r) r.releaseStatements();
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection raw;
        private final Map<String, Entry> cache = new HashMap<>();

        ConnectionHandler(Connection raw) {
            this.raw = raw;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("prepareStatement") && args != null && args.length == 1) return prepare((String) args[0]);
            if (name.equals("releaseStatements")) {
                closeAll();
                return null;
            }
            if (name.equals("close")) closeAll();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "cached " + raw;
                };
            }
            return call(raw, method, args);
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            Entry e = cache.get(sql);
            if (e == null) {
                if (cache.size() >= MAX_STATEMENTS) return raw.prepareStatement(sql); // dynamic SQL: do not grow
                e = new Entry(raw.prepareStatement(sql));
                cache.put(sql, e);
            }
            if (e.inUse) return raw.prepareStatement(sql);
            e.inUse = true;
            return e.proxy;
        }

        private void closeAll() {
            List<Entry> all = new ArrayList<>(cache.values());
            cache.clear();
            for (Entry e : all) {
                try {
                    e.statement.close();
                } catch (SQLException ignored) {
                    // the connection is closing anyway
                }
            }
        }
    }

    private static final class Entry implements InvocationHandler {
        final PreparedStatement statement;
        final PreparedStatement proxy;
        boolean inUse;

        Entry(PreparedStatement statement) {
            this.statement = statement;
            this.proxy = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close") && (args == null || args.length == 0)) {
                if (inUse) {
                    inUse = false;
                    statement.clearParameters(); // so nothing of this use leaks into the next
                }
                return null;
            }
            if (name.equals("isClosed") && (args == null || args.length == 0)) return !inUse || statement.isClosed();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "cached " + statement;
                };
            }
            return call(statement, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
