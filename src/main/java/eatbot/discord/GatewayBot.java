package eatbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Discord's GET gateway/bot: how many shards it recommends. Asked here rather than by JDA's ShardManager
 * (which does it when the total is -1) so that a refused token or no way to Discord stops start-up with
 * one line, not with JDA's rate limiter logging a stack trace first.
 */
final class GatewayBot {
    private GatewayBot() {}

    /** The recommended shard total; throws InvalidTokenException when the token is refused, UncheckedIOException without a way to Discord. */
    static int recommendedShards(String restBase, String token) {
        String base = restBase == null ? "https://discord.com/api/v10/" : restBase.endsWith("/") ? restBase : restBase + "/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "gateway/bot"))
                .header("Authorization", "Bot " + token).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Discord for the shard total", e);
        }
        if (response.statusCode() == 401) throw new InvalidTokenException();
        if (response.statusCode() != 200) {
            throw new UncheckedIOException(new IOException("GET gateway/bot answered " + response.statusCode()));
        }
        try {
            JsonNode body = new ObjectMapper().readTree(response.body());
            int shards = body.path("shards").asInt(0);
            if (shards < 1) throw new IOException("GET gateway/bot gave no shard count");
            return shards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
