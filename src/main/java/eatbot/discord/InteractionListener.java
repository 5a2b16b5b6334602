package eatbot.discord;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.CommandSet;
import eatbot.discord.commands.Reply;
import eatbot.discord.commands.SlashCommand;
import eatbot.discord.commands.ButtonPress;
import eatbot.eat.Activity;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Reaction;
import eatbot.eat.Suggestion;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Routes slash commands, autocomplete and buttons ("another one", "Why?",
 * confirmations) to their handlers. Each interaction is acknowledged on the gateway thread right away
 * (a refusal, or a deferral), and the work runs on {@code work} so a slow
 * write never holds up the gateway or misses Discord's 3-second window. The
 * work starts only once Discord took the acknowledgement: a duplicated
 * delivery (Discord answers its acknowledgement with "already acknowledged")
 * or one another process answered does nothing, and shows nothing.
 */
final class InteractionListener extends ListenerAdapter {
    static final String OOPS = "Something went wrong on our side; nothing was changed.";
    static final String SERVERS_ONLY = "eatbot works in servers: use it in a server's channel.";
    static final String OLD_BUTTON = "This button no longer works; ask again with /eat.";
    /** When Discord refused the answer itself: the work may have been done, so "nothing was changed" would be a lie. */
    static final String NOT_SHOWN = "eatbot could not show its answer; try again in a moment.";
    static final String STOPPING = "eatbot is restarting; nothing was changed. Try again in a minute.";
    private static final Logger log = LoggerFactory.getLogger(InteractionListener.class);

    private final CommandSet commands;
    private final EatService service;
    private final Executor work;
    private final ReactionListener reactions;
    /** Set when a graceful stop begins: new interactions are refused, those under way finish. */
    private volatile boolean stopping;
    /** Interactions acknowledged or being acknowledged whose answer has not settled: what a graceful stop waits for. */
    private final java.util.concurrent.atomic.AtomicInteger underWay = new java.util.concurrent.atomic.AtomicInteger();

    private final Activity activity;

    InteractionListener(CommandSet commands, EatService service, Executor work, ReactionListener reactions) {
        this(commands, service, work, reactions, Activity.NONE);
    }

    /**
     * @param reactions records reactions on the feedback thread, where linking a message to its suggestion is ordered with them
     * @param activity  told of suggestions shown, refusals and how long each command took (for /metrics)
     */
    InteractionListener(CommandSet commands, EatService service, Executor work, ReactionListener reactions, Activity activity) {
        this.commands = commands;
        this.service = service;
        this.work = work;
        this.reactions = reactions;
        this.activity = activity;
    }

    /** Takes no new interactions from now on (they are told eatbot is restarting). */
    void stop() {
        stopping = true;
    }

    /** Waits until every interaction taken has been answered (or failed), at most {@code millis}; false if some had not. */
    boolean awaitAnswered(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (underWay) {
            while (underWay.get() > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return false;
                underWay.wait(left);
            }
        }
        return true;
    }

    /** How many interactions are being acknowledged or answered now. */
    int underWay() {
        return underWay.get();
    }

    private void begun() {
        underWay.incrementAndGet();
    }

    private void ended() {
        synchronized (underWay) {
            if (underWay.decrementAndGet() == 0) underWay.notifyAll();
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (stopping) {
            refuse(event, STOPPING);
            return;
        }
        if (!event.isFromGuild() || event.getGuild() == null) {
            refuse(event, SERVERS_ONLY);
            return;
        }
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            refuse(event, "That command is not known (any more).");
            return;
        }
        Call call = new JdaCall(event.getGuild().getId(), event.getUser().getId(), event.getId(), JdaCall.subcommandOf(event), event,
                event.getMember(), JdaCall.cachedChannel(event), JdaCall.localeOf(event));
        String refusal = refusal(() -> command.refuse(call), "/" + event.getName());
        if (refusal != null) {
            refuse(event, refusal);
            return;
        }
        boolean ephemeral = command.ephemeral(call);
        Taken taken = take(event.getChannelId(), ephemeral, "/" + event.getName());
        try {
            event.deferReply(ephemeral).queue(hook -> taken.acknowledged(hook, () -> command.run(call)), taken::notAcknowledged);
        } catch (RuntimeException e) {
            taken.notAcknowledged(e); // JDA closing: nothing was sent
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (stopping) {
            refuse(event, STOPPING);
            return;
        }
        String id = event.getComponentId();
        ButtonPress button = commands.button(id);
        if (button == null) {
            // a button of an older eatbot: unanswered, Discord would say "This interaction failed"
            refuse(event, OLD_BUTTON);
            return;
        }
        if (!event.isFromGuild() || event.getGuild() == null) {
            refuse(event, SERVERS_ONLY);
            return;
        }
        Call call = new JdaCall(event.getGuild().getId(), event.getUser().getId(), event.getId(), null, null, event.getMember(),
                JdaCall.cachedChannel(event), JdaCall.localeOf(event));
        String refusal = refusal(() -> button.refuse(call, id), "a button");
        if (refusal != null) {
            refuse(event, refusal);
            return;
        }
        ButtonPress.Answer how = button.answer();
        // an updated message stays where it was: private when the button was on a private message
        boolean ephemeral = how != ButtonPress.Answer.PUBLIC;
        Taken taken = take(event.getChannelId(), ephemeral, "a button");
        Supplier<Reply> handler = () -> button.run(call, id);
        try {
            if (how == ButtonPress.Answer.UPDATE) {
                event.deferEdit().queue(hook -> taken.acknowledged(hook, handler), taken::notAcknowledged);
            } else {
                event.deferReply(ephemeral).queue(hook -> taken.acknowledged(hook, handler), taken::notAcknowledged);
            }
        } catch (RuntimeException e) {
            taken.notAcknowledged(e); // JDA closing: nothing was sent
        }
    }

    Taken take(String channelId, boolean ephemeral, String what) {
        begun();
        // a public answer may become a suggestion: reactions on it wait for it rather than being lost
        return new Taken(channelId, ephemeral, ephemeral ? null : reactions.expect(channelId), what);
    }

    /** An interaction being acknowledged; its work starts only when Discord took the acknowledgement. */
    final class Taken {
        private final String channelId;
        private final boolean ephemeral;
        private final HeldReactions.Expected post;
        private final String what;
        private final long taken = System.nanoTime(); // for /metrics' handling time

        Taken(String channelId, boolean ephemeral, HeldReactions.Expected post, String what) {
            this.channelId = channelId;
            this.ephemeral = ephemeral;
            this.post = post;
            this.what = what;
        }

        /** The command's name for /metrics: "eat" for "/eat", "button" for a button. */
        String command() {
            return what.startsWith("/") ? what.substring(1) : what.startsWith("a button") ? "button" : "other";
        }

        void acknowledged(InteractionHook hook, Supplier<Reply> handler) {
            try {
                work.execute(() -> answer(hook, ephemeral, handler, this));
            } catch (RejectedExecutionException e) {
                try {
                    fail(hook, ephemeral, STOPPING);
                } finally {
                    settled(null, null);
                }
            }
        }

        /** Discord did not take it (40060: delivered twice, or answered by another process): nothing done, nothing shown. */
        void notAcknowledged(Throwable e) {
            log.info("{} was not acknowledged, so nothing was done: {}", what, e.toString());
            settled(null, null);
        }

        /** The answer is out (or failed): link the message first, when there is one, then let waiting reactions through. */
        void settled(Suggestion s, Message message) {
            reactions.then(channelId, post, s == null || message == null ? null : () -> posted(s, message));
            ended();
        }
    }

    /** A refusal check that fails is answered too: an unanswered interaction shows "This interaction failed". */
    private static String refusal(Supplier<String> check, String what) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            log.error("checking {} failed", what, e);
            return OOPS;
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null || event.getGuild() == null) {
            event.replyChoices(List.of()).queue();
            return;
        }
        String guildId = event.getGuild().getId();
        String option = event.getFocusedOption().getName();
        String typed = event.getFocusedOption().getValue();
        if (stopping) {
            event.replyChoices(List.of()).queue(null, e -> log.debug("autocomplete answer dropped: {}", e.toString()));
            return;
        }
        work.execute(() -> {
            List<String> names;
            try {
                names = command.autocomplete(guildId, option, typed).stream().limit(25).toList();
            } catch (RuntimeException e) {
                log.warn("autocomplete for /{} failed", event.getName(), e);
                names = List.of();
            }
            event.replyChoiceStrings(names).queue(null, e -> log.debug("autocomplete answer dropped: {}", e.toString()));
        });
    }

    private void refuse(IReplyCallback event, String text) {
        // labels from a fixed set: a registered command's name, or "button"
        String command = event instanceof SlashCommandInteractionEvent slash
                ? (commands.get(slash.getName()) != null ? slash.getName() : "unknown") : "button";
        activity.refused("discord", command);
        event.reply(Reply.text(eatbot.discord.commands.Text.refusal(text)).message()).setEphemeral(true)
                .queue(null, e -> log.warn("could not refuse an interaction: {}", e.toString()));
    }

    /** Runs the handler and replaces the deferred reply with its answer, or with a short error only the caller sees. */
    void answer(InteractionHook hook, boolean ephemeral, Supplier<Reply> handler, Taken taken) {
        Reply reply;
        try {
            reply = handler.get();
        } catch (EatException e) {
            activity.refused("discord", taken.command());
            try {
                fail(hook, ephemeral, e.getMessage());
            } finally {
                taken.settled(null, null);
            }
            return;
        } catch (RuntimeException | Error e) {
            // an Error too (a chart without a usable font, a missing class): the caller still gets an answer
            log.error("a command failed", e);
            try {
                fail(hook, ephemeral, OOPS);
            } finally {
                taken.settled(null, null);
            }
            return;
        } finally {
            activity.handled("discord", taken.command(), Duration.ofNanos(System.nanoTime() - taken.taken));
        }
        Suggestion s = reply.suggestion();
        Message thinking = hook.hasCallbackResponse() ? hook.getCallbackResponse().getMessage() : null;
        if (s != null && thinking != null) {
            // the deferred reply's message becomes the suggestion: link it now, before anyone sees the edit
            reactions.then(thinking.getChannelId(), null, () -> attach(s, thinking.getChannelId(), thinking.getId()));
        }
        try {
            hook.editOriginal(MessageEditData.fromCreateData(reply.message())).queue(
                    message -> {
                        if (s != null) activity.suggested("discord");
                        taken.settled(s, message);
                    },
                    e -> {
                        // Discord refused the answer (say, an embed it finds invalid): do not leave "thinking…" up forever
                        log.warn("could not post a reply: {}", e.toString());
                        try {
                            fail(hook, ephemeral, NOT_SHOWN);
                        } finally {
                            taken.settled(null, null);
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("could not post a reply", e);
            taken.settled(null, null);
        }
    }

    private static void fail(InteractionHook hook, boolean ephemeral, String message) {
        String text = eatbot.discord.commands.Text.refusal(message);
        if (ephemeral) {
            hook.editOriginal(MessageEditData.fromCreateData(Reply.text(text).message())).queue(null, e -> log.warn("could not reply: {}", e.toString()));
        } else {
            // a public "thinking…" cannot turn private: take it away and answer the caller alone
            hook.deleteOriginal().queue(null, e -> log.debug("could not delete the deferred reply: {}", e.toString()));
            hook.sendMessage(Reply.text(text).message()).setEphemeral(true).queue(null, e -> log.warn("could not reply: {}", e.toString()));
        }
    }

    private boolean attach(Suggestion s, String channelId, String messageId) {
        try {
            service.attachMessage(s, channelId, messageId);
            return true;
        } catch (RuntimeException e) {
            log.error("could not attach message {} to suggestion {}", messageId, s.id(), e);
            return false;
        }
    }

    /** On the feedback thread: links the posted message to its suggestion, then adds 👍 and 👎 for people to click. */
    private void posted(Suggestion s, Message message) {
        if (!attach(s, message.getChannelId(), message.getId())) return;
        try {
            message.addReaction(Emoji.fromUnicode(Reaction.LIKE.emoji()))
                    .flatMap(v -> message.addReaction(Emoji.fromUnicode(Reaction.DISLIKE.emoji())))
                    .queue(null, e -> log.warn("could not add reactions to {}: {}", message.getId(), e.toString()));
        } catch (InsufficientPermissionException e) {
            // JDA's cache says eatbot may not react in this channel; the reply already told the caller what to grant
            log.debug("no 👍/👎 on {} in channel {}: eatbot lacks {}", message.getId(), message.getChannelId(), e.getPermission());
        } catch (RuntimeException e) {
            log.warn("could not add reactions to {}", message.getId(), e);
        }
    }
}
