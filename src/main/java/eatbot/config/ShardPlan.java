package eatbot.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which gateway shards this process runs: {@code total} in all processes (null: ask Discord, and run
 * every shard here), this process's {@code first}..{@code last}, and how long a lease on one lasts
 * (PostgreSQL only). A guild's shard is {@code (guild_id >> 22) % total}.
 */
public record ShardPlan(Integer total, int first, int last, Duration lease) {
    static final int DEFAULT_LEASE_SECONDS = 30;
    /** Far above any bot's need (Discord asks for one shard per 1,000 servers); a typo like 40000000 is caught. */
    static final int MOST_SHARDS = 100_000;

    /** One shard, total asked from Discord: a bot in one process. */
    public static ShardPlan all() {
        return new ShardPlan(null, 0, -1, Duration.ofSeconds(DEFAULT_LEASE_SECONDS));
    }

    /** Whether the total is left to Discord (then every shard runs here). */
    public boolean askDiscord() {
        return total == null;
    }

    /** This process's shards; only known once the total is. */
    public List<Integer> here() {
        if (total == null) throw new IllegalStateException("the shard total is Discord's to say");
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    /** "shards 0-1 of 4", "shard 2 of 4", or "all shards" for log lines and refusals. */
    public String describe() {
        if (total == null) return "all shards";
        return (first == last ? "shard " + first : "shards " + first + "-" + last) + " of " + total;
    }

    /** The guild's shard under this total. */
    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >> 22) % total);
    }

    /** From the environment (EATBOT_SHARDS_TOTAL, EATBOT_SHARDS, EATBOT_SHARD_LEASE_SECONDS) over the config file. */
    static ShardPlan read(EatbotConfig.Shards file, Map<String, String> env, String source) {
        String totalKey = set(env.get("EATBOT_SHARDS_TOTAL")) ? "EATBOT_SHARDS_TOTAL" : source + ": discord.shards.total";
        Integer total = file.total();
        if (set(env.get("EATBOT_SHARDS_TOTAL"))) total = number(totalKey, env.get("EATBOT_SHARDS_TOTAL"));
        if (total != null && (total < 1 || total > MOST_SHARDS)) {
            throw new ConfigLoader.ConfigException(totalKey + " must be 1 to " + MOST_SHARDS + ", not " + total);
        }
        String rangeKey = set(env.get("EATBOT_SHARDS")) ? "EATBOT_SHARDS" : source + ": discord.shards.range";
        String range = set(env.get("EATBOT_SHARDS")) ? env.get("EATBOT_SHARDS").strip() : set(file.range()) ? file.range().strip() : null;
        String leaseKey = set(env.get("EATBOT_SHARD_LEASE_SECONDS")) ? "EATBOT_SHARD_LEASE_SECONDS" : source + ": discord.shards.leaseSeconds";
        Integer lease = file.leaseSeconds();
        if (set(env.get("EATBOT_SHARD_LEASE_SECONDS"))) lease = number(leaseKey, env.get("EATBOT_SHARD_LEASE_SECONDS"));
        if (lease == null) lease = DEFAULT_LEASE_SECONDS;
        // renewed every third of it: two missed renewals still keep the lease
        if (lease < 3 || lease > 3600) throw new ConfigLoader.ConfigException(leaseKey + " must be 3 to 3600 seconds, not " + lease);
        if (range == null) return new ShardPlan(total, 0, total == null ? -1 : total - 1, Duration.ofSeconds(lease));
        if (total == null) {
            throw new ConfigLoader.ConfigException(rangeKey + " is " + ConfigLoader.shorten(range)
                    + " but no shard total is set: set EATBOT_SHARDS_TOTAL (the same in every process)");
        }
        String[] ends = range.split("-", -1);
        if (ends.length > 2) throw badRange(rangeKey, range, total);
        int first = number(rangeKey, ends[0], range, total);
        int last = ends.length == 2 ? number(rangeKey, ends[1], range, total) : first;
        if (first > last || last >= total) throw badRange(rangeKey, range, total);
        return new ShardPlan(total, first, last, Duration.ofSeconds(lease));
    }

    private static int number(String key, String text, String range, int total) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 0) throw badRange(key, range, total);
            return n;
        } catch (NumberFormatException e) {
            throw badRange(key, range, total);
        }
    }

    private static ConfigLoader.ConfigException badRange(String key, String range, int total) {
        return new ConfigLoader.ConfigException(key + " must be a-b (or one shard) with 0 <= a <= b < " + total
                + ", not '" + ConfigLoader.shorten(range) + "'");
    }

    private static int number(String key, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ConfigLoader.ConfigException(key + " must be a whole number, not '" + ConfigLoader.shorten(text) + "'");
        }
    }

    private static boolean set(String s) {
        return s != null && !s.isBlank();
    }
}
