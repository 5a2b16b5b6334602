package eatbot;

import eatbot.config.ConfigLoader;
import eatbot.console.Console;
import eatbot.console.TerminalLines;
import eatbot.discord.DiscordBot;
import eatbot.eat.Names;
import eatbot.ops.HealthProbe;
import eatbot.ops.MonitoringServer;
import eatbot.store.Backup;
import eatbot.store.Database;
import eatbot.discord.IdentifyTurns;
import eatbot.store.IdentifyLock;
import eatbot.store.SqliteLock;
import eatbot.store.StoreException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** {@code java -jar eatbot.jar [console | ...]}: the bot by default. */
@Command(name = "eatbot", mixinStandardHelpOptions = true, version = "eatbot 0.1",
        description = "A Discord bot that ends \"what should we eat?\". Without a subcommand it runs the bot (needs DISCORD_TOKEN).",
        subcommands = {Main.ConsoleCommand.class, Main.BackupCommand.class, Main.HealthCommand.class, eatbot.sim.SimulateCommand.class,
                eatbot.sim.SimulateWeekCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit statuses (README "Exit statuses"); 1 is anything unforeseen, 2 a usage mistake or a missing token. */
    static final int CONFIG_ERROR = 3;
    static final int TOKEN_REFUSED = 4;
    static final int DATABASE_UNAVAILABLE = 5;
    static final int MONITORING_PORT_TAKEN = 6;
    static final int DISCORD_UNREACHABLE = 7;
    static final int DATABASE_IN_USE = 9;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static Map<String, String> env = System.getenv();

    /** Runs the command line with this environment (public for the end-to-end tests). */
    public static int run(String[] args, Map<String, String> environment) {
        env = environment;
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigLoader.ConfigException) {
                line.getErr().println("eatbot: configuration error: " + e.getMessage());
                return CONFIG_ERROR;
            }
            if (e instanceof StoreException && e.getMessage() != null && e.getMessage().startsWith(Database.POSTGRES_UNAVAILABLE)) {
                // the URL is shown (never the password: Database leaves it out) with what PostgreSQL or the network said
                line.getErr().println(Names.oneLine("eatbot: " + e.getMessage().lines().findFirst().orElse("")
                        + "; check EATBOT_POSTGRES_URL, _USER, _PASSWORD."));
                return DATABASE_UNAVAILABLE;
            }
            if (e instanceof StoreException) {
                // only opening the database lets one escape: the front ends answer those of a command
                // the cause's kind says what a bare path in the message means ("/proc/x": NoSuchFileException)
                String kind = e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")";
                line.getErr().println(Names.oneLine("eatbot: " + e.getMessage().lines().findFirst().orElse("the database failed") + kind
                        + "; set EATBOT_DB (or \"database\" in the config) to a file in a folder eatbot can write."));
                return DATABASE_UNAVAILABLE;
            }
            if (e instanceof SqliteLock.InUse) {
                line.getErr().println(Names.oneLine(e.getMessage()));
                return DATABASE_IN_USE;
            }
            if (e instanceof DatabaseFolder.NotWritable) {
                line.getErr().println(e.getMessage());
                return DATABASE_UNAVAILABLE;
            }
            if (e instanceof MonitoringServer.CannotListen) {
                line.getErr().println(Names.oneLine("eatbot: " + e.getMessage()));
                return MONITORING_PORT_TAKEN;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("""
                    eatbot: DISCORD_TOKEN is not set.
                      To run the bot:  give it DISCORD_TOKEN=<your bot token> in its environment (see README: "Running on Discord")
                      To try it here:  %s console""".formatted(command()));
            return 2;
        }
        ConfigLoader.Loaded config = ConfigLoader.load(env);
        Bot bot;
        try {
            bot = startBot(token, config);
        } catch (InvalidTokenException e) {
            System.err.println("eatbot: Discord refused the token in DISCORD_TOKEN (reset it in the Developer Portal, Bot page).");
            return TOKEN_REFUSED;
        } catch (ErrorResponseException | java.io.UncheckedIOException e) {
            // the shard total and JDA's login ask Discord; an I/O failure there means no way to Discord
            IOException network = networkCause(e);
            if (network == null) throw e;
            System.err.println(Names.oneLine("eatbot: cannot reach Discord (" + network.getClass().getSimpleName()
                    + (network.getMessage() == null ? "" : ": " + network.getMessage()) + "); check this machine's network, DNS or proxy"
                    + (config.restUrl() == null ? "" : " and EATBOT_DISCORD_REST_URL") + ", then start eatbot again."));
            return DISCORD_UNREACHABLE;
        }
        // SIGTERM (docker stop) and Ctrl-C: stop taking events, finish writes, close the database
        Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "eatbot-shutdown"));
        try {
            bot.discord().awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** How a person starts eatbot here: the image sets EATBOT_COMMAND to its own `docker run …`. */
    static String command() {
        String named = env.get("EATBOT_COMMAND");
        return named == null || named.isBlank() ? "java -jar target/eatbot.jar" : named.strip();
    }

    /** The I/O failure behind a failed login (no route, no DNS, refused), or null when it was something else. */
    private static IOException networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) return io;
        }
        return null;
    }

    /** The running bot: the Discord front end over the app; closing stops Discord first, then the database. */
    public record Bot(App app, DiscordBot discord, ShardKeeper leases) implements AutoCloseable {
        public Bot(App app, DiscordBot discord) {
            this(app, discord, null);
        }

        @Override
        public void close() {
            try {
                discord.close();
            } finally {
                try {
                    if (leases != null) leases.close(); // after the last write: the next owner starts from all of it
                } finally {
                    app.close();
                }
            }
            LoggerFactory.getLogger(Main.class).info("eatbot stopped: events stopped, writes finished, database closed; {}",
                    discord.report());
        }
    }

    /** The bot's start-up path (also what the end-to-end tests run): config → database → service → Discord. */
    public static Bot startBot(String token, ConfigLoader.Loaded config) {
        App app = new App(config);
        ShardKeeper leases = null;
        try {
            // /health answers (503, "not connected yet") from before the gateway connects, and a taken port stops start-up early
            AtomicReference<DiscordBot> discord = new AtomicReference<>();
            app.serveMonitoring(() -> discord.get() == null ? null : discord.get().shards());
            DiscordBot.Options options = DiscordBot.Options.from(config);
            if (config.store().postgres()) {
                // several processes share the shards out through leases in PostgreSQL (README "Running at scale")
                leases = ShardKeeper.open(app, Clock.systemUTC());
                List<Integer> first = leases.awaitFirst();
                ConfigLoader.Store s = config.store();
                IdentifyLock lock = new IdentifyLock(s.url(), s.user(), s.password(), Duration.ofSeconds(IdentifyTurns.SECONDS_PER_IDENTIFY));
                IdentifyTurns turns = new IdentifyTurns(config.gatewayUrl(), bucket -> {
                    AutoCloseable turn = lock.take(bucket);
                    return () -> {
                        try {
                            turn.close();
                        } catch (Exception e) {
                            LoggerFactory.getLogger(Main.class).warn("giving back the IDENTIFY turn failed: {}", e.getMessage());
                        }
                    };
                });
                discord.set(DiscordBot.start(token, options, app.service(), app.metrics(), first, turns));
                leases.keep(shardsOf(discord.get()));
            } else {
                discord.set(DiscordBot.start(token, options, app.service(), app.metrics()));
            }
            ShardManager shards = discord.get().shards();
            app.metrics().watchGateway(shards, config.shards().askDiscord()
                    ? java.util.stream.IntStream.range(0, shards.getShardsTotal()).boxed().toList() : config.shards().here());
            return new Bot(app, discord.get(), leases);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (leases != null) leases.close();
            app.close();
            throw new IllegalStateException("interrupted while connecting to Discord", e);
        } catch (RuntimeException e) {
            if (leases != null) leases.close();
            app.close();
            throw e;
        }
    }

    /** Shards taken or lost later start and stop off the keeper's thread, which must go on renewing meanwhile. */
    private static ShardKeeper.Shards shardsOf(DiscordBot bot) {
        java.util.concurrent.ExecutorService starts = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "eatbot-shard-start");
            t.setDaemon(true);
            return t;
        });
        return new ShardKeeper.Shards() {
            @Override
            public void start(int shard) {
                starts.execute(() -> {
                    try {
                        bot.startShard(shard);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(Main.class).error("shard {} did not start: {}", shard, e.getMessage());
                    }
                });
            }

            @Override
            public void stop(int shard) {
                bot.stopShard(shard);
            }
        };
    }

    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Try eatbot in a terminal (or feed it a script on stdin), with the same commands as on Discord.")
    static final class ConsoleCommand implements Callable<Integer> {
        @CommandLine.Option(names = "--user", description = "who you are in the console server (default: me)", defaultValue = "me")
        String user;

        @Override
        public Integer call() throws Exception {
            ConfigLoader.Loaded config = ConfigLoader.load(env);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            try (App app = new App(config)) {
                try {
                    app.serveMonitoring(null);
                } catch (MonitoringServer.CannotListen e) {
                    // a console next to a running bot (docker exec) finds its port taken: it works on without
                    System.err.println("eatbot: " + e.getMessage());
                }
                boolean interactive = System.console() != null;
                Console console = new Console(app.service(), out, interactive, user, config.charts()).counting(app.metrics())
                        .speaking(config.locale());
                // SIGTERM (docker stop) and Ctrl-C: finish the writes and close the database
                Thread stop = new Thread(() -> {
                    app.close();
                    System.err.println("eatbot: stopped; writes finished, database closed.");
                }, "eatbot-shutdown");
                Runtime.getRuntime().addShutdownHook(stop);
                try {
                    if (interactive) {
                        // line editing and history for a person; a piped script is read plainly
                        try (TerminalLines lines = TerminalLines.open()) {
                            console.run(lines);
                        }
                    } else {
                        console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
                    }
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(stop);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is closing the app already
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true,
            description = "Ask a running eatbot's /health (see EATBOT_HTTP_PORT): exit 0 when it is healthy, 1 when not. "
                    + "The image's HEALTHCHECK runs this.")
    static final class HealthCommand implements Callable<Integer> {
        @CommandLine.Option(names = "--url", description = "the /health to ask (default: from http.host and http.port, EATBOT_HTTP_HOST and EATBOT_HTTP_PORT)")
        URI url;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            URI target = url;
            if (target == null) {
                ConfigLoader.Http http;
                try {
                    http = ConfigLoader.load(env).http();
                } catch (ConfigLoader.ConfigException e) {
                    err.println("eatbot health: configuration error: " + e.getMessage());
                    return 1; // a health check knows only 0 and 1 (Docker reserves 2)
                }
                if (http.port() == null || http.port() == 0) {
                    err.println("eatbot health: no port to ask: set EATBOT_HTTP_PORT (or http.port), as for the bot, or give --url.");
                    return 1;
                }
                String host = http.probeHost().contains(":") ? "[" + http.probeHost() + "]" : http.probeHost();
                target = URI.create("http://" + host + ":" + http.port() + "/health");
            }
            HealthProbe.Result r = HealthProbe.probe(target, Duration.ofSeconds(5));
            if (!r.healthy()) {
                err.println("eatbot health: " + r.text());
                return 1;
            }
            spec.commandLine().getOut().println("eatbot: healthy (" + r.text() + ")");
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copy the database to FILE with SQLite's online backup; safe while the bot runs. "
                    + "Restore: stop the bot, copy FILE over the database (see README \"Reliability\").")
    static final class BackupCommand implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "FILE", description = "where to write the copy (must not exist yet unless --force)")
        Path target;

        @CommandLine.Option(names = "--force", description = "overwrite FILE if it exists")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ConfigLoader.Loaded config = ConfigLoader.load(env);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (config.store().postgres()) {
                err.println("eatbot backup: copies the SQLite file only; on PostgreSQL use pg_dump (README \"Running at scale\").");
                return 2;
            }
            Path source = config.database();
            if (!Files.isRegularFile(source)) {
                err.println("eatbot backup: there is no database at " + source + " (set EATBOT_DB or \"database\" in the config).");
                return 2;
            }
            if (Files.exists(target) && sameFile(source, target)) {
                err.println("eatbot backup: " + target + " is the live database itself; choose another file.");
                return 2;
            }
            if (Files.exists(target) && !force) {
                err.println("eatbot backup: " + target + " already exists; choose a new file or add --force.");
                return 2;
            }
            try {
                Backup.copy(source, target);
            } catch (StoreException e) {
                err.println("eatbot backup: " + e.getMessage());
                return 1;
            }
            out.println("Backed up " + source + " to " + target + ".");
            return 0;
        }

        private static boolean sameFile(Path a, Path b) {
            try {
                return Files.isSameFile(a, b);
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }
}
