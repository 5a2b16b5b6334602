package eatbot.discord;

import eatbot.config.ConfigLoader;
import eatbot.discord.commands.CommandSet;
import eatbot.discord.commands.EatRateLimit;
import eatbot.discord.commands.ReactionAccess;
import eatbot.eat.Activity;
import eatbot.eat.EatService;
import net.dv8tion.jda.api.JDA;
import eatbot.config.ShardPlan;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Discord front end: connects with JDA, registers the slash commands, and
 * hands events to the listeners. Built once by {@code Main}; {@link #close()}
 * stops taking events, lets queued writes finish, then disconnects (the caller
 * closes the database after).
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    /** Reactions on messages in servers; slash commands need no intent. Nothing privileged. */
    public static final Set<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGE_REACTIONS);

    /**
     * What the bot needs in a channel: see it, and add 👍/👎 to its suggestion
     * (adding a reaction needs Read Message History too); embeds in replies.
     * Replies are interaction responses, which need no Send Messages. A channel
     * can take the first three away; a suggestion there says so (see {@code ReactionAccess}).
     */
    public static final Set<Permission> PERMISSIONS = invitePermissions();

    private static Set<Permission> invitePermissions() {
        EnumSet<Permission> p = EnumSet.copyOf(ReactionAccess.NEEDED); // one list of what 👍/👎 need, shared with the warning
        p.add(Permission.MESSAGE_EMBED_LINKS);
        return java.util.Collections.unmodifiableSet(p);
    }

    /** The permissions integer for the invite link. */
    public static long permissionsInteger() {
        return Permission.getRaw(PERMISSIONS);
    }

    /**
     * @param restUrl      Discord REST base, or null for Discord's own
     * @param gatewayUrl   gateway URL, or null for the one Discord announces
     * @param devGuildId   register commands in this server only (instant updates), or null for everywhere
     * @param eatPerMinute how many /eat one member may ask per minute
     * @param shards       which shards of how many this process runs
     */
    public record Options(String restUrl, String gatewayUrl, String devGuildId, int eatPerMinute, ShardPlan shards) {
        public static Options from(ConfigLoader.Loaded config) {
            String dev = config.config().discord().devGuildId();
            return new Options(config.restUrl(), config.gatewayUrl(), dev == null || dev.isBlank() ? null : dev.strip(),
                    config.config().discord().eatPerMinute(), config.shards());
        }
    }

    private final ShardManager shards;
    private final ExecutorService work;
    private final ExecutorService feedback;
    private final InteractionListener interactions;
    private final ReactionListener reactions;
    private final CommandSet commands;
    private final String devGuildId;
    /** Counted down when the bot is closed, or Discord ended a session for good (a revoked token, say). */
    private final CountDownLatch ended = new CountDownLatch(1);

    private DiscordBot(ShardManager shards, ExecutorService work, ExecutorService feedback, InteractionListener interactions,
                       ReactionListener reactions, CommandSet commands, String devGuildId) {
        this.shards = shards;
        this.work = work;
        this.feedback = feedback;
        this.interactions = interactions;
        this.reactions = reactions;
        this.commands = commands;
        this.devGuildId = devGuildId;
    }

    /** Connects, waits until every server is loaded, and registers the commands. */
    public static DiscordBot start(String token, Options options, EatService service) throws InterruptedException {
        return start(token, options, service, Activity.NONE);
    }

    /** {@link #start(String, Options, EatService)}, telling {@code activity} what people do (for /metrics). */
    public static DiscordBot start(String token, Options options, EatService service, Activity activity) throws InterruptedException {
        return start(token, options, service, activity, null, new IdentifyTurns(options.gatewayUrl(), IdentifyTurns.Turn.LOCAL));
    }

    /**
     * Starts the ShardManager with {@code startNow} of this process's shards (null: all of them; the rest
     * start later through {@link #startShard}), identifying when {@code identify} gives the turn.
     */
    public static DiscordBot start(String token, Options options, EatService service, Activity activity,
                                   List<Integer> startNow, IdentifyTurns identify) throws InterruptedException {
        if (options.eatPerMinute() < 1) throw new ConfigLoader.ConfigException("discord.eatPerMinute must be at least 1");
        ExecutorService work = Executors.newFixedThreadPool(4, named("eatbot-command"));
        ExecutorService feedback = Executors.newSingleThreadExecutor(named("eatbot-feedback"));
        CommandSet commands = new CommandSet(service, new EatRateLimit(options.eatPerMinute(), System::currentTimeMillis));
        ReactionListener reactions = new ReactionListener(service, feedback,
                new HeldReactions<>(System::nanoTime, HeldReactions.CAPACITY), activity); // a bound on waiting, not a date
        InteractionListener interactions = new InteractionListener(commands, service, work, reactions, activity);
        EndWatch endWatch = new EndWatch();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token, INTENTS)
                .addEventListeners(interactions, reactions, endWatch)
                // the raw event carries what JDA does not read: whether a reaction is a super (burst) one
                .setEventPassthrough(true)
                // Main's hook stops the bot in order (events, then writes, then the database)
                .setEnableShutdownHook(false)
                .setSessionController(identify);
        ShardPlan plan = options.shards();
        // with total -1 JDA would ask GET gateway/bot itself; asked here, a refusal is one line (see GatewayBot)
        int total = plan.askDiscord() ? GatewayBot.recommendedShards(options.restUrl(), token) : plan.total();
        List<Integer> here = plan.askDiscord() ? IntStream.range(0, total).boxed().toList() : plan.here();
        List<Integer> ids = startNow == null ? here : startNow;
        builder.setShardsTotal(total).setShards(ids);
        if (options.restUrl() != null) {
            String base = options.restUrl().endsWith("/") ? options.restUrl() : options.restUrl() + "/";
            builder.setRestConfig(new RestConfig().setBaseUrl(base));
        }
        if (options.gatewayUrl() != null) {
            // a proxy or test double speaks plain JSON
            builder.setCompression(Compression.NONE);
        }
        ShardManager manager = builder.build();
        DiscordBot bot = new DiscordBot(manager, work, feedback, interactions, reactions, commands, options.devGuildId());
        endWatch.bot = bot;
        try {
            for (int id : ids) bot.awaitShard(id).awaitReady();
            bot.register();
        } catch (RuntimeException | InterruptedException e) {
            bot.close();
            throw e;
        }
        log.info("eatbot is online as {} on {} of {} shard(s), in {} server(s)", manager.getShards().get(0).getSelfUser().getName(),
                manager.getShardsRunning(), manager.getShardsTotal(), manager.getGuilds().size());
        return bot;
    }

    /** The shard once the ShardManager has built it (it builds them one by one from its queue). */
    private JDA awaitShard(int id) throws InterruptedException {
        while (true) {
            JDA jda = shards.getShardById(id);
            if (jda != null) return jda;
            if (ended.getCount() == 0) throw new IllegalStateException("the bot stopped before shard " + id + " started");
            Thread.sleep(10); // JDA offers no wait for a queued shard
        }
    }

    /** Commands are global (any shard may register them); a dev server's only by the process holding its shard. */
    private void register() {
        if (devGuildId == null) {
            shards.getShards().get(0).updateCommands().addCommands(CommandLocalization.localized(commands.data())).complete();
            return;
        }
        int shard = ShardPlan.shardOf(Long.parseLong(devGuildId), shards.getShardsTotal());
        if (shards.getShardById(shard) == null) return; // another process's
        Guild guild = shards.getGuildById(devGuildId);
        if (guild == null) {
            throw new ConfigLoader.ConfigException("discord.devGuildId is " + devGuildId + ", but the bot is not in that server");
        }
        guild.updateCommands().addCommands(CommandLocalization.localized(commands.data())).complete();
    }

    /** Starts one more shard of this process (its lease was just acquired), waiting until it is ready. */
    public void startShard(int id) throws InterruptedException {
        if (shards.getShardById(id) != null) return;
        shards.start(id);
        awaitShard(id).awaitReady();
        if (devGuildId != null && ShardPlan.shardOf(Long.parseLong(devGuildId), shards.getShardsTotal()) == id) register();
        log.info("shard {} of {} started", id, shards.getShardsTotal());
    }

    /** Stops one shard now (its lease was lost: another process runs it); the others go on. */
    public void stopShard(int id) {
        JDA jda = shards.getShardById(id);
        if (jda == null) return;
        shards.shutdown(id);
        jda.shutdownNow();
        log.warn("shard {} of {} stopped", id, shards.getShardsTotal());
    }

    /** The shards of this process, for health and metrics. */
    public ShardManager shards() {
        return shards;
    }

    /** Blocks until the bot has shut down (closed, or Discord ended its session for good). */
    public void awaitShutdown() throws InterruptedException {
        ended.await();
    }

    /**
     * A graceful stop: new interactions are refused ("restarting") while those
     * under way are answered; then the gateway is closed with the listeners still
     * in place, so every event that reached the process is handed on; then the
     * reactions queued are recorded. The caller closes the database after.
     */
    @Override
    public void close() {
        interactions.stop();
        List<JDA> running = shards.getShards();
        try {
            if (!interactions.awaitAnswered(10_000)) log.warn("some interactions were still being answered at shutdown");
            shards.shutdown();
            for (JDA jda : running) {
                if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) jda.shutdownNow();
            }
            work.shutdown();
            if (!work.awaitTermination(10, TimeUnit.SECONDS)) log.warn("commands still running at shutdown");
            feedback.execute(reactions::dropHeld); // after every reaction queued before it
            feedback.shutdown();
            if (!feedback.awaitTermination(60, TimeUnit.SECONDS)) log.warn("reactions still being recorded at shutdown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(JDA::shutdownNow);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.warn("closed twice");
        } finally {
            ended.countDown();
        }
    }

    /** Ends {@link #awaitShutdown()} when Discord closes a session for good (a revoked token, intents refused). */
    private static final class EndWatch extends ListenerAdapter {
        volatile DiscordBot bot;

        @Override
        public void onShutdown(ShutdownEvent event) {
            CloseCode code = event.getCloseCode();
            DiscordBot b = bot;
            if (b != null && code != null && !code.isReconnect()) {
                log.error("Discord ended the session of shard {}: {}", event.getJDA().getShardInfo().getShardId(), code.getMeaning());
                b.ended.countDown();
            }
        }
    }

    /** How many interactions are being acknowledged or answered now (none once each has settled). */
    int interactionsUnderWay() {
        return interactions.underWay();
    }

    /** What happened to the reaction events this run, for the last log line. */
    public String report() {
        return reactions.report();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
