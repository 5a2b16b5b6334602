package eatbot.discord;

import eatbot.eat.Activity;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Reactions are rewards: 👍/👎 on a suggestion message updates the reacting
 * person's own preference for that place; removing it retracts it. Recorded in
 * gateway order on one thread, so add, remove, add ends where the person's
 * last reaction is; a replayed event counts once (the store keeps one active
 * reaction per suggestion, person and emoji). Deleting the message leaves the
 * reactions people gave counted: Discord sends no removals for them, and they
 * were the last thing those people said.
 */
final class ReactionListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ReactionListener.class);

    private final EatService service;
    private final Executor feedback;
    private final Activity activity;

    ReactionListener(EatService service, Executor feedback, Activity activity) {
        this.service = service;
        this.feedback = feedback;
        this.activity = activity;
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (event.getUser() != null && event.getUser().isBot()) return;
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
        String guildId = event.getGuild().getId();
        String messageId = event.getMessageId();
        feedback.execute(() -> record(guildId, messageId, userId, reaction, added));
    }

    static Reaction reaction(EmojiUnion emoji) {
        return emoji.getType() == Emoji.Type.UNICODE ? Reaction.parse(emoji.getName()) : null;
    }

    private void record(String guildId, String messageId, String userId, Reaction reaction, boolean added) {
        try {
            Optional<Suggestion> found = service.suggestionForMessage(messageId);
            // a message of another server (or not a suggestion) never touches this server's data
            if (found.isEmpty() || !found.get().guildId().equals(guildId)) return;
            Suggestion s = found.get();
            FeedbackResult r = added ? service.react(guildId, s.id(), userId, reaction)
                    : service.unreact(guildId, s.id(), userId, reaction);
            if (r.changed()) activity.reacted("discord", reaction, added);
            log.debug("{} {} by {} on suggestion {}: {}", added ? "reaction" : "removal", reaction, userId, s.id(),
                    r.changed() ? "recorded" : "already so");
        } catch (RuntimeException e) {
            log.warn("could not record a reaction on message {}", messageId, e);
        }
    }
}
