package eatbot.discord;

import eatbot.config.ConfigLoader;
import eatbot.discord.commands.CommandSet;
import eatbot.discord.commands.EatRateLimit;
import eatbot.discord.commands.ReactionAccess;
import eatbot.eat.Activity;
import eatbot.eat.EatService;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
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
     */
    public record Options(String restUrl, String gatewayUrl, String devGuildId, int eatPerMinute) {
        public static Options from(ConfigLoader.Loaded config) {
            String dev = config.config().discord().devGuildId();
            return new Options(config.restUrl(), config.gatewayUrl(), dev == null || dev.isBlank() ? null : dev.strip(),
                    config.config().discord().eatPerMinute());
        }
    }

    private final JDA jda;
    private final ExecutorService work;
    private final ExecutorService feedback;
    private final InteractionListener interactions;
    private final ReactionListener reactions;

    private DiscordBot(JDA jda, ExecutorService work, ExecutorService feedback, InteractionListener interactions,
                       ReactionListener reactions) {
        this.jda = jda;
        this.work = work;
        this.feedback = feedback;
        this.interactions = interactions;
        this.reactions = reactions;
    }

    /** Connects, waits until every server is loaded, and registers the commands. */
    public static DiscordBot start(String token, Options options, EatService service) throws InterruptedException {
        return start(token, options, service, Activity.NONE);
    }

    /** {@link #start(String, Options, EatService)}, telling {@code activity} what people do (for /metrics). */
    public static DiscordBot start(String token, Options options, EatService service, Activity activity) throws InterruptedException {
        if (options.eatPerMinute() < 1) throw new ConfigLoader.ConfigException("discord.eatPerMinute must be at least 1");
        ExecutorService work = Executors.newFixedThreadPool(4, named("eatbot-command"));
        ExecutorService feedback = Executors.newSingleThreadExecutor(named("eatbot-feedback"));
        CommandSet commands = new CommandSet(service, new EatRateLimit(options.eatPerMinute(), System::currentTimeMillis));
        ReactionListener reactions = new ReactionListener(service, feedback,
                new HeldReactions<>(System::nanoTime, HeldReactions.CAPACITY), activity); // a bound on waiting, not a date
        InteractionListener interactions = new InteractionListener(commands, service, work, reactions, activity);
        JDABuilder builder = JDABuilder.createLight(token, INTENTS)
                .addEventListeners(interactions, reactions)
                // the raw event carries what JDA does not read: whether a reaction is a super (burst) one
                .setEventPassthrough(true);
        if (options.restUrl() != null) {
            String base = options.restUrl().endsWith("/") ? options.restUrl() : options.restUrl() + "/";
            builder.setRestConfig(new RestConfig().setBaseUrl(base));
        }
        if (options.gatewayUrl() != null) {
            // a single JDA asks its session controller where to connect
            builder.setSessionController(new FixedGateway(options.gatewayUrl()));
            // a proxy or test double speaks plain JSON
            builder.setCompression(Compression.NONE);
        }
        JDA jda = builder.build();
        DiscordBot bot = new DiscordBot(jda, work, feedback, interactions, reactions);
        try {
            jda.awaitReady();
            register(jda, commands, options.devGuildId());
        } catch (RuntimeException | InterruptedException e) {
            bot.close();
            throw e;
        }
        log.info("eatbot is online as {} in {} server(s)", jda.getSelfUser().getName(), jda.getGuilds().size());
        return bot;
    }

    private static void register(JDA jda, CommandSet commands, String devGuildId) {
        if (devGuildId == null) {
            jda.updateCommands().addCommands(CommandLocalization.localized(commands.data())).complete();
            return;
        }
        Guild guild = jda.getGuildById(devGuildId);
        if (guild == null) {
            throw new ConfigLoader.ConfigException("discord.devGuildId is " + devGuildId + ", but the bot is not in that server");
        }
        guild.updateCommands().addCommands(CommandLocalization.localized(commands.data())).complete();
    }

    public JDA jda() {
        return jda;
    }

    /** Blocks until the bot has shut down. */
    public void awaitShutdown() throws InterruptedException {
        jda.awaitShutdown();
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
        try {
            if (!interactions.awaitAnswered(10_000)) log.warn("some interactions were still being answered at shutdown");
            jda.shutdown();
            if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) jda.shutdownNow();
            work.shutdown();
            if (!work.awaitTermination(10, TimeUnit.SECONDS)) log.warn("commands still running at shutdown");
            feedback.execute(reactions::dropHeld); // after every reaction queued before it
            feedback.shutdown();
            if (!feedback.awaitTermination(60, TimeUnit.SECONDS)) log.warn("reactions still being recorded at shutdown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.warn("closed twice");
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

    /** Connects to a configured gateway instead of asking Discord for one. */
    static final class FixedGateway extends SessionControllerAdapter {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
