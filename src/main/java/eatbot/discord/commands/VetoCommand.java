package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Names;
import eatbot.eat.Veto;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.List;

/**
 * {@code /veto add|remove|list}: the caller's own standing "never suggest this
 * to me", a place or a tag; it applies whenever they are among the people
 * eating. Server-wide vetoes are {@code /eat-admin veto}, with the same handling here.
 */
public final class VetoCommand extends SlashCommand {
    private final EatService service;

    public VetoCommand(EatService service) {
        super("veto");
        this.service = service;
    }

    @Override
    public SlashCommandData data() {
        return slash("Never suggest a place or a tag when you are eating (only you see it)")
                .addSubcommands(subcommands("when you eat"));
    }

    /** add, remove and list, worded for whose vetoes they are. */
    public static List<SubcommandData> subcommands(String scope) {
        return List.of(
                new SubcommandData("add", "Never suggest this " + scope + ": give place: or tag:").addOptions(targets()),
                new SubcommandData("remove", "Lift a veto: give place: or tag:").addOptions(targets()),
                new SubcommandData("list", "The vetoes that apply " + scope));
    }

    private static List<OptionData> targets() {
        return List.of(new OptionData(OptionType.STRING, "place", "A place", false, true),
                new OptionData(OptionType.STRING, "tag", "A tag, e.g. spicy").setMaxLength(Names.MAX_TAG));
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
                yield Reply.text("🚫 eatbot will not suggest " + what(v) + (who == null ? " on this server any more." : " when you are eating."));
            }
            case "remove" -> {
                Veto v = service.liftVeto(guild, who, call.option("place"), call.option("tag"));
                yield Reply.text("Lifted " + (who == null ? "the server's" : "your") + " veto on " + what(v) + ".");
            }
            case "list" -> list(service.vetoes(guild, who), who);
            default -> throw new EatException(who == null ? "Use /eat-admin veto add, remove or list." : "Use /veto add, remove or list.");
        };
    }

    static Reply list(List<Veto> vetoes, String who) {
        if (vetoes.isEmpty()) return Reply.text(who == null ? "No vetoes on this server." : "No vetoes for you (or the server).");
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (Veto v : vetoes) {
            String whose = v.serverWide() ? "the whole server" : v.userId().equals(who) ? "you" : "<@" + v.userId() + ">";
            String line = "• " + what(v) + " — " + whose + "\n";
            if (b.length() + line.length() > 4000) break;
            b.append(line);
            shown++;
        }
        if (shown < vetoes.size()) b.append("… and ").append(vetoes.size() - shown).append(" more");
        return Reply.embed(new EmbedBuilder().setTitle("Vetoes").setDescription(b.toString().strip()).build());
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
