package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Names;
import eatbot.eat.Option;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

import java.util.List;

/**
 * {@code /place add|list|remove|rename}. Anyone may add and list (admins can
 * restrict adding to a role); remove and rename need Manage Server.
 */
public final class PlaceCommand extends SlashCommand {
    private final EatService service;

    public PlaceCommand(EatService service) {
        super("place");
        this.service = service;
    }

    @Override
    public SlashCommandData data() {
        return slash("Add, list, rename or remove this server's places to eat").addSubcommands(
                new SubcommandData("add", "Add a place to eat")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The place's name", true).setMaxLength(Names.MAX_NAME),
                                new OptionData(OptionType.STRING, "tags", "Comma-separated tags, e.g. thai,spicy,$$").setMaxLength(400),
                                new OptionData(OptionType.STRING, "link", "A menu or map link (https://...)").setMaxLength(Names.MAX_LINK)),
                new SubcommandData("list", "List this server's places"),
                new SubcommandData("remove", "Remove a place (its history stays) — Manage Server")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The place", true, true)),
                new SubcommandData("rename", "Rename a place — Manage Server")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The place", true, true),
                                new OptionData(OptionType.STRING, "to", "Its new name", true).setMaxLength(Names.MAX_NAME)));
    }

    @Override
    public String refuse(Call call) {
        String sub = call.subcommand();
        if ("remove".equals(sub) || "rename".equals(sub)) return Permissions.refuseUnlessAdmin(call);
        return null;
    }

    @Override
    public Reply run(Call call) {
        String guild = call.guildId();
        String sub = call.subcommand() == null ? "" : call.subcommand();
        return switch (sub) {
            case "add" -> {
                GuildSettings s = service.settings(guild);
                if (s.addRoleId() != null && !call.canManageServer() && !call.hasRole(s.addRoleId())) {
                    throw new EatException("On this server only members with the <@&" + s.addRoleId() + "> role can add places.");
                }
                Option o = service.addPlace(guild, call.userId(), call.option("name"), call.option("tags"), call.option("link"), null);
                yield Reply.text("Added **" + Text.escape(o.name()) + "**" + tags(o) + ".");
            }
            case "list" -> list(service.places(guild));
            case "remove" -> {
                Option o = service.removePlace(guild, call.option("name"));
                yield Reply.text("Removed **" + Text.escape(o.name()) + "**. It will not be suggested again; its history stays.");
            }
            case "rename" -> {
                Option before = service.place(guild, call.option("name"));
                Option after = service.renamePlace(guild, call.option("name"), call.option("to"));
                yield Reply.text("Renamed **" + Text.escape(before.name()) + "** to **" + Text.escape(after.name()) + "**.");
            }
            default -> throw new EatException("Use /place add, list, rename or remove.");
        };
    }

    static Reply list(List<Option> places) {
        if (places.isEmpty()) return Reply.text("No places yet. Add one with `/place add`.");
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (Option o : places) {
            String line = "• " + Text.escape(o.name()) + tags(o) + "\n";
            // an embed description holds 4096 characters; keep room for the "more" line
            if (b.length() + line.length() > 4000) break;
            b.append(line);
            shown++;
        }
        if (shown < places.size()) b.append("… and ").append(places.size() - shown).append(" more");
        return Reply.embed(new EmbedBuilder()
                .setTitle(places.size() + (places.size() == 1 ? " place" : " places"))
                .setDescription(b.toString().strip())
                .build());
    }

    private static String tags(Option o) {
        return o.tags().isEmpty() ? "" : " · " + Text.escape(String.join(", ", o.tags()));
    }

    @Override
    public List<String> autocomplete(String guildId, String option, String typed) {
        return "name".equals(option) ? service.placeNames(guildId, typed) : List.of();
    }
}
