package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Names;
import eatbot.eat.Veto;
import net.dv8tion.jda.api.EmbedBuilder;
import eatbot.commands.Commands;
import eatbot.commands.More;
import eatbot.commands.Refusals;
import eatbot.commands.Words;

import java.util.List;

/**
 * {@code /veto add|remove|list}: the caller's own standing "never suggest this
 * to me", a place or a tag; it applies whenever they are among the people
 * eating. Server-wide vetoes are {@code /eat-admin veto}, with the same handling here.
 */
public final class VetoCommand extends SlashCommand {
    private final EatService service;

    public VetoCommand(EatService service) {
        super(Commands.VETO);
        this.service = service;
    }

    @Override
    public Reply run(Call call) {
        return handle(service, call, call.userId(), call.subcommand());
    }

    /**
     * @param who the caller for their own vetoes, or null for the server's (the caller is an admin)
     * @param sub add, remove or list
     */
    public static Reply handle(EatService service, Call call, String who, String sub) {
        String guild = call.guildId();
        return switch (sub == null ? "" : sub) {
            case "add" -> {
                Veto v = service.veto(guild, who, call.option("place"), call.option("tag"));
                yield Reply.text(Words.vetoed(what(v), who == null, call.locale()));
            }
            case "remove" -> {
                Veto v = service.liftVeto(guild, who, call.option("place"), call.option("tag"));
                yield Reply.text(Words.lifted(what(v), who == null, call.locale()));
            }
            case "list" -> list(service.vetoes(guild, who), who, call.locale());
            default -> throw new EatException(who == null ? Refusals.useGroup(Commands.ADMIN, "veto", call.locale()) : Refusals.use(Commands.VETO, call.locale()));
        };
    }

    static Reply list(List<Veto> vetoes, String who, java.util.Locale locale) {
        if (vetoes.isEmpty()) return Reply.text(Words.noVetoes(who == null, locale));
        List<String> lines = vetoes.stream().map(v -> "• " + what(v) + " — "
                + (v.serverWide() ? "the whole server" : v.userId().equals(who) ? "you" : "<@" + v.userId() + ">")).toList();
        return Reply.embed(new EmbedBuilder().setTitle("Vetoes").setDescription(More.lines(lines, 4000, locale)).build());
    }

    /** The vetoed place or tag, escaped and bold; a place removed since says so. */
    static String what(Veto v) {
        if (v.placeId() == null) return "places tagged **" + Text.escape(v.tag()) + "**";
        return "**" + Text.escape(v.placeName()) + "**" + (v.placeRemoved() ? " (a removed place)" : "");
    }

    @Override
    public List<String> autocomplete(String guildId, String option, String typed) {
        return "place".equals(option) ? service.placeNames(guildId, typed) : List.of();
    }
}
