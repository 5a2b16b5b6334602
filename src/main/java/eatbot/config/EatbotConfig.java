package eatbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file {@code config/eatbot.json} (see {@code config/eatbot.example.json}
 * for every key). Secrets are not here: the Discord token comes only from the
 * environment.
 */
public record EatbotConfig(
        @JsonProperty("database") String database,
        @JsonProperty("defaults") Defaults defaults,
        @JsonProperty("starterPlaces") List<StarterPlace> starterPlaces,
        @JsonProperty("discord") Discord discord,
        @JsonProperty("charts") String charts,
        @JsonProperty("http") Http http,
        @JsonProperty("store") String store,
        @JsonProperty("postgres") Postgres postgres,
        @JsonProperty("locale") String locale) {

    public EatbotConfig {
        if (database == null || database.isBlank()) database = "data/eatbot.db";
        if (defaults == null) defaults = new Defaults(null);
        starterPlaces = starterPlaces == null ? List.of() : List.copyOf(starterPlaces);
        if (discord == null) discord = new Discord(null, null, null, null, null);
        if (http == null) http = new Http(null, null);
        if (postgres == null) postgres = new Postgres(null, null);
    }

    public static EatbotConfig defaultConfig() {
        return new EatbotConfig(null, null, null, null, null, null, null, null, null);
    }

    /**
     * Settings every new guild starts with, by their config keys ({@code eatbot.eat.Settings}
     * names them, checks them and knows their defaults); admins change them per guild.
     */
    public record Defaults(Map<String, JsonNode> values) {
        public Defaults {
            values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Defaults of(Map<String, JsonNode> values) {
            return new Defaults(values);
        }
    }

    /** A place every new guild starts with. */
    public record StarterPlace(
            @JsonProperty("name") String name,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("link") String link,
            @JsonProperty("hours") String hours) {
        public StarterPlace {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * @param devGuildId when set, slash commands are registered in this guild only (instant updates while developing)
     * @param restUrl    Discord REST base URL, e.g. a rate-limit proxy (default: Discord's)
     * @param gatewayUrl Discord gateway URL (default: the one Discord announces)
     * @param eatPerMinute how many /eat one member may ask per minute
     */
    public record Discord(
            @JsonProperty("devGuildId") String devGuildId,
            @JsonProperty("restUrl") String restUrl,
            @JsonProperty("gatewayUrl") String gatewayUrl,
            @JsonProperty("eatPerMinute") Integer eatPerMinute,
            @JsonProperty("shards") Shards shards) {
        public Discord {
            if (eatPerMinute == null) eatPerMinute = 6;
            if (shards == null) shards = new Shards(null, null, null);
        }
    }

    /**
     * Which gateway shards this process runs (README "Running at scale").
     *
     * @param total        how many shards the bot has in all processes; unset: ask Discord and run them all here.
     *                     EATBOT_SHARDS_TOTAL overrides it
     * @param range        this process's shards, "a-b" or "a" (default: all); needs {@code total}. EATBOT_SHARDS overrides it
     * @param leaseSeconds on PostgreSQL, how long a shard stays with a process that stopped renewing its lease
     *                     (default 30). EATBOT_SHARD_LEASE_SECONDS overrides it
     */
    public record Shards(
            @JsonProperty("total") Integer total,
            @JsonProperty("range") String range,
            @JsonProperty("leaseSeconds") Integer leaseSeconds) {}

    /**
     * /health and /metrics (README "Monitoring").
     *
     * @param port the port to serve them on (0: any free one); off when null. EATBOT_HTTP_PORT overrides it.
     * @param host the address to listen on (default 127.0.0.1); EATBOT_HTTP_HOST overrides it
     */
    public record Http(
            @JsonProperty("port") Integer port,
            @JsonProperty("host") String host) {
        public Http {
            if (host == null || host.isBlank()) host = "127.0.0.1";
        }
    }

    /**
     * The shared store (README "Running at scale"), used when {@code store} (EATBOT_STORE) is
     * {@code postgres}. No password here: it comes only from EATBOT_POSTGRES_PASSWORD.
     *
     * @param url  a JDBC URL, {@code jdbc:postgresql://host:5432/eatbot}; EATBOT_POSTGRES_URL overrides it
     * @param user EATBOT_POSTGRES_USER overrides it
     */
    public record Postgres(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user) {
    }
}
