package eatbot.discord.commands;

import eatbot.commands.Answer;
import eatbot.commands.Args;
import eatbot.commands.CommandDef;
import eatbot.commands.Completion;
import eatbot.commands.Handlers;
import eatbot.commands.Invocation;
import eatbot.commands.More;
import eatbot.commands.OptionDef;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.i18n.Messages;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.FileUpload;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A slash command answered by its neutral handler ({@link Handlers}): the call becomes an
 * {@link Invocation}, the {@link Answer} an embed or a message. Autocomplete comes from
 * the options' definitions.
 */
public class DefinedCommand extends SlashCommand {
    protected final EatService service;
    private final Handlers handlers;

    public DefinedCommand(CommandDef definition, EatService service, Handlers handlers) {
        super(definition);
        this.service = service;
        this.handlers = handlers;
    }

    @Override
    public Reply run(Call call) {
        return answer(call, call.subcommand());
    }

    /** The handler's answer to {@code call}, at {@code path}, as a Discord reply. */
    protected Reply answer(Call call, String path) {
        // the router refuses these before acknowledging (SlashCommand.refuse); a direct call gets the same words
        if (!definition().subcommands().isEmpty() && (path == null || definition().subcommand(path).isEmpty())) {
            throw new EatException(eatbot.commands.Refusals.use(definition(), call.locale()));
        }
        Invocation in = invocation(call, path);
        return reply(handlers.answer(definition(), path, in), call);
    }

    /** The call as a handler sees it. */
    protected Invocation invocation(Call call, String path) {
        return invocation(definition(), call, path);
    }

    /** A call to {@code def} at {@code path} as a handler sees it; {@code with:} is read as @mentions of members. */
    static Invocation invocation(CommandDef def, Call call, String path) {
        Args args = new Args(def, path, call::option, call.locale());
        return new Invocation(call.guildId(), call.userId(), call.displayName(), args,
                call.locale(), DiscordStyle.INSTANCE, call.canManageServer(), call::hasRole, (option, max) -> attached(call, option, max),
                option -> {
                    args.text(option); // its limits, as the console's
                    return EatCommand.people(call, option);
                }, call.interactionId(), call::nameOf);
    }

    /** An attachment's bytes; Discord tells the size up front, so a big file is refused without downloading it. */
    private static byte[] attached(Call call, String option, int maxBytes) {
        Upload file = call.upload(option);
        if (file == null) throw new EatException(Messages.of(call.locale()).text("place.import.none"));
        if (file.size() > maxBytes) throw new EatException(Handlers.fileTooBig(call.locale()));
        byte[] bytes = file.download(maxBytes);
        if (bytes.length > maxBytes) throw new EatException(Handlers.fileTooBig(call.locale()));
        return bytes;
    }

    protected Handlers handlers() {
        return handlers;
    }

    /**
     * An answer as Discord shows it: a text message; an embed of lines cut to fit ("… and N more"),
     * its picture shown in it; a file attached; a question with two buttons only the caller may press
     * (their id ends the buttons' custom ids, so the buttons work after a restart).
     */
    public static Reply reply(Answer answer, Call call) {
        if (answer instanceof Answer.Lines l) {
            List<String> lines = l.bulleted() ? l.lines().stream().map(s -> "• " + s).toList() : l.lines();
            EmbedBuilder e = new EmbedBuilder().setTitle(l.title()).setDescription(More.lines(lines, 4000, call.locale()));
            if (l.footer() != null) e.setFooter(l.footer());
            if (l.picture() == null) return Reply.embed(e.build());
            e.setImage("attachment://" + l.picture().name());
            return new Reply(Reply.builder().setEmbeds(e.build()).addFiles(FileUpload.fromData(l.picture().bytes(), l.picture().name())).build(), null);
        }
        if (answer instanceof Answer.File f) {
            return new Reply(Reply.builder().setContent(f.text()).addFiles(FileUpload.fromData(f.bytes(), f.name())).build(), null);
        }
        if (answer instanceof Answer.Confirm c) {
            return new Reply(Reply.builder().setContent(c.question())
                    .setComponents(ActionRow.of(Button.danger(c.action() + ":" + call.userId(), c.yes()),
                            Button.secondary(c.decline() + ":" + call.userId(), c.no())))
                    .build(), null);
        }
        return Reply.text(((Answer.Text) answer).text());
    }

    @Override
    public List<String> autocomplete(String guildId, String option, String typed) {
        // the event names the option, not its subcommand: an option completes if it does anywhere in the command
        Completion source = java.util.stream.Stream.concat(definition().options().stream(),
                        definition().subcommands().stream().flatMap(s -> s.options().stream()))
                .filter(o -> o.name().equals(option) && o.completion() != Completion.NONE).map(OptionDef::completion)
                .findFirst().orElse(Completion.NONE);
        return switch (source) {
            case PLACES -> service.placeNames(guildId, typed);
            case TIME_ZONES -> zones(typed);
            case NONE -> List.of();
        };
    }

    /** Time zone ids containing what was typed (those starting with it first), at most 25. */
    public static List<String> zones(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && z.toLowerCase(Locale.ROOT).contains(t))
                .sorted(java.util.Comparator.comparing((String z) -> !z.toLowerCase(Locale.ROOT).startsWith(t)).thenComparing(z -> z))
                .limit(25).toList();
    }
}
