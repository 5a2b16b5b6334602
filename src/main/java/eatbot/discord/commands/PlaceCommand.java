package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Names;
import eatbot.eat.Option;
import eatbot.eat.PlaceTransfer;
import net.dv8tion.jda.api.EmbedBuilder;
import eatbot.commands.Args;
import eatbot.commands.More;
import eatbot.commands.Pages;
import eatbot.commands.Commands;
import eatbot.commands.Refusals;
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
    private final EatService service;

    public PlaceCommand(EatService service) {
        super(Commands.PLACE);
        this.service = service;
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
            case "list" -> list(service.places(guild), o -> service.isOpenNow(guild, o), new Args(Commands.PLACE, "list", call::option, call.locale()).whole("page", 1), call.locale());
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
            default -> throw new EatException(Refusals.use(definition(), call.locale()));
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
            b.append("; already there, left unchanged: ")
                    .append(More.join(done.alreadyThere().stream().map(Text::escape).toList(), 1800 - b.length(), call.locale()));
        }
        return Reply.text(b.append(".").toString());
    }

    static Reply list(List<Option> places, java.util.function.Predicate<Option> openNow, int page) {
        return list(places, openNow, page, java.util.Locale.ENGLISH);
    }

    /** The places, one a line, with "closed now" where their hours say so; whole lines a page. */
    static Reply list(List<Option> places, java.util.function.Predicate<Option> openNow, int page, java.util.Locale locale) {
        if (places.isEmpty()) return Reply.text("No places yet. Add one with `/place add`.");
        List<String> lines = places.stream()
                .map(o -> "• " + Text.escape(o.name()) + tags(o) + (o.hours() != null && !openNow.test(o) ? " · 🌙 closed now" : "")).toList();
        Pages.Page shown = Pages.of(lines, PAGE).page(page, locale);
        EmbedBuilder e = new EmbedBuilder()
                .setTitle(places.size() + (places.size() == 1 ? " place" : " places"))
                .setDescription(String.join("\n", shown.lines()));
        if (shown.of() > 1) e.setFooter(shown.footer("/place list", locale));
        return Reply.embed(e.build());
    }

    static final int PAGE = Pages.PAGE;

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
