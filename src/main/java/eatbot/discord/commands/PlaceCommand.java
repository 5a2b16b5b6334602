package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Names;
import eatbot.eat.Option;
import eatbot.eat.PlaceTransfer;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /place add|list|edit|rename|remove|export|import}. Anyone may add and
 * list (admins can restrict adding to a role); the rest needs Manage Server.
 */
public final class PlaceCommand extends SlashCommand {
    private static final Set<String> ADMIN_ONLY = Set.of("edit", "remove", "rename", "export", "import");
    private static final String HOURS_HELP = "Opening hours, e.g. Mon-Fri 11:30-14:30,17:30-22:00; Sat 12:00-23:00";
    private final EatService service;

    public PlaceCommand(EatService service) {
        super("place");
        this.service = service;
    }

    @Override
    public SlashCommandData data() {
        return slash("Add, list, edit, rename, remove, export or import this server's places to eat").addSubcommands(
                new SubcommandData("add", "Add a place to eat")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The place's name", true).setMaxLength(Names.MAX_NAME),
                                new OptionData(OptionType.STRING, "tags", "Comma-separated tags, e.g. thai,spicy,$$").setMaxLength(400),
                                new OptionData(OptionType.STRING, "link", "A menu or map link (https://...)").setMaxLength(Names.MAX_LINK),
                                new OptionData(OptionType.STRING, "hours", HOURS_HELP).setMaxLength(PlaceTransfer.MAX_HOURS)),
                new SubcommandData("list", "List this server's places, open or closed now")
                        .addOptions(new OptionData(OptionType.INTEGER, "page", "Which page of a long list (default 1)").setMinValue(1)),
                new SubcommandData("edit", "Change a place's tags, link or hours (none clears one) — Manage Server")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The place", true, true),
                                new OptionData(OptionType.STRING, "tags", "All its tags, comma-separated (none clears them)").setMaxLength(400),
                                new OptionData(OptionType.STRING, "link", "A menu or map link (none clears it)").setMaxLength(Names.MAX_LINK),
                                new OptionData(OptionType.STRING, "hours", HOURS_HELP + " (none clears them)").setMaxLength(PlaceTransfer.MAX_HOURS)),
                new SubcommandData("remove", "Remove a place (its history stays) — Manage Server")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The place", true, true)),
                new SubcommandData("rename", "Rename a place — Manage Server")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The place", true, true),
                                new OptionData(OptionType.STRING, "to", "Its new name", true).setMaxLength(Names.MAX_NAME)),
                new SubcommandData("export", "This server's places as a JSON file — Manage Server"),
                new SubcommandData("import", "Add the places of a JSON file from /place export (all or nothing) — Manage Server")
                        .addOptions(new OptionData(OptionType.ATTACHMENT, "file", "A places file from /place export", true)));
    }

    @Override
    public String refuse(Call call) {
        // Discord always sends a subcommand; a forged or garbled interaction may not
        if (call.subcommand() == null) return "Choose what to do with /place: add, list, edit, rename, remove, export or import.";
        return ADMIN_ONLY.contains(call.subcommand()) ? Permissions.refuseUnlessAdmin(call) : null;
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
                Option o = service.addPlace(guild, call.userId(), call.option("name"), call.option("tags"), call.option("link"),
                        call.option("hours"));
                yield Reply.text("Added **" + Text.escape(o.name()) + "**" + tags(o) + details(o) + ".");
            }
            case "edit" -> {
                Option o = service.editPlace(guild, call.option("name"), call.option("tags"), call.option("link"), call.option("hours"));
                yield Reply.text("Updated **" + Text.escape(o.name()) + "**" + tags(o) + details(o) + ".");
            }
            case "list" -> list(service.places(guild), o -> service.isOpenNow(guild, o), page(call.option("page")));
            case "remove" -> {
                Option o = service.removePlace(guild, call.option("name"));
                yield Reply.text("Removed **" + Text.escape(o.name()) + "**. It will not be suggested again; its history stays.");
            }
            case "rename" -> {
                Option before = service.place(guild, call.option("name"));
                Option after = service.renamePlace(guild, call.option("name"), call.option("to"));
                yield Reply.text("Renamed **" + Text.escape(before.name()) + "** to **" + Text.escape(after.name()) + "**.");
            }
            case "export" -> {
                List<Option> places = service.places(guild);
                yield new Reply(Reply.builder()
                        .setContent(places.size() + (places.size() == 1 ? " place" : " places")
                                + ". `/place import` reads this file back on any server.")
                        .addFiles(FileUpload.fromData(PlaceTransfer.write(places).getBytes(StandardCharsets.UTF_8), "eatbot-places.json"))
                        .build(), null);
            }
            case "import" -> importPlaces(call);
            default -> throw new EatException("Use /place add, list, edit, rename, remove, export or import.");
        };
    }

    private Reply importPlaces(Call call) {
        Upload file = call.upload("file");
        if (file == null) throw new EatException("Attach a places file from /place export as file:.");
        String tooBig = "The file is too big (at most " + PlaceTransfer.MAX_BYTES / 1024 + " KB). Nothing was imported.";
        // Discord tells the size up front: a big file is refused without downloading it
        if (file.size() > PlaceTransfer.MAX_BYTES) throw new EatException(tooBig);
        byte[] bytes = file.download(PlaceTransfer.MAX_BYTES);
        if (bytes.length > PlaceTransfer.MAX_BYTES) throw new EatException(tooBig);
        EatService.PlaceImport done = service.importPlaces(call.guildId(), call.userId(), bytes);
        StringBuilder b = new StringBuilder("Imported " + done.added().size() + (done.added().size() == 1 ? " place" : " places"));
        if (!done.alreadyThere().isEmpty()) {
            b.append("; already there, left unchanged: ");
            int shown = 0;
            for (String name : done.alreadyThere()) {
                String part = (shown == 0 ? "" : ", ") + Text.escape(name);
                if (b.length() + part.length() > 1800) {
                    b.append(" … and ").append(done.alreadyThere().size() - shown).append(" more");
                    break;
                }
                b.append(part);
                shown++;
            }
        }
        return Reply.text(b.append(".").toString());
    }

    /** The places, one a line, with "closed now" where their hours say so. */
    static Reply list(List<Option> places, java.util.function.Predicate<Option> openNow, int page) {
        if (places.isEmpty()) return Reply.text("No places yet. Add one with `/place add`.");
        // an embed description holds 4096 characters: whole lines, as many pages as they need
        List<StringBuilder> pages = new ArrayList<>();
        pages.add(new StringBuilder());
        for (Option o : places) {
            String line = "• " + Text.escape(o.name()) + tags(o) + (o.hours() != null && !openNow.test(o) ? " · 🌙 closed now" : "") + "\n";
            if (pages.get(pages.size() - 1).length() + line.length() > PAGE) pages.add(new StringBuilder());
            pages.get(pages.size() - 1).append(line);
        }
        if (page > pages.size()) {
            throw new EatException("The list has " + pages.size() + (pages.size() == 1 ? " page." : " pages."));
        }
        EmbedBuilder e = new EmbedBuilder()
                .setTitle(places.size() + (places.size() == 1 ? " place" : " places"))
                .setDescription(pages.get(page - 1).toString().strip());
        if (pages.size() > 1) {
            e.setFooter("Page " + page + " of " + pages.size() + (page < pages.size() ? " · /place list page:" + (page + 1) + " for more" : ""));
        }
        return Reply.embed(e.build());
    }

    static final int PAGE = 4000;

    private static int page(String option) {
        if (option == null) return 1;
        try {
            int p = Integer.parseInt(option.strip());
            if (p >= 1) return p;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new EatException("page must be a whole number from 1.");
    }

    private static String tags(Option o) {
        return o.tags().isEmpty() ? "" : " · " + Text.escape(String.join(", ", o.tags()));
    }

    private static String details(Option o) {
        return (o.hours() == null ? "" : " · hours " + Text.escape(o.hours())) + (o.link() == null ? "" : " · <" + o.link() + ">");
    }

    @Override
    public List<String> autocomplete(String guildId, String option, String typed) {
        return "name".equals(option) ? service.placeNames(guildId, typed) : List.of();
    }
}
