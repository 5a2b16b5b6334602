package eatbot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import eatbot.eat.EatException;
import eatbot.eat.GuildSettings;
import eatbot.eat.Names;
import eatbot.i18n.Messages;
import eatbot.eat.NewOption;
import eatbot.eat.OpeningHours;
import eatbot.eat.Setting;
import eatbot.eat.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code config/eatbot.json} (or the file named by {@code EATBOT_CONFIG})
 * and applies environment overrides. Every problem is reported with the key
 * it concerns, so a typo fails at start-up and not at the first /eat.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("config", "eatbot.json");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigLoader() {}

    /** A config problem the operator must fix; the message names the key. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    /** The loaded and checked configuration, with environment overrides applied. */
    public record Loaded(EatbotConfig config, Path database, GuildSettings defaults, List<NewOption> starters,
                         String restUrl, String gatewayUrl, Http http, Store store, ShardPlan shards, Locale locale) {
        /**
         * Where the console writes its pictures: {@code charts} in the config, else a folder next
         * to the database named after it ({@code data/eatbot.db} → {@code data/eatbot-charts}), so
         * two databases never share (or overwrite) each other's pictures.
         */
        public Path charts() {
            if (config.charts() != null && !config.charts().isBlank()) return Path.of(config.charts().strip());
            String file = database.getFileName() == null ? "eatbot" : database.getFileName().toString();
            String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            return database.resolveSibling((stem.isEmpty() ? file : stem) + "-charts");
        }
    }

    /**
     * Which store: the SQLite file ({@code postgres} false) or a PostgreSQL database. The password is
     * from the environment only and never shown: {@link #toString()} leaves it out.
     */
    public record Store(boolean postgres, String url, String user, String password) {
        @Override
        public String toString() {
            return postgres ? "postgres " + url + " as " + user : "sqlite";
        }
    }

    /** Where /health and /metrics are served; {@code port} null when they are not. */
    public record Http(String host, Integer port) {
        /** The address a probe on this machine uses: loopback when listening on every address. */
        public String probeHost() {
            return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        }
    }

    public static Loaded load(Map<String, String> env) {
        String named = env.get("EATBOT_CONFIG");
        Path file = named != null && !named.isBlank() ? Path.of(named) : DEFAULT_FILE;
        EatbotConfig config;
        if (Files.exists(file)) {
            config = read(file);
        } else if (named != null && !named.isBlank()) {
            throw new ConfigException("EATBOT_CONFIG names " + file + ", which does not exist");
        } else {
            config = EatbotConfig.defaultConfig();
        }
        return check(config, env, file.toString());
    }

    public static EatbotConfig read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), EatbotConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown key '" + path(e) + "' (known here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (InvalidFormatException e) {
            throw new ConfigException(file + ": bad value for '" + path(e) + "': " + e.getValue());
        } catch (MismatchedInputException e) {
            throw new ConfigException(file + ": wrong kind of value for '" + path(e) + "'");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static Loaded check(EatbotConfig config, Map<String, String> env, String source) {
        GuildSettings defaults = defaults(config.defaults(), source);
        List<NewOption> starters = new ArrayList<>();
        for (int i = 0; i < config.starterPlaces().size(); i++) {
            EatbotConfig.StarterPlace p = config.starterPlaces().get(i);
            try {
                starters.add(new NewOption(Names.placeName(p.name()), Names.placeTags(String.join(",", p.tags())),
                        Names.link(p.link()),
                        p.hours() == null || p.hours().isBlank() ? null : OpeningHours.parse(p.hours()).toString(), null));
            } catch (EatException e) {
                throw new ConfigException(source + ": starterPlaces[" + i + "]: " + e.getMessage());
            }
        }
        String db = env.getOrDefault("EATBOT_DB", "");
        Path database = Path.of(db.isBlank() ? config.database() : db);
        String rest = firstSet(env.get("EATBOT_DISCORD_REST_URL"), config.discord().restUrl());
        String gateway = firstSet(env.get("EATBOT_DISCORD_GATEWAY_URL"), config.discord().gatewayUrl());
        return new Loaded(config, database, defaults, starters, rest, gateway, http(config.http(), env, source),
                store(config, env, source), ShardPlan.read(config.discord().shards(), env, source),
                locale(firstSet(env.get("EATBOT_LOCALE"), config.locale())));
    }

    private static Store store(EatbotConfig config, Map<String, String> env, String source) {
        String kind = firstSet(env.get("EATBOT_STORE"), config.store());
        String key = env.get("EATBOT_STORE") != null && !env.get("EATBOT_STORE").isBlank() ? "EATBOT_STORE" : source + ": store";
        if (kind == null || kind.equalsIgnoreCase("sqlite")) return new Store(false, null, null, null);
        if (!kind.equalsIgnoreCase("postgres")) {
            throw new ConfigException(key + " must be sqlite or postgres, not '" + shorten(kind) + "'");
        }
        String url = firstSet(env.get("EATBOT_POSTGRES_URL"), config.postgres().url());
        if (url == null) {
            throw new ConfigException("the postgres store needs EATBOT_POSTGRES_URL (or postgres.url in " + source
                    + "), e.g. jdbc:postgresql://localhost:5432/eatbot");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("EATBOT_POSTGRES_URL must start with jdbc:postgresql:, not '" + shorten(url) + "'");
        }
        String user = firstSet(env.get("EATBOT_POSTGRES_USER"), config.postgres().user());
        String password = env.get("EATBOT_POSTGRES_PASSWORD"); // environment only: never in the config file
        return new Store(true, url, user, password);
    }

    /**
     * The console's language: {@code EATBOT_LOCALE}, else {@code locale} in the config, as a
     * language tag ({@code zh-CN}, {@code en}); unset, or a language eatbot does not speak, is
     * English without complaint, as a Discord user with such a client gets English.
     */
    static Locale locale(String tag) {
        return Messages.supported(tag == null ? null : Locale.forLanguageTag(tag.replace('_', '-')));
    }

    /**
     * The settings a new guild starts with: each setting's default ({@link Settings}), changed by
     * the file's keys through the same parsing and refusals as {@code /eat-admin}.
     */
    private static GuildSettings defaults(EatbotConfig.Defaults file, String source) {
        List<String> known = Settings.ALL.stream().flatMap(x -> x.configKeys().stream()).toList();
        Map<String, String> typed = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : file.values().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new ConfigException(source + ": unknown key 'defaults." + Names.shown(e.getKey()) + "' (known here: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) continue; // as if left out: the default
            if (!v.isValueNode()) throw new ConfigException(source + ": wrong kind of value for 'defaults." + e.getKey() + "'");
            typed.put(e.getKey(), v.asText());
        }
        GuildSettings defaults = GuildSettings.defaults();
        try {
            for (Setting<?> x : Settings.ALL) defaults = x.applyFile(defaults, typed);
        } catch (EatException e) {
            throw new ConfigException(source + ": defaults: " + e.getMessage());
        }
        return defaults;
    }

    private static Http http(EatbotConfig.Http file, Map<String, String> env, String source) {
        String host = firstSet(env.get("EATBOT_HTTP_HOST"), file.host());
        String named = env.get("EATBOT_HTTP_PORT");
        Integer port = file.port();
        String key = source + ": http.port";
        if (named != null && !named.isBlank()) {
            key = "EATBOT_HTTP_PORT";
            try {
                port = Integer.parseInt(named.strip());
            } catch (NumberFormatException e) {
                throw new ConfigException("EATBOT_HTTP_PORT must be a port number, not '" + shorten(named) + "'");
            }
        }
        if (port != null && (port < 0 || port > 65535)) throw new ConfigException(key + " must be 0 to 65535, not " + port);
        return new Http(host, port);
    }

    static String shorten(String s) {
        String t = s.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }

    private static String firstSet(String a, String b) {
        if (a != null && !a.isBlank()) return a.strip();
        if (b != null && !b.isBlank()) return b.strip();
        return null;
    }
}
