package eatbot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /health} (200 "ok", or 503 and what is wrong) and {@code GET /metrics}
 * (Prometheus' text format), on the JDK's own HTTP server: two read-only pages need
 * no web framework. One thread: a scrape every few seconds is all it serves.
 */
public final class MonitoringServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MonitoringServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** The port could not be had (taken, or not allowed): start-up says so in one line. */
    public static final class CannotListen extends RuntimeException {
        CannotListen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpServer server;
    private final ExecutorService thread;

    private MonitoringServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Listens on host:port (port 0: any free one, see {@link #port()}). */
    public static MonitoringServer start(String host, int port, Health health, Metrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException | RuntimeException e) {
            throw new CannotListen("cannot serve /health and /metrics on " + host + ":" + port + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); choose another EATBOT_HTTP_PORT, or leave it unset", e);
        }
        server.createContext("/health", ex -> answer(ex, () -> {
            Health.Status s = health.check();
            return new Page(s.healthy() ? 200 : 503, "text/plain; charset=utf-8", s.text() + "\n");
        }));
        server.createContext("/metrics", ex -> answer(ex, () -> new Page(200, PROMETHEUS_TEXT, metrics.scrape())));
        server.createContext("/", ex -> answer(ex, () -> new Page(404, "text/plain; charset=utf-8", "eatbot serves /health and /metrics\n")));
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "eatbot-monitoring");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        log.info("serving /health and /metrics on {}:{}", host, server.getAddress().getPort());
        return new MonitoringServer(server, thread);
    }

    /** The port it listens on (the one chosen when asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private record Page(int status, String type, String body) {}

    private static void answer(HttpExchange ex, java.util.function.Supplier<Page> page) throws IOException {
        try {
            String method = ex.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            // the context "/health" also matches "/healthz"; only the exact path is served
            String path = ex.getRequestURI().getPath();
            Page p = path.equals(ex.getHttpContext().getPath()) ? page.get()
                    : new Page(404, "text/plain; charset=utf-8", "eatbot serves /health and /metrics\n");
            byte[] body = p.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", p.type());
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(p.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("monitoring request ended early: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("monitoring request failed", e);
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
