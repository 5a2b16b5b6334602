package eatbot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a shard may IDENTIFY: Discord allows one per 5 s in each bucket {@code shard_id % max_concurrency},
 * counted across every process of the bot. JDA's ConcurrentSessionController keeps the pace inside this
 * process; a {@link Turn} keeps it between processes (PostgreSQL's advisory lock, see {@code store.IdentifyLock}).
 * Also says where the gateway is when it is configured instead of announced.
 */
public final class IdentifyTurns extends ConcurrentSessionController {
    /** Discord's pace: one IDENTIFY per bucket in this many seconds. */
    public static final int SECONDS_PER_IDENTIFY = IDENTIFY_DELAY;

    /** The bucket's turn among processes. */
    public interface Turn {
        /** Blocks until this process may identify in {@code bucket}; closing the turn gives it back after Discord's 5 s. */
        Held take(int bucket) throws InterruptedException;

        /** One process: JDA's own pacing is enough. */
        Turn LOCAL = bucket -> () -> {};
    }

    /** A bucket's turn being held. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final String gatewayUrl;
    private final Turn turn;
    private volatile int concurrency = 1;
    /** JDA removes the node it appended: the wrapper it became is found here. */
    private final Map<SessionConnectNode, SessionConnectNode> wrapped = new ConcurrentHashMap<>();

    /**
     * @param gatewayUrl the configured gateway, or null to ask Discord's GET gateway/bot
     * @param turn       how the bucket's turn is taken among processes
     */
    public IdentifyTurns(String gatewayUrl, Turn turn) {
        this.gatewayUrl = gatewayUrl;
        this.turn = turn;
    }

    @Override
    public void setConcurrency(int level) {
        concurrency = Math.max(1, level);
        super.setConcurrency(concurrency);
    }
    
    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        // a configured gateway (a proxy, the test double) gives no session_start_limit: one bucket, as Discord's default
        return gatewayUrl == null ? super.getShardedGateway(api) : new ShardedGateway(gatewayUrl, 1, 1);
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        super.appendSession(wrapped.computeIfAbsent(node, this::inTurn));
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        SessionConnectNode w = wrapped.remove(node);
        super.removeSession(w == null ? node : w);
    }

    private SessionConnectNode inTurn(SessionConnectNode node) {
        return new SessionConnectNode() {
            @Override
            public boolean isReconnect() {
                return node.isReconnect();
            }
            
            @Override
            public JDA getJDA() {
                return node.getJDA();
            }
            
            @Override
            public JDA.ShardInfo getShardInfo() {
                return node.getShardInfo();
            }

            @Override
            public void run(boolean isLast) throws InterruptedException {
                wrapped.remove(node);
                try (Held held = turn.take(node.getShardInfo().getShardId() % concurrency)) {
                    node.run(isLast);
                }
            }
        };
    }
}
