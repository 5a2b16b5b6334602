package eatbot.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a running eatbot's {@code /health}: what {@code eatbot health} and the image's
 * HEALTHCHECK run (the JRE image has no curl). Plain HttpURLConnection: the probe
 * runs every 30 s in a fresh JVM, so it loads as little as it can.
 */
public final class HealthProbe {
    private HealthProbe() {}

    /** {@code healthy} when /health answered 200; {@code text} is its answer or what went wrong, one line. */
    public record Result(boolean healthy, String text) {}

    public static Result probe(URI health, Duration patience) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) health.toURL().openConnection();
            c.setConnectTimeout((int) patience.toMillis());
            c.setReadTimeout((int) patience.toMillis());
            c.setRequestProperty("Accept", "text/plain");
            int status = c.getResponseCode();
            String body;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                body = in == null ? "" : new String(in.readNBytes(2_000), StandardCharsets.UTF_8);
            }
            String line = body.lines().findFirst().orElse("").strip();
            if (status == 200) return new Result(true, line.isEmpty() ? "ok" : line);
            return new Result(false, "unhealthy (HTTP " + status + ")" + (line.isEmpty() ? "" : ": " + line));
        } catch (ConnectException e) {
            return new Result(false, "nothing answers at " + health + " (is eatbot running, with EATBOT_HTTP_PORT set?)");
        } catch (SocketTimeoutException e) {
            return new Result(false, "no answer from " + health + " within " + patience.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Result(false, "cannot ask " + health + ": " + e.getMessage());
        } finally {
            if (c != null) c.disconnect();
        }
    }
}
