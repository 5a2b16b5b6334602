package eatbot.discord;

import eatbot.eat.EatService;
import eatbot.eat.FeedbackResult;
import eatbot.eat.Reaction;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reactions are rewards: 👍/👎 on a suggestion message updates the reacting
 * person's own preference for that place; removing it retracts it. Recorded in
 * gateway order on one thread, so add, remove, add ends where the person's
 * last reaction is; a replayed event counts once (the store keeps one active
 * reaction per suggestion, person and emoji). Each variant (👍🏽, a super 👍)
 * is remembered apart, so removing one leaves the 👍 counted while another is
 * there. A reaction on a message that is about to become a suggestion waits
 * for it (see {@link HeldReactions}). Deleting the message leaves the
 * reactions people gave counted: Discord sends no removals for them, and they
 * were the last thing those people said.
 */
final class ReactionListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ReactionListener.class);

    /** One reaction event as eatbot keeps it. */
    record Event(String guildId, String channelId, String messageId, String userId, Reaction reaction, String variant,
                 boolean added) {}

    private final EatService service;
    private final Executor feedback;
    private final HeldReactions<Event> held;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong elsewhere = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    ReactionListener(EatService service, Executor feedback, HeldReactions<Event> held) {
        this.service = service;
        this.feedback = feedback;
        this.held = held;
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (event.getUser() != null && event.getUser().isBot()) return;
        // a reaction on someone else's message is never on a suggestion: not worth waiting for
        long author = event.getMessageAuthorIdLong();
        if (author != 0 && author != event.getJDA().getSelfUser().getIdLong()) return;
        handle(event, true);
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        handle(event, false);
    }

    private void handle(GenericMessageReactionEvent event, boolean added) {
        if (!event.isFromGuild()) return;
        String userId = event.getUserId();
        if (userId.equals(event.getJDA().getSelfUser().getId())) return;
        Reaction reaction = reaction(event.getEmoji());
        if (reaction == null) return;
        Event e = new Event(event.getGuild().getId(), event.getChannel().getId(), event.getMessageId(), userId, reaction,
                Reaction.variant(event.getEmoji().getName(), burst(event.getRawData())), added);
        received.incrementAndGet();
        try {
            feedback.execute(() -> record(e));
        } catch (RejectedExecutionException x) {
            // only after the gateway is closed (see DiscordBot.close): counted in the last log line
            dropped.incrementAndGet();
            log.warn("reaction on message {} arrived after reactions stopped being recorded", e.messageId());
        }
    }

    static Reaction reaction(EmojiUnion emoji) {
        return emoji.getType() == Emoji.Type.UNICODE ? Reaction.parse(emoji.getName()) : null;
    }

    /** Whether the event is of a super (burst) reaction: JDA keeps the field only in the raw event. */
    static boolean burst(DataObject raw) {
        if (raw == null) return false;
        DataObject d = raw.hasKey("d") && !raw.isNull("d") ? raw.getObject("d") : raw;
        return d.getBoolean("burst", false);
    }

    /** Runs on the feedback thread. */
    private void record(Event e) {
        try {
            Optional<Suggestion> found = service.suggestionForMessage(e.messageId());
            if (found.isEmpty()) {
                if (held.awaiting(e.channelId())) {
                    held.hold(e.channelId(), e).forEach(this::drop);
                } else {
                    elsewhere.incrementAndGet();
                }
                return;
            }
            // a message of another server never touches this server's data
            if (!found.get().guildId().equals(e.guildId())) {
                elsewhere.incrementAndGet();
                return;
            }
            Suggestion s = found.get();
            FeedbackResult r = e.added() ? service.react(e.guildId(), s.id(), e.userId(), e.reaction(), e.variant())
                    : service.unreact(e.guildId(), s.id(), e.userId(), e.reaction(), e.variant());
            recorded.incrementAndGet();
            log.debug("{} {} by {} on suggestion {}: {}", e.added() ? "reaction" : "removal", e.variant(), e.userId(), s.id(),
                    r.changed() ? "recorded" : "already so");
        } catch (RuntimeException x) {
            dropped.incrementAndGet();
            log.warn("could not record a reaction on message {}", e.messageId(), x);
        }
    }

    private void drop(Event e) {
        dropped.incrementAndGet();
        log.warn("dropped a reaction on message {} that waited too long for its suggestion", e.messageId());
    }

    /** A public answer is on its way to this channel: reactions there on unknown messages wait for it. */
    HeldReactions.Expected expect(String channelId) {
        return held.expect(channelId);
    }

    /**
     * On the feedback thread, in order with the reactions: runs {@code task}
     * (linking a message to its suggestion), settles {@code post} if given, then
     * looks again at the reactions waiting in the channel.
     */
    void then(String channelId, HeldReactions.Expected post, Runnable task) {
        Runnable all = () -> {
            try {
                if (task != null) task.run();
            } finally {
                if (post != null) held.settle(post);
                held.expire().forEach(e -> dropped.incrementAndGet());
                for (Event e : held.release(channelId)) record(e);
            }
        };
        try {
            feedback.execute(all);
        } catch (RejectedExecutionException x) {
            log.warn("an answer in channel {} settled after reactions stopped being recorded", channelId);
        }
    }

    /** At shutdown, on the feedback thread: what still waits for a suggestion that never came is dropped (and counted). */
    void dropHeld() {
        int n = held.drain().size();
        if (n > 0) {
            dropped.addAndGet(n);
            log.warn("dropped {} reaction(s) still waiting for their suggestion at shutdown", n);
        }
    }

    /** The counts for the last log line. */
    String report() {
        return received.get() + " reaction event(s) received, " + recorded.get() + " recorded, " + elsewhere.get()
                + " not on a suggestion, " + dropped.get() + " dropped";
    }

    long dropped() {
        return dropped.get();
    }
}
