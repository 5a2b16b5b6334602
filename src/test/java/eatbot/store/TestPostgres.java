package eatbot.store;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests: one server per test JVM, started on first use and stopped when
 * the JVM exits (even by {@code kill -9}: the server's wrapper waits on the JVM's pipe), and a fresh
 * database per name, so test classes and stores stay independent.
 *
 * <p>Which server: {@code EATBOT_TEST_POSTGRES_URL} (a JDBC URL of any database on an existing server,
 * with {@code EATBOT_TEST_POSTGRES_USER} and {@code _PASSWORD}) when set; else Debian's binaries
 * ({@code /usr/lib/postgresql/N/bin}, the newest N; .ci/run installs them when missing) started in a
 * temporary folder on a free loopback port. initdb and postgres refuse to run as root, so as root the
 * server runs as {@code nobody} (via setpriv). No Docker, nothing downloaded at test time. With no
 * binaries and no URL the PostgreSQL tests are skipped with a message saying so.
 */
public final class TestPostgres {
    /** The server's connection for creating databases: a JDBC URL with no database path, a user and a password. */
    public record Server(String host, int port, String user, String password, String adminDatabase) {
        public String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** One database of the test server. */
    public record Db(String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final java.util.concurrent.atomic.AtomicLong FRESH = new java.util.concurrent.atomic.AtomicLong();
    private static final long STARTED = System.currentTimeMillis();
    private static Server server;
    private static String unavailable;

    private TestPostgres() {
    }

    /**
     * The database of this name, created on first use (names are folded to a safe identifier): the
     * same name reaches the same data (a restart, or a second process), another name starts empty.
     * Skips the calling test when no PostgreSQL can be had.
     */
    public static synchronized Db database(String name) {
        Server s = server();
        String db = identifier(name);
        try (Connection c = DriverManager.getConnection(s.url(s.adminDatabase()), s.user(), s.password())) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, db);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + db + " TEMPLATE template0 ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + db + ": " + e.getMessage(), e);
        }
        return new Db(s.url(db), s.user(), s.password());
    }

    /** A database no other caller has had: for a test that wants a clean slate. */
    public static Db freshDatabase(String prefix) {
        // unique in this JVM by the counter, across runs on an external server by the start time
        return database(prefix + "_" + FRESH.incrementAndGet() + "_" + Long.toHexString(STARTED));
    }

    /** The running server (started on first use); skips the calling test when there is none. */
    public static synchronized Server server() {
        if (server == null && unavailable == null) {
            try {
                server = startOrFind();
            } catch (Unavailable e) {
                unavailable = e.getMessage();
            }
        }
        Assumptions.assumeTrue(server != null, () -> "no PostgreSQL for this test: " + unavailable);
        return server;
    }

    /** Folds a name to a lower-case identifier of at most 63 bytes, unique enough for tests. */
    static String identifier(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (s.length() > 40) s = s.substring(s.length() - 40);
        return "eb_" + Integer.toHexString(name.hashCode()) + "_" + s;
    }

    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private static Server startOrFind() throws Unavailable {
        String url = System.getenv("EATBOT_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) return external(url);
        Path bin = binaries();
        if (bin == null) {
            throw new Unavailable("set EATBOT_TEST_POSTGRES_URL or install Debian's postgresql (initdb not found under /usr/lib/postgresql)");
        }
        try {
            return start(bin);
        } catch (IOException | InterruptedException e) {
            throw new Unavailable("could not start PostgreSQL from " + bin + ": " + e.getMessage());
        }
    }

    private static Server external(String url) throws Unavailable {
        // jdbc:postgresql://host:port/db?...: keep host and port, create the test databases beside db
        var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*).*").matcher(url);
        if (!m.matches()) throw new Unavailable("EATBOT_TEST_POSTGRES_URL is not jdbc:postgresql://host[:port]/database: " + url);
        String user = System.getenv().getOrDefault("EATBOT_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("EATBOT_TEST_POSTGRES_PASSWORD", "");
        String admin = m.group(3).isEmpty() ? "postgres" : m.group(3);
        return new Server(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), user, password, admin);
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Server start(Path bin) throws IOException, InterruptedException, Unavailable {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home = Files.createTempDirectory("eatbot-pg-");
        Path data = home.resolve("data");
        List<String> asServer = new ArrayList<>();
        if (root) {
            // initdb and postgres refuse root; nobody owns the folder and runs both
            UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(home, users.lookupPrincipalByName("nobody"));
            asServer.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        List<String> initdb = new ArrayList<>(asServer);
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "eatbot", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        Path initLog = Files.createTempFile("eatbot-initdb-", ".log");
        Process init = new ProcessBuilder(initdb).redirectErrorStream(true).redirectOutput(initLog.toFile()).start();
        if (!init.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || init.exitValue() != 0) {
            throw new Unavailable("initdb failed: " + tail(initLog));
        }
        int port = freePort();
        Path log = home.resolve("server.log");
        // the wrapper shell reads the JVM's pipe: when the JVM ends, however, the read ends and it stops the server
        String postgres = String.join(" ", quoted(asServer)) + " " + quote(bin.resolve("postgres").toString())
                + " -D " + quote(data.toString()) + " -p " + port + " -k " + quote(home.toString())
                + " -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off"
                + " -c shared_buffers=32MB >>" + quote(log.toString()) + " 2>&1";
        String script = postgres + " & pid=$!; cat >/dev/null; kill -INT $pid; wait $pid; rm -rf " + quote(home.toString());
        Process server = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.getOutputStream().close();
                server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // exiting anyway
            }
        }, "eatbot-test-postgres-stop"));
        Server s = new Server("127.0.0.1", port, "eatbot", "", "postgres");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new Unavailable("postgres exited: " + tail(log));
            try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password())) {
                return s;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100); // polling for the server to accept connections, with a deadline
            }
        }
        throw new Unavailable("postgres did not accept connections within " + START_TIMEOUT.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()) + " " + tail(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map(TestPostgres::quote).toList();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
