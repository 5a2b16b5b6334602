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
 * write never holds up the gateway or misses Discord's 3-second window.
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
    private final Executor feedback;
    private final Activity activity;

    InteractionListener(CommandSet commands, EatService service, Executor work, Executor feedback) {
        this(commands, service, work, feedback, Activity.NONE);
    }

    /**
     * @param feedback the single thread that records reactions, so attaching a message is ordered with them
     * @param activity told of suggestions shown, refusals and how long each command took (for /metrics)
     */
    InteractionListener(CommandSet commands, EatService service, Executor work, Executor feedback, Activity activity) {
        this.commands = commands;
        this.service = service;
        this.work = work;
        this.feedback = feedback;
        this.activity = activity;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        long arrived = System.nanoTime();
        if (!event.isFromGuild() || event.getGuild() == null) {
            refuse(event, event.getName(), SERVERS_ONLY);
            return;
        }
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            refuse(event, "unknown", "That command is not known (any more).");
            return;
        }
        Call call = new JdaCall(event.getGuild().getId(), event.getUser().getId(), JdaCall.subcommandOf(event), event, event.getMember(),
                JdaCall.cachedChannel(event));
        String refusal = refusal(() -> command.refuse(call), "/" + event.getName());
        if (refusal != null) {
            refuse(event, event.getName(), refusal);
            return;
        }
        boolean ephemeral = command.ephemeral(call);
        event.deferReply(ephemeral).queue(null, e -> log.warn("could not acknowledge /{}: {}", event.getName(), e.toString()));
        InteractionHook hook = event.getHook();
        run(hook, ephemeral, new Handled(event.getName(), arrived), () -> command.run(call));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        long arrived = System.nanoTime();
        String id = event.getComponentId();
        ButtonPress button = commands.button(id);
        if (button == null) {
            // a button of an older eatbot: unanswered, Discord would say "This interaction failed"
            refuse(event, "button", OLD_BUTTON);
            return;
        }
        if (!event.isFromGuild() || event.getGuild() == null) {
            refuse(event, "button", SERVERS_ONLY);
            return;
        }
        Call call = new JdaCall(event.getGuild().getId(), event.getUser().getId(), null, null, event.getMember(), JdaCall.cachedChannel(event));
        String refusal = refusal(() -> button.refuse(call, id), "a button");
        if (refusal != null) {
            refuse(event, "button", refusal);
            return;
        }
        ButtonPress.Answer how = button.answer();
        if (how == ButtonPress.Answer.UPDATE) {
            event.deferEdit().queue(null, e -> log.warn("could not acknowledge a button: {}", e.toString()));
        } else {
            event.deferReply(how == ButtonPress.Answer.PRIVATE).queue(null, e -> log.warn("could not acknowledge a button: {}", e.toString()));
        }
        InteractionHook hook = event.getHook();
        // an updated message stays where it was: private when the button was on a private message
        boolean ephemeral = how != ButtonPress.Answer.PUBLIC;
        run(hook, ephemeral, new Handled("button", arrived), () -> button.run(call, id));
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

    /** Which command a piece of work answers, and when it arrived (for /metrics). */
    private record Handled(String command, long arrived) {}

    /** Hands the work to the pool; when the pool is closing (shutdown), the deferred reply still gets an answer. */
    private void run(InteractionHook hook, boolean ephemeral, Handled handled, Supplier<Reply> handler) {
        try {
            work.execute(() -> answer(hook, ephemeral, handled, handler));
        } catch (RejectedExecutionException e) {
            fail(hook, ephemeral, STOPPING);
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

    private void refuse(IReplyCallback event, String command, String text) {
        activity.refused("discord", command);
        event.reply(Reply.text(text).message()).setEphemeral(true)
                .queue(null, e -> log.warn("could not refuse an interaction: {}", e.toString()));
    }

    /** Runs the handler and replaces the deferred reply with its answer, or with a short error only the caller sees. */
    void answer(InteractionHook hook, boolean ephemeral, Supplier<Reply> handler) {
        answer(hook, ephemeral, new Handled("unknown", System.nanoTime()), handler);
    }

    private void answer(InteractionHook hook, boolean ephemeral, Handled handled, Supplier<Reply> handler) {
        Reply reply;
        try {
            reply = handler.get();
        } catch (EatException e) {
            activity.refused("discord", handled.command());
            fail(hook, ephemeral, e.getMessage());
            return;
        } catch (RuntimeException | Error e) {
            // an Error too (a chart without a usable font, a missing class): the caller still gets an answer
            log.error("a command failed", e);
            fail(hook, ephemeral, OOPS);
            return;
        } finally {
            activity.handled("discord", handled.command(), Duration.ofNanos(System.nanoTime() - handled.arrived()));
        }
        hook.editOriginal(MessageEditData.fromCreateData(reply.message())).queue(
                message -> {
                    if (reply.suggestion() != null) {
                        activity.suggested("discord");
                        posted(reply.suggestion(), message);
                    }
                },
                e -> {
                    // Discord refused the answer (say, an embed it finds invalid): do not leave "thinking…" up forever
                    log.warn("could not post a reply: {}", e.toString());
                    fail(hook, ephemeral, NOT_SHOWN);
                });
    }

    private static void fail(InteractionHook hook, boolean ephemeral, String text) {
        if (ephemeral) {
            hook.editOriginal(MessageEditData.fromCreateData(Reply.text(text).message())).queue(null, e -> log.warn("could not reply: {}", e.toString()));
        } else {
            // a public "thinking…" cannot turn private: take it away and answer the caller alone
            hook.deleteOriginal().queue(null, e -> log.debug("could not delete the deferred reply: {}", e.toString()));
            hook.sendMessage(Reply.text(text).message()).setEphemeral(true).queue(null, e -> log.warn("could not reply: {}", e.toString()));
        }
    }

    /** Links the posted message to its suggestion, then adds 👍 and 👎 for people to click. */
    private void posted(Suggestion s, Message message) {
        feedback.execute(() -> {
            try {
                service.attachMessage(s, message.getChannelId(), message.getId());
            } catch (RuntimeException e) {
                log.error("could not attach message {} to suggestion {}", message.getId(), s.id(), e);
                return;
            }
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
        });
    }
}
