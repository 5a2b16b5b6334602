package eatbot.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** Reads /health and /metrics of a running eatbot the way Prometheus and a probe do: over HTTP. */
public final class Scrape {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Scrape() {}

    public record Page(int status, String contentType, String body) {}

    public static Page get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The sum of the samples of {@code name} whose labels include every {@code label="value"}
     * given (as "label=value"); 0 when there is none (Prometheus' reading of a counter not yet seen).
     */
    public static double value(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(l -> !l.startsWith("#"))
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(kv -> {
                    String[] p = kv.split("=", 2);
                    return l.contains(p[0] + "=\"" + p[1] + "\"");
                }))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** True when some sample of {@code name} is there, whatever its value. */
    public static boolean has(String metrics, String name) {
        return metrics.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }
}
