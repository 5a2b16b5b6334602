package eatbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A local stand-in for Discord, on loopback: enough of the REST API (JDK
 * HttpServer) and of the gateway protocol (a WebSocket server) for the real
 * JDA client to log in, load servers, receive interactions and reactions, and
 * answer them. Everything the bot sends is recorded for the test to inspect.
 */
final class DiscordDouble implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordDouble.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long DISCORD_EPOCH = 1420070400000L;

    /** The bot's user id, which Discord also uses as its application id. */
    static final String BOT_ID = "900000000000000001";
    /** The only bot token the double accepts. */
    static final String TOKEN = "test-token";
    static final long MANAGE_GUILD = 1L << 5;
    /** What @everyone may do in the test servers: view, send, embed, read history, react. */
    static final long EVERYONE = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 16) | (1L << 6) | (1L << 31);

    /** Add Reactions, View Channel, Read Message History: what eatbot needs in a channel to add 👍/👎 and hear them. */
    static final long ADD_REACTIONS = 1L << 6, VIEW_CHANNEL = 1L << 10, READ_MESSAGE_HISTORY = 1L << 16;
    /** What the invite link grants eatbot's own role (README, "Running on Discord"). */
    static final long INVITE = VIEW_CHANNEL | ADD_REACTIONS | (1L << 14) | READ_MESSAGE_HISTORY;

    /**
     * A server in the double, seen from one of its text channels: an admin
     * role, and the role Discord makes for eatbot when it is invited. Every
     * method that takes a Guild acts in its {@code channelId}.
     */
    record Guild(String id, String channelId, String adminRoleId, String botRoleId) {}

    /** A channel permission overwrite: {@code type} 0 for a role (the server's id is @everyone), 1 for a member. */
    record Overwrite(String targetId, int type, long allow, long deny) {
        /** Denies {@code permissions} to @everyone in the channel. */
        static Overwrite denyEveryone(Guild g, long permissions) {
            return new Overwrite(g.id(), 0, 0, permissions);
        }

        /** Denies {@code permissions} to eatbot's own role in the channel. */
        static Overwrite denyBotRole(Guild g, long permissions) {
            return new Overwrite(g.botRoleId(), 0, 0, permissions);
        }

        /** Denies {@code permissions} to eatbot itself (a member overwrite) in the channel. */
        static Overwrite denyBot(long permissions) {
            return new Overwrite(BOT_ID, 1, 0, permissions);
        }
    }

    /** A request the bot made to the REST API, with the files it uploaded (multipart parts with a file name). */
    record Request(String method, String path, JsonNode body, List<Part> files) {}

    /** One part of a multipart upload. */
    record Part(String name, String fileName, byte[] data) {}

    // snowflakes carry their creation time, and JDA judges an interaction's 15 minutes by it: the wall clock is right here
    private final AtomicLong ids = new AtomicLong((System.currentTimeMillis() - DISCORD_EPOCH) << 22);
    private final List<Guild> guilds = new ArrayList<>();
    /** Every text channel: id → the server it is in. */
    private final Map<String, Guild> channels = new ConcurrentHashMap<>();
    /** Channel id → its permission overwrites (none for a channel not listed). */
    private final Map<String, List<Overwrite>> overwrites = new ConcurrentHashMap<>();
    /** Channels where Discord answers 403 to the bot's own reactions whatever its permissions there say. */
    private final List<String> refusedReactions = new CopyOnWriteArrayList<>();
    /** Thread id → its parent channel; GUILD_CREATE leaves them out (as for threads that were not active then). */
    private final Map<String, String> threads = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Interaction token → the channel it came from. */
    private final Map<String, String> channelOfToken = new ConcurrentHashMap<>();
    /** Interaction token → the message its original response became. */
    private final Map<String, ObjectNode> originals = new ConcurrentHashMap<>();
    /** Interaction token → the "thinking…" message its deferred callback made (what the original's edit keeps the id of). */
    private final Map<String, ObjectNode> thinking = new ConcurrentHashMap<>();
    /** Interactions acknowledged once: a second callback is answered 40060, as Discord does. */
    private final java.util.Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Interaction id → its INTERACTION_CREATE payload, for delivering it again. */
    private final Map<String, ObjectNode> interactions = new ConcurrentHashMap<>();
    /** Requests whose answer the test holds back until it opens the gate. */
    private final List<Gate> gates = new CopyOnWriteArrayList<>();
    /** Bot accounts other than eatbot that people can mention: id → name. */
    private final Map<String, String> bots = new ConcurrentHashMap<>();
    /** Edits of an interaction's reply whose JSON contains one of these are refused with 400, as Discord refuses an invalid form. */
    private final List<String> refusedEdits = new CopyOnWriteArrayList<>();
    /** Files people attached to commands, served at their URL: attachment id → bytes. */
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final HttpServer http;
    private final Gateway gateway;
    private final CountDownLatch identified = new CountDownLatch(1);
    private volatile JsonNode identify;
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    /** How many shards the double's GET gateway/bot recommends, and how guilds are spread over them. */
    private final int shardsTotal;

    /** A Discord with one shard. */
    DiscordDouble() throws Exception {
        this(1);
    }

    /** A Discord whose GET gateway/bot recommends {@code shardsTotal} shards (max_concurrency as many: no waits between them). */
    DiscordDouble(int shardsTotal) throws Exception {
        this.shardsTotal = shardsTotal;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::rest);
        http.start();
        gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
        gateway.setReuseAddr(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("gateway did not start");
    }

    String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    /** Adds a server the bot is in; call before the bot connects. */
    Guild addGuild() {
        Guild g = new Guild(id(), id(), id(), id());
        guilds.add(g);
        channels.put(g.channelId(), g);
        return g;
    }

    /** Adds a server on this shard ({@code (guild_id >> 22) % total}); call before the bot connects. */
    Guild addGuildOnShard(int shard) {
        // a snowflake's shard is its millisecond's: take the next millisecond that falls on it
        long ms = (ids.get() >> 22) + 1;
        while (ms % shardsTotal != shard) ms++;
        long at = ms << 22;
        ids.accumulateAndGet(at, Math::max);
        Guild g = new Guild(String.valueOf(at), id(), id(), id());
        guilds.add(g);
        channels.put(g.channelId(), g);
        return g;
    }

    /** The shard a guild's events go to. */
    int shardOf(String guildId) {
        return (int) ((Long.parseLong(guildId) >> 22) % shardsTotal);
    }

    /**
     * Adds another text channel to the server, with these overwrites; call
     * before the bot connects (it arrives with GUILD_CREATE). Returns the
     * server as seen from the new channel.
     */
    Guild addChannel(Guild g, Overwrite... denied) {
        Guild in = new Guild(g.id(), id(), g.adminRoleId(), g.botRoleId());
        channels.put(in.channelId(), in);
        overwrites.put(in.channelId(), List.of(denied));
        return in;
    }

    /**
     * A public thread in {@code parent}'s channel that JDA has not cached
     * (GUILD_CREATE lists only active threads, and this one was not).
     * Returns the server as seen from the thread.
     */
    Guild addUncachedThread(Guild parent) {
        Guild in = new Guild(parent.id(), id(), parent.adminRoleId(), parent.botRoleId());
        channels.put(in.channelId(), in);
        threads.put(in.channelId(), parent.channelId());
        return in;
    }

    /** From now on, Discord answers 403 Missing Permissions when the bot adds a reaction in this channel. */
    void refuseOwnReactionsIn(Guild g) {
        refusedReactions.add(g.channelId());
    }

    String id() {
        return String.valueOf(ids.incrementAndGet());
    }

    JsonNode identify() {
        return identify;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    // ---- waiting ----

    /** The first request matching, waiting up to the deadline for it. */
    Request await(String what, Predicate<Request> matches) {
        return awaitCondition(what, () -> requests.stream().filter(matches).findFirst());
    }

    static <T> T awaitCondition(String what, java.util.function.Supplier<Optional<T>> probe) {
        return awaitCondition(what, probe, Duration.ofSeconds(20));
    }

    static <T> T awaitCondition(String what, java.util.function.Supplier<Optional<T>> probe, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos(); // monotonic: a timeout, not a date
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) return found.get();
            if (System.nanoTime() - deadline > 0) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10); // polling interval, not a guess at timing: the deadline bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** The message the interaction's deferred reply became, once the bot has written it. */
    ObjectNode awaitOriginal(String token) {
        return awaitCondition("the reply to interaction " + token, () -> Optional.ofNullable(originals.get(token)));
    }

    /** The interaction callback the bot sent for this interaction (its first answer). */
    JsonNode awaitCallback(String interactionId) {
        return await("the callback of interaction " + interactionId,
                r -> r.method().equals("POST") && r.path().startsWith("/api/v10/interactions/" + interactionId + "/")).body();
    }

    /** The ephemeral follow-up or the edited original reply text of this interaction. */
    Optional<JsonNode> followUp(String token) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v10/webhooks/" + BOT_ID + "/" + token))
                .map(Request::body).findFirst();
    }

    /** Another bot account in the servers, which people can @mention. Returns its id. */
    String addBot(String name) {
        String id = id();
        bots.put(id, name);
        return id;
    }

    /** From now on, Discord answers 400 Invalid Form Body to an edit of a reply whose JSON contains {@code marker}. */
    void refuseEditsContaining(String marker) {
        refusedEdits.add(marker);
    }

    /** A request the double answers only once the test opens it (Discord being slow to answer). */
    static final class Gate {
        final String method;
        final String pathPart;
        final CountDownLatch open = new CountDownLatch(1);
        final CountDownLatch reached = new CountDownLatch(1);

        Gate(String method, String pathPart) {
            this.method = method;
            this.pathPart = pathPart;
        }

        /** Lets the held answer go; later ones are not held. */
        void open() {
            open.countDown();
        }

        /** Waits until a request has come to the gate. */
        void awaitReached() {
            awaitCondition("a " + method + " " + pathPart + " at the gate", () -> Optional.ofNullable(reached.getCount() == 0 ? true : null));
        }
    }

    /** From now on, the answer to a {@code method} request whose path contains {@code pathPart} waits until the gate is opened. */
    Gate holdAnswers(String method, String pathPart) {
        Gate g = new Gate(method, pathPart);
        gates.add(g);
        return g;
    }

    private void waitAtGate(String method, String path) {
        for (Gate g : gates) {
            if (g.open.getCount() == 0) {
                gates.remove(g);
            } else if (g.method.equals(method) && path.contains(g.pathPart)) {
                g.reached.countDown();
                try {
                    if (!g.open.await(60, TimeUnit.SECONDS)) log.warn("a gate was never opened: {} {}", method, path);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The "thinking…" message of a deferred interaction, once the bot has acknowledged it. */
    ObjectNode awaitThinking(String token) {
        return awaitCondition("the deferral of interaction " + token, () -> Optional.ofNullable(thinking.get(token)));
    }

    /** Delivers the same INTERACTION_CREATE again (same id and token), as Discord may. */
    void redeliver(String interactionId) {
        gateway.dispatch("INTERACTION_CREATE", interactions.get(interactionId));
    }

    /** How many times the bot tried to acknowledge this interaction. */
    long callbacks(String interactionId) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().startsWith("/api/v10/interactions/" + interactionId + "/")).count();
    }

    // ---- gateway events the test sends ----

    /** A member as Discord puts it into events. */
    ObjectNode member(Guild g, String userId, boolean admin) {
        ObjectNode m = F.objectNode();
        m.set("user", userOf(userId));
        ArrayNode roles = m.putArray("roles");
        if (admin) roles.add(g.adminRoleId());
        m.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        m.putNull("nick");
        m.put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
        m.putNull("premium_since");
        m.putNull("communication_disabled_until");
        m.putNull("avatar");
        m.put("permissions", String.valueOf(admin ? EVERYONE | MANAGE_GUILD : EVERYONE));
        return m;
    }

    /**
     * What Discord sends under {@code data.resolved} for a text option that
     * @mentions these members (eatbot and other bots included): {@code users},
     * id → user object; {@code members}, id → partial member object, which
     * lacks {@code user}, {@code deaf} and {@code mute} and has the member's
     * {@code permissions} in the channel (the user is under {@code users}).
     */
    ObjectNode mentioned(Guild g, String... memberIds) {
        ObjectNode users = F.objectNode();
        ObjectNode members = F.objectNode();
        for (String id : memberIds) {
            users.set(id, userOf(id));
            ObjectNode partial = member(g, id, false);
            partial.remove(List.of("user", "deaf", "mute"));
            members.set(id, partial);
        }
        ObjectNode resolved = F.objectNode();
        resolved.set("users", users);
        resolved.set("members", members);
        return resolved;
    }

    /** A slash command from a member; options is Discord's nested list (subcommand first). Returns [id, token]. */
    String[] slash(Guild g, String userId, boolean admin, String command, ArrayNode options) {
        return slash(g, userId, admin, command, options, null);
    }

    /** A slash command with {@code resolved} data, as Discord sends for attachment options (see {@link #attachment}). */
    String[] slash(Guild g, String userId, boolean admin, String command, ArrayNode options, ObjectNode resolved) {
        ObjectNode data = F.objectNode();
        data.put("id", id()).put("name", command).put("type", 1);
        data.set("options", options == null ? F.arrayNode() : options);
        if (resolved != null) data.set("resolved", resolved);
        return interact(g, userId, admin, 2, data, null);
    }

    /**
     * A file a member attached to a command: Discord uploads it first, then
     * sends its id as the option value and its details under {@code resolved}.
     * Returns the resolved data; {@code announcedSize} is the size Discord tells.
     */
    ObjectNode attachment(String attachmentId, String fileName, byte[] data, long announcedSize) {
        uploads.put(attachmentId, data);
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/attachments/" + attachmentId + "/" + fileName;
        ObjectNode a = F.objectNode();
        a.put("id", attachmentId).put("filename", fileName).put("size", announcedSize).put("url", url).put("proxy_url", url);
        a.put("content_type", "application/json; charset=utf-8").put("ephemeral", true);
        ObjectNode resolved = F.objectNode();
        resolved.set("attachments", F.objectNode().set(attachmentId, a));
        return resolved;
    }

    /** Whether the bot downloaded that attachment. */
    boolean downloaded(String attachmentId) {
        return requests.stream().anyMatch(r -> r.method().equals("GET") && r.path().startsWith("/attachments/" + attachmentId + "/"));
    }

    /** A member typing into an autocompleted option (marked {@code focused}). Returns [id, token]. */
    String[] autocomplete(Guild g, String userId, String command, ArrayNode options) {
        ObjectNode data = F.objectNode();
        data.put("id", id()).put("name", command).put("type", 1);
        data.set("options", options);
        return interact(g, userId, false, 4, data, null);
    }

    /** Presses a button on a message the bot posted. Returns [id, token]. */
    String[] press(Guild g, String userId, ObjectNode message, String customId) {
        ObjectNode data = F.objectNode().put("custom_id", customId).put("component_type", 2);
        return interact(g, userId, false, 3, data, message);
    }

    /** A slash command from this member object (say, one carrying another server's role). Returns [id, token]. */
    String[] slashAs(Guild g, ObjectNode member, String command, ArrayNode options) {
        ObjectNode data = F.objectNode();
        data.put("id", id()).put("name", command).put("type", 1);
        data.set("options", options == null ? F.arrayNode() : options);
        return interact(g, member, 2, data, null);
    }

    /** The client language the next interactions come with (Discord's {@code locale}: the user's, not the server's). */
    private volatile String userLocale = "en-US";

    /** Interactions from now on come from a client set to this language, e.g. {@code zh-CN}. */
    void userLocale(String tag) {
        userLocale = tag;
    }

    private String[] interact(Guild g, String userId, boolean admin, int type, ObjectNode data, ObjectNode message) {
        return interact(g, member(g, userId, admin), type, data, message);
    }

    private String[] interact(Guild g, ObjectNode member, int type, ObjectNode data, ObjectNode message) {
        String id = id();
        String token = "token-" + id;
        channelOfToken.put(token, g.channelId());
        ObjectNode d = F.objectNode();
        d.put("id", id).put("application_id", BOT_ID).put("type", type).put("token", token).put("version", 1);
        d.put("guild_id", g.id());
        // JDA 6 expects the partial guild Discord now sends with every interaction
        d.set("guild", F.objectNode().put("id", g.id()).put("locale", "en-US").set("features", F.arrayNode()));
        d.put("channel_id", g.channelId());
        d.set("channel", channel(g));
        d.set("member", member);
        d.set("data", data);
        if (message != null) d.set("message", message);
        d.put("locale", userLocale).put("guild_locale", "en-US");
        d.put("app_permissions", String.valueOf(botPermissions(g.channelId())));
        d.set("entitlements", F.arrayNode());
        d.set("authorizing_integration_owners", F.objectNode().put("0", g.id()));
        d.put("context", 0);
        d.put("attachment_size_limit", 10 * 1024 * 1024);
        interactions.put(id, d);
        gateway.dispatch("INTERACTION_CREATE", d);
        return new String[] {id, token};
    }

    /**
     * A member adds a reaction. Like Discord, the double sends the event only
     * when eatbot can see the channel; returns whether it was sent.
     */
    boolean reactionAdd(Guild g, String userId, String messageId, String emoji) {
        return reactionAdd(g, userId, messageId, emoji, false);
    }

    /** A reaction, or a super reaction ({@code burst}: Discord keeps it beside a normal one of the same emoji). */
    boolean reactionAdd(Guild g, String userId, String messageId, String emoji, boolean burst) {
        if ((botPermissions(g.channelId()) & VIEW_CHANNEL) == 0) return false;
        ObjectNode d = reaction(g, userId, messageId, emoji);
        d.set("member", member(g, userId, false));
        d.put("type", burst ? 1 : 0).put("burst", burst);
        ArrayNode colors = d.putArray("burst_colors");
        if (burst) colors.add("#ffcc4d");
        d.put("message_author_id", BOT_ID);
        gateway.dispatch("MESSAGE_REACTION_ADD", d);
        return true;
    }

    /**
     * A reaction Discord sent only to the oldest live session of the guild's shard: one it gave a
     * session it had not yet given up on, before a newer one of the same shard was up.
     */
    void reactionAddToOldestSession(Guild g, String userId, String messageId, String emoji) {
        ObjectNode d = reaction(g, userId, messageId, emoji);
        d.set("member", member(g, userId, false));
        d.put("type", 0).put("burst", false);
        d.putArray("burst_colors");
        d.put("message_author_id", BOT_ID);
        gateway.dispatchToOldest("MESSAGE_REACTION_ADD", d);
    }

    /** How many live sessions the shard has (two while an old one lingers beside its successor). */
    int sessions(int shard) {
        return (int) gateway.sessions.stream().filter(x -> x.shard == shard && x.conn != null).count();
    }

    void reactionRemove(Guild g, String userId, String messageId, String emoji) {
        reactionRemove(g, userId, messageId, emoji, false);
    }

    void reactionRemove(Guild g, String userId, String messageId, String emoji, boolean burst) {
        if ((botPermissions(g.channelId()) & VIEW_CHANNEL) == 0) return;
        ObjectNode d = reaction(g, userId, messageId, emoji);
        d.put("type", burst ? 1 : 0).put("burst", burst);
        gateway.dispatch("MESSAGE_REACTION_REMOVE", d);
    }

    void messageDelete(Guild g, String messageId) {
        gateway.dispatch("MESSAGE_DELETE", F.objectNode().put("id", messageId).put("channel_id", g.channelId()).put("guild_id", g.id()));
    }

    /** Sends a raw dispatch again with the same payload (as a replay after a reconnect would). */
    void replayLast() {
        gateway.replayLast();
    }

    private final AtomicInteger resumes = new AtomicInteger();

    /**
     * Drops the gateway connection as Discord does when it asks for a reconnect;
     * events sent until the bot resumes are replayed to it then.
     */
    void dropConnection() {
        gateway.drop();
    }

    /** How many times the bot resumed its session. */
    int resumes() {
        return resumes.get();
    }

    /** Whether the bot's gateway session is up now (identified or resumed), on every shard. */
    boolean connected() {
        return IntStream.range(0, shardsTotal).allMatch(gateway::ready);
    }

    /** Whether a session of this shard is up now. */
    boolean connected(int shard) {
        return gateway.ready(shard);
    }

    /** Every IDENTIFY the bot sent, in order. */
    List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    private ObjectNode reaction(Guild g, String userId, String messageId, String emoji) {
        ObjectNode d = F.objectNode();
        d.put("user_id", userId).put("channel_id", g.channelId()).put("message_id", messageId).put("guild_id", g.id());
        d.set("emoji", F.objectNode().putNull("id").put("name", emoji));
        return d;
    }

    // ---- Discord's objects ----

    /** A user as Discord shows them: eatbot, another bot added with {@link #addBot}, or a person. */
    private ObjectNode userOf(String id) {
        if (id.equals(BOT_ID)) return user(BOT_ID, "eatbot", true);
        String bot = bots.get(id);
        return bot != null ? user(id, bot, true) : user(id, "user" + id.substring(id.length() - 4), false);
    }

    private static ObjectNode user(String id, String name, boolean bot) {
        ObjectNode u = F.objectNode();
        u.put("id", id).put("username", name).put("discriminator", "0").putNull("global_name").putNull("avatar");
        u.put("bot", bot).put("public_flags", 0).put("flags", 0);
        if (bot) u.put("verified", true).put("mfa_enabled", false);
        return u;
    }

    private ObjectNode channel(Guild g) {
        if (threads.containsKey(g.channelId())) return thread(g);
        ObjectNode c = F.objectNode();
        String name = g.channelId().equals(home(g).channelId()) ? "lunch" : "side-" + g.channelId().substring(g.channelId().length() - 4);
        c.put("id", g.channelId()).put("type", 0).put("guild_id", g.id()).put("name", name).put("position", 0);
        ArrayNode o = c.putArray("permission_overwrites");
        for (Overwrite w : overwrites.getOrDefault(g.channelId(), List.of())) {
            o.add(F.objectNode().put("id", w.targetId()).put("type", w.type())
                    .put("allow", String.valueOf(w.allow())).put("deny", String.valueOf(w.deny())));
        }
        c.putNull("topic");
        c.put("nsfw", false).putNull("last_message_id");
        c.put("rate_limit_per_user", 0).putNull("parent_id");
        c.put("flags", 0).put("default_auto_archive_duration", 1440);
        c.put("permissions", String.valueOf(EVERYONE));
        return c;
    }

    /** A public thread (type 11), as an interaction carries it. */
    private ObjectNode thread(Guild g) {
        ObjectNode c = F.objectNode();
        c.put("id", g.channelId()).put("type", 11).put("guild_id", g.id()).put("parent_id", threads.get(g.channelId()));
        c.put("name", "thread-" + g.channelId().substring(g.channelId().length() - 4)).put("owner_id", "1");
        c.putNull("last_message_id");
        c.put("rate_limit_per_user", 0).put("flags", 0).put("message_count", 1).put("member_count", 1).put("total_message_sent", 1);
        c.set("thread_metadata", F.objectNode().put("archived", false).put("auto_archive_duration", 1440)
                .put("archive_timestamp", "2024-01-01T00:00:00.000000+00:00").put("locked", false)
                .put("create_timestamp", "2024-01-01T00:00:00.000000+00:00"));
        c.put("permissions", String.valueOf(EVERYONE));
        return c;
    }

    private static ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode r = F.objectNode();
        r.put("id", id).put("name", name).put("color", 0).put("hoist", false).put("position", position);
        r.set("colors", F.objectNode().put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color"));
        r.put("permissions", String.valueOf(permissions)).put("managed", false).put("mentionable", false);
        r.put("flags", 0).putNull("icon").putNull("unicode_emoji");
        r.set("tags", F.objectNode());
        return r;
    }

    private ObjectNode guildCreate(Guild g) {
        ObjectNode d = F.objectNode();
        d.put("id", g.id()).put("name", "Lunch club " + g.id().substring(g.id().length() - 4));
        d.putNull("icon").putNull("splash").putNull("discovery_splash").putNull("banner").putNull("description");
        d.put("owner_id", "1").set("features", F.arrayNode());
        d.putNull("vanity_url_code");
        d.put("premium_tier", 0).put("premium_subscription_count", 0).put("member_count", 3);
        d.put("max_members", 500000).put("preferred_locale", "en-US").put("nsfw_level", 0).put("mfa_level", 0);
        d.put("explicit_content_filter", 0).put("default_message_notifications", 0).put("verification_level", 0);
        d.put("afk_timeout", 300).putNull("afk_channel_id").putNull("system_channel_id").put("system_channel_flags", 0);
        d.putNull("rules_channel_id").putNull("public_updates_channel_id").putNull("safety_alerts_channel_id");
        d.put("premium_progress_bar_enabled", false).put("large", false).put("unavailable", false);
        d.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        ArrayNode roles = d.putArray("roles");
        roles.add(role(g.id(), "@everyone", EVERYONE, 0));
        roles.add(role(g.adminRoleId(), "Admin", MANAGE_GUILD, 1));
        ObjectNode botRole = role(g.botRoleId(), "eatbot", INVITE, 2).put("managed", true);
        botRole.set("tags", F.objectNode().put("bot_id", BOT_ID));
        roles.add(botRole);
        ArrayNode list = d.putArray("channels");
        channels.values().stream().filter(c -> c.id().equals(g.id()) && !threads.containsKey(c.channelId()))
                .forEach(c -> list.add(channel(c)));
        ObjectNode self = F.objectNode();
        self.set("user", user(BOT_ID, "eatbot", true));
        self.putArray("roles").add(g.botRoleId());
        self.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false).put("flags", 0);
        self.put("pending", false).putNull("premium_since").putNull("nick").putNull("avatar");
        d.putArray("members").add(self);
        for (String k : List.of("emojis", "stickers", "threads", "voice_states", "presences", "guild_scheduled_events",
                "stage_instances", "soundboard_sounds")) {
            d.putArray(k);
        }
        return d;
    }

    /** A message as Discord returns it after the bot posted {@code body} in {@code channelId}. */
    private ObjectNode message(String channelId, JsonNode body, String guildId) {
        return message(channelId, body, guildId, List.of());
    }

    private ObjectNode message(String channelId, JsonNode body, String guildId, List<Part> files) {
        ObjectNode m = F.objectNode();
        m.put("id", id()).put("channel_id", channelId);
        if (guildId != null) m.put("guild_id", guildId);
        m.set("author", user(BOT_ID, "eatbot", true));
        m.put("content", body != null && body.hasNonNull("content") ? body.get("content").asText() : "");
        m.put("timestamp", "2024-01-01T12:00:00.000000+00:00").putNull("edited_timestamp");
        m.put("tts", false).put("mention_everyone", false);
        m.putArray("mentions");
        m.putArray("mention_roles");
        ArrayNode attachments = m.putArray("attachments");
        for (Part f : files) {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/attachments/" + id() + "/" + f.fileName();
            attachments.add(F.objectNode().put("id", id()).put("filename", f.fileName()).put("size", f.data().length)
                    .put("url", url).put("proxy_url", url));
        }
        ArrayNode embeds = m.putArray("embeds");
        if (body != null && body.has("embeds")) {
            // Discord adds the embed's type to what the bot sent
            body.get("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        }
        m.set("components", body != null && body.has("components") ? body.get("components") : F.arrayNode());
        m.put("pinned", false).put("type", 20).put("flags", body != null && body.has("flags") ? body.get("flags").asInt() : 0);
        m.put("application_id", BOT_ID).put("webhook_id", BOT_ID);
        return m;
    }

    private String guildOfChannel(String channelId) {
        Guild g = channels.get(channelId);
        return g == null ? null : g.id();
    }

    /** The server as seen from its first channel. */
    private Guild home(Guild g) {
        return guilds.stream().filter(x -> x.id().equals(g.id())).findFirst().orElseThrow();
    }

    /**
     * eatbot's permissions in a channel, as Discord computes them: @everyone
     * and its own role, then the channel's overwrites for @everyone, for its
     * role, for itself; without View Channel, nothing else counts.
     */
    long botPermissions(String channelId) {
        Guild g = channels.get(channelId);
        long p = EVERYONE | INVITE;
        // a thread has its parent's permissions
        List<Overwrite> list = overwrites.getOrDefault(threads.getOrDefault(channelId, channelId), List.of());
        for (String target : List.of(g.id(), g.botRoleId(), BOT_ID)) {
            for (Overwrite w : list) {
                if (w.targetId().equals(target)) p = (p & ~w.deny()) | w.allow();
            }
        }
        return (p & VIEW_CHANNEL) == 0 ? 0 : p;
    }

    // ---- REST ----

    private static final Pattern CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern ORIGINAL = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOWUP = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)");
    private static final Pattern COMMANDS = Pattern.compile("/api/v10/applications/(\\d+)(/guilds/(\\d+))?/commands");
    private static final Pattern ATTACHMENT = Pattern.compile("/attachments/(\\d+)/[^/]+");
    private static final Pattern OWN_REACTION = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)/reactions/([^/]+)/@me");

    private void rest(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            byte[] raw = ex.getRequestBody().readAllBytes();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            List<Part> parts = type != null && type.startsWith("multipart/form-data") ? multipart(raw, type) : List.of();
            JsonNode body = raw.length == 0 ? null : parts.isEmpty() ? JSON.readTree(raw) : payload(parts);
            List<Part> files = parts.stream().filter(p -> p.fileName() != null).toList();
            requests.add(new Request(method, URLDecoder.decode(path, StandardCharsets.UTF_8), body, files));
            Matcher m;
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.startsWith("Bot ") && !auth.equals("Bot " + TOKEN)) {
                send(ex, 401, F.objectNode().put("code", 0).put("message", "401: Unauthorized"));
            } else if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
                send(ex, 200, user(BOT_ID, "eatbot", true));
            } else if (method.equals("GET") && path.equals("/api/v10/gateway/bot")) {
                ObjectNode limit = F.objectNode().put("total", 1000).put("remaining", 1000).put("reset_after", 86_400_000)
                        .put("max_concurrency", shardsTotal);
                send(ex, 200, F.objectNode().put("url", gatewayUrl()).put("shards", shardsTotal).set("session_start_limit", limit));
            } else if (method.equals("GET") && path.equals("/api/v10/applications/@me")) {
                send(ex, 200, F.objectNode().put("id", BOT_ID).put("name", "eatbot").put("flags", 0));
            } else if (method.equals("PUT") && (m = COMMANDS.matcher(path)).matches()) {
                ArrayNode out = F.arrayNode();
                for (JsonNode c : body) {
                    ObjectNode o = ((ObjectNode) c.deepCopy()).put("id", id()).put("application_id", BOT_ID).put("version", id());
                    if (m.group(3) != null) o.put("guild_id", m.group(3));
                    out.add(o);
                }
                send(ex, 200, out);
            } else if (method.equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
                if (!acknowledged.add(m.group(1))) {
                    send(ex, 400, F.objectNode().put("code", 40060).put("message", "Interaction has already been acknowledged."));
                    return;
                }
                int kind = body.get("type").asInt();
                if (kind != 4 && kind != 5) {
                    waitAtGate(method, path);
                    send(ex, 204, null);
                    return;
                }
                // with_response=true: the message the answer made (for a deferral, the "thinking…" one the edit will keep)
                String token = m.group(2);
                String channel = channelOfToken.get(token);
                ObjectNode made = message(channel, body.get("data"), guildOfChannel(channel));
                if (kind == 5) made.put("flags", made.get("flags").asInt() | 128); // LOADING
                thinking.put(token, made);
                ObjectNode out = F.objectNode();
                out.set("interaction", F.objectNode().put("id", m.group(1)).put("type", 2)
                        .put("response_message_id", made.get("id").asText()));
                out.set("resource", F.objectNode().put("type", kind).set("message", made));
                waitAtGate(method, path);
                send(ex, 200, out);
            } else if ((m = ORIGINAL.matcher(path)).matches()) {
                String token = m.group(2);
                switch (method) {
                    case "PATCH" -> {
                        if (body != null && refusedEdits.stream().anyMatch(body.toString()::contains)) {
                            send(ex, 400, F.objectNode().put("code", 50035).put("message", "Invalid Form Body"));
                            return;
                        }
                        String channel = channelOfToken.get(token);
                        ObjectNode msg = originals.compute(token, (k, before) -> {
                            ObjectNode now = message(channel, body, guildOfChannel(channel), files);
                            if (before == null) before = thinking.get(token);
                            if (before != null) now.put("id", before.get("id").asText());
                            return now;
                        });
                        waitAtGate(method, path);
                        send(ex, 200, msg);
                    }
                    case "GET" -> {
                        ObjectNode msg = originals.get(token);
                        if (msg == null) send(ex, 404, F.objectNode().put("code", 10008).put("message", "Unknown Message"));
                        else send(ex, 200, msg);
                    }
                    case "DELETE" -> send(ex, 204, null);
                    default -> send(ex, 405, null);
                }
            } else if (method.equals("POST") && (m = FOLLOWUP.matcher(path)).matches()) {
                String channel = channelOfToken.get(m.group(2));
                send(ex, 200, message(channel, body, guildOfChannel(channel), files));
            } else if (method.equals("PUT") && (m = OWN_REACTION.matcher(path)).matches()) {
                long p = channels.containsKey(m.group(1)) ? botPermissions(m.group(1)) : 0;
                if ((p & VIEW_CHANNEL) == 0) {
                    send(ex, 403, F.objectNode().put("code", 50001).put("message", "Missing Access"));
                } else if ((p & (READ_MESSAGE_HISTORY | ADD_REACTIONS)) != (READ_MESSAGE_HISTORY | ADD_REACTIONS)
                        || refusedReactions.contains(m.group(1))) {
                    // eatbot's are the first 👍/👎 on its message, so Add Reactions is needed too
                    send(ex, 403, F.objectNode().put("code", 50013).put("message", "Missing Permissions"));
                } else {
                    send(ex, 204, null);
                }
            } else if (method.equals("GET") && (m = ATTACHMENT.matcher(path)).matches() && uploads.containsKey(m.group(1))) {
                byte[] file = uploads.get(m.group(1));
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, file.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(file);
                }
            } else {
                log.warn("the double does not know {} {}", method, path);
                send(ex, 404, F.objectNode().put("code", 0).put("message", "404: Not Found"));
            }
        } catch (RuntimeException e) {
            log.error("the double failed on a request", e);
            throw e;
        }
    }

    /** The JSON of a multipart message: JDA puts it in the part named payload_json. */
    private static JsonNode payload(List<Part> parts) throws IOException {
        for (Part p : parts) {
            if (p.name().equals("payload_json")) return JSON.readTree(p.data());
        }
        return null;
    }

    /** Splits a multipart/form-data body into its parts, bytes kept as sent (files are binary). */
    static List<Part> multipart(byte[] raw, String contentType) {
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!b.find()) throw new IllegalArgumentException("no boundary in " + contentType);
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(raw, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < raw.length && raw[start] == '-' && raw[start + 1] == '-') break; // the closing delimiter
            start += 2; // CRLF after the delimiter
            int next = indexOf(raw, delimiter, start);
            if (next < 0) break;
            int headersEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(raw, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] data = java.util.Arrays.copyOfRange(raw, headersEnd + 4, next - 2); // CRLF before the next delimiter
            Matcher name = Pattern.compile("(?<![a-z])name=\"([^\"]*)\"").matcher(headers);
            Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            parts.add(new Part(name.find() ? name.group(1) : "", file.find() ? file.group(1) : null, data));
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] out = JSON.writeValueAsBytes(body);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    // ---- gateway ----

    /**
     * One gateway session: a connection that identified as {@code shard} of {@code total}. Its events are
     * numbered on their own, and what it was sent is kept for a RESUME.
     */
    private final class Session {
        final String id;
        final int shard;
        final AtomicInteger seq = new AtomicInteger();
        /** Every dispatch of this session, in order: what a RESUME replays from. */
        final List<String> sent = new ArrayList<>();
        volatile WebSocket conn;
        volatile String last;
        /** Set while the connection is dropped in a way the bot may resume. */
        volatile boolean resumable;
        /** Set once the session is ready (READY and the servers sent, or RESUMED), cleared when it drops. */
        volatile boolean ready;

        Session(String id, int shard, WebSocket conn) {
            this.id = id;
            this.shard = shard;
            this.conn = conn;
        }

        /** Whether it may still get events: connected, or dropped but resumable. */
        boolean alive() {
            return conn != null || resumable;
        }
    }

    private final class Gateway extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger sessionIds = new AtomicInteger();
        /** Every session in the order they identified; several may hold one shard, as in a rolling restart. */
        final List<Session> sessions = new CopyOnWriteArrayList<>();

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send(JSON.createObjectNode().put("op", 10).putNull("s").putNull("t")
                    .set("d", F.objectNode().put("heartbeat_interval", 41250)).toString());
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode m = JSON.readTree(message);
                switch (m.get("op").asInt()) {
                    case 1 -> conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                    case 2 -> ready(conn, m.get("d"));
                    case 6 -> resume(conn, m.get("d"));
                    default -> log.debug("gateway op {} ignored", m.get("op").asInt());
                }
            } catch (IOException e) {
                log.error("bad gateway message from the bot: {}", message, e);
            }
        }

        private synchronized void ready(WebSocket conn, JsonNode identifyPayload) {
            identify = identifyPayload;
            identifies.add(identifyPayload);
            JsonNode asked = identifyPayload.get("shard");
            int shard = asked == null ? 0 : asked.get(0).asInt();
            int total = asked == null ? 1 : asked.get(1).asInt();
            if (total != shardsTotal) log.warn("the bot identified with a total of {}, the double has {}", total, shardsTotal);
            Session s = new Session("session-" + sessionIds.incrementAndGet(), shard, conn);
            sessions.add(s);
            ObjectNode d = F.objectNode();
            d.put("v", 10);
            d.set("user", user(BOT_ID, "eatbot", true));
            ArrayNode list = d.putArray("guilds");
            List<Guild> here = guilds.stream().filter(g -> shardOf(g.id()) == shard).toList();
            for (Guild g : here) list.add(F.objectNode().put("id", g.id()).put("unavailable", true));
            d.put("session_id", s.id).put("resume_gateway_url", gatewayUrl());
            d.set("application", F.objectNode().put("id", BOT_ID).put("flags", 0));
            d.putArray("private_channels");
            d.putArray("presences");
            d.putArray("relationships");
            d.putArray("guild_join_requests");
            d.putArray("shard").add(shard).add(total);
            send(s, "READY", d);
            for (Guild g : here) send(s, "GUILD_CREATE", guildCreate(g));
            s.ready = true;
            identified.countDown();
        }

        /** Sends to every live session of the shard the event's guild is on (shard 0 for events without one). */
        synchronized void dispatch(String type, JsonNode d) {
            int shard = d.hasNonNull("guild_id") ? shardOf(d.get("guild_id").asText()) : 0;
            List<Session> to = sessions.stream().filter(x -> x.shard == shard && x.alive()).toList();
            // as Discord does: kept for a RESUME of the session, lost to a new one
            if (to.isEmpty()) throw new IllegalStateException("the bot is not connected on shard " + shard);
            for (Session s : to) send(s, type, d);
        }

        synchronized void dispatchToOldest(String type, JsonNode d) {
            int shard = shardOf(d.get("guild_id").asText());
            Session s = sessions.stream().filter(x -> x.shard == shard && x.alive()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the bot is not connected on shard " + shard));
            send(s, type, d);
        }

        private void send(Session s, String type, JsonNode d) {
            ObjectNode m = F.objectNode().put("op", 0).put("s", s.seq.incrementAndGet()).put("t", type);
            m.set("d", d);
            s.last = m.toString();
            s.sent.add(s.last);
            WebSocket c = s.conn;
            if (c != null) c.send(s.last);
        }

        /** Closes every connection as Discord does when it wants a reconnect (4000: resumable). */
        synchronized void drop() {
            for (Session s : sessions) {
                WebSocket c = s.conn;
                if (c == null) continue;
                s.resumable = true;
                s.ready = false;
                s.conn = null;
                c.close(4000, "reconnect");
            }
        }

        private synchronized void resume(WebSocket conn, JsonNode d) {
            long after = d.get("seq").asLong();
            Session s = sessions.stream().filter(x -> x.id.equals(d.get("session_id").asText())).findFirst().orElseThrow();
            s.conn = conn;
            for (String event : s.sent) {
                try {
                    if (JSON.readTree(event).get("s").asLong() > after) conn.send(event);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            s.resumable = false;
            resumes.incrementAndGet();
            send(s, "RESUMED", F.objectNode());
            s.ready = true;
        }

        synchronized void replayLast() {
            for (Session s : sessions) {
                WebSocket c = s.conn;
                if (c != null && s.last != null) c.send(s.last);
            }
        }

        boolean ready(int shard) {
            return sessions.stream().anyMatch(s -> s.shard == shard && s.ready && s.conn != null);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            synchronized (this) {
                for (Session s : sessions) {
                    if (s.conn == conn) {
                        s.conn = null;
                        s.ready = false;
                    }
                }
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            log.warn("gateway error", ex);
        }
    }

    @Override
    public void close() throws Exception {
        gateway.stop(2000);
        http.stop(0);
    }
}
