package eatbot.commands;

import eatbot.eat.EatService;
import eatbot.eat.HistoryCount;
import eatbot.eat.Names;
import eatbot.eat.PlaceTransfer;
import eatbot.eat.Setting;
import eatbot.eat.Settings;
import eatbot.eat.SuggestRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static eatbot.commands.OptionDef.Choice;

/**
 * Every command eatbot has, defined once: Discord registers these ({@code discord/commands/SlashData})
 * and the console reads its option keys, usage lines and help from them ({@code console/ConsoleForms}).
 * Limits live here as the options' ranges; the domain's constants are the numbers.
 */
public final class Commands {
    /** The most people one suggestion is for, the asker included (refused by {@link SuggestRequest#limitGroup}). */
    public static final int GROUP = SuggestRequest.MAX_GROUP;
    public static final int PLAN_DAYS = 7;
    private static final String HOURS_HELP = "Opening hours, e.g. Mon-Fri 11:30-14:30,17:30-22:00; Sat 12:00-23:00";

    private Commands() {}

    // ---- options shared by commands ----

    static final OptionDef WITH = OptionDef.text("with", "Who eats along: @mention them, e.g. @alice @bob").maxLength(400).hint("<people>");
    static final OptionDef NOT = OptionDef.text("not", "Leave out places with these tags, e.g. spicy,smelly").maxLength(400).hint("spicy,smelly");
    static final OptionDef MAX_PRICE = OptionDef.text("max-price", "The most it may cost")
            .choices(new Choice("$", "$"), new Choice("$$", "$$"), new Choice("$$$", "$$$"), new Choice("$$$$", "$$$$"));
    static final OptionDef ONLY = OptionDef.text("only", "Only places with all these tags, e.g. vegetarian").maxLength(400).hint("vegetarian");
    /** with:, not:, max-price:, only: as /eat and /eat-plan both take them. */
    static final List<OptionDef> WHO_AND_FILTERS = List.of(WITH, NOT, MAX_PRICE, ONLY);

    public static final OptionDef HISTORY_COUNT = OptionDef.whole("count", "How many (default " + HistoryCount.DEFAULT + ")")
            .range(1, HistoryCount.MAX);
    public static final OptionDef PLAN_DAYS_OPTION = OptionDef.whole("days", "How many days (default " + PLAN_DAYS + ")")
            .range(1, EatService.MAX_PLAN_DAYS);
    public static final OptionDef SUGGESTION_ID = OptionDef.whole("id", "The suggestion's number (#id, see /eat-history)").mustGive().atLeast(1).hint("<n>");
    public static final OptionDef PAGE = OptionDef.whole("page", "Which page of a long list (default 1)").atLeast(1);

    static List<SubcommandDef> vetoes(String scope) {
        OptionDef place = OptionDef.text("place", "A place").completedFrom(Completion.PLACES);
        OptionDef tag = OptionDef.text("tag", "A tag, e.g. spicy").maxLength(Names.MAX_TAG);
        return List.of(
                SubcommandDef.of("add", "Never suggest this " + scope + ": give place: or tag:", place, tag),
                SubcommandDef.of("remove", "Lift a veto: give place: or tag:", place, tag),
                SubcommandDef.of("list", "The vetoes that apply " + scope));
    }

    // ---- the commands ----

    public static final CommandDef EAT = CommandDef.of("eat", "/eat", "Suggest a place to eat, picked for your taste (and your friends')")
            .inPublic().options(WHO_AND_FILTERS).options(
                    OptionDef.text("at", "When you eat, for opening hours: 19:00 or fri 19:00 (default: now)").maxLength(20).hint("19:00"));

    public static final CommandDef PLAN = CommandDef.of("eat-plan", "/eat plan", "Plan the next days' meals: the places you like, with variety")
            .inPublic().options(PLAN_DAYS_OPTION).options(WHO_AND_FILTERS).options(
                    OptionDef.text("at", "When you eat each day, e.g. 12:30 (default: the server's meal time)").maxLength(20).hint("12:30"));

    public static final CommandDef HISTORY = CommandDef.of("eat-history", "/eat history",
                    "The last suggestions on this server, what people said and where they went (only you see it)")
            .options(HISTORY_COUNT);

    /** On Discord {@code id:} is required (the "Why?" button covers the last one); the console takes the last one without it. */
    public static final CommandDef WHY = CommandDef.of("eat-why", "/eat why", "A picture of why eatbot suggested a place (only you see it)")
            .options(SUGGESTION_ID);

    public static final CommandDef PLACE = CommandDef.of("place", "/place",
                    "Add, list, edit, rename, remove, export or import this server's places to eat")
            .subcommands(
                    SubcommandDef.of("add", "Add a place to eat",
                            OptionDef.text("name", "The place's name").mustGive().maxLength(Names.MAX_NAME),
                            OptionDef.text("tags", "Comma-separated tags, e.g. thai,spicy,$$").maxLength(400).hint("a,b"),
                            OptionDef.text("link", "A menu or map link (https://...)").maxLength(Names.MAX_LINK).hint("<url>"),
                            OptionDef.text("hours", HOURS_HELP).maxLength(PlaceTransfer.MAX_HOURS).hint("<hours>")),
                    SubcommandDef.of("list", "List this server's places, open or closed now", PAGE),
                    SubcommandDef.of("edit", "Change a place's tags, link or hours (none clears one) — Manage Server",
                            OptionDef.text("name", "The place").mustGive().completedFrom(Completion.PLACES),
                            OptionDef.text("tags", "All its tags, comma-separated (none clears them)").maxLength(400).hint("a,b"),
                            OptionDef.text("link", "A menu or map link (none clears it)").maxLength(Names.MAX_LINK).hint("<url>"),
                            OptionDef.text("hours", HOURS_HELP + " (none clears them)").maxLength(PlaceTransfer.MAX_HOURS).hint("<hours>"))
                            .audience(Audience.MANAGE_SERVER),
                    SubcommandDef.of("remove", "Remove a place (its history stays) — Manage Server",
                            OptionDef.text("name", "The place").mustGive().completedFrom(Completion.PLACES)).audience(Audience.MANAGE_SERVER),
                    SubcommandDef.of("rename", "Rename a place — Manage Server",
                            OptionDef.text("name", "The place").mustGive().completedFrom(Completion.PLACES).hint("<old>"),
                            OptionDef.text("to", "Its new name").mustGive().maxLength(Names.MAX_NAME).hint("<new>")).audience(Audience.MANAGE_SERVER),
                    SubcommandDef.of("export", "This server's places as a JSON file — Manage Server").audience(Audience.MANAGE_SERVER),
                    SubcommandDef.of("import", "Add the places of a JSON file from /place export (all or nothing) — Manage Server",
                            OptionDef.of("file", OptionKind.FILE, "A places file from /place export").mustGive()).audience(Audience.MANAGE_SERVER));

    public static final CommandDef VETO = CommandDef.of("veto", "/veto", "Never suggest a place or a tag when you are eating (only you see it)")
            .subcommands(vetoes("when you eat").toArray(SubcommandDef[]::new));

    public static final CommandDef TASTE = CommandDef.of("taste", "/taste", "What eatbot has learned about your taste (only you see it)");

    public static final CommandDef PRIVACY = CommandDef.of("privacy", "/privacy", "Your data in this server: get a copy, or have it deleted (only you see it)")
            .subcommands(
                    SubcommandDef.of("export", "Everything eatbot keeps about you here, as a JSON file"),
                    SubcommandDef.of("forget", "Delete your reactions and what eatbot learned about your taste here (asks first)").askingFirst());

    /**
     * {@code /eat-admin}: {@code show}, then one subcommand per setting of the settings list
     * ({@link Settings#ALL}: options, ranges, choices and words are the list's), then the server's vetoes.
     */
    public static final CommandDef ADMIN = admin();

    private static CommandDef admin() {
        List<SubcommandDef> subs = new ArrayList<>();
        subs.add(SubcommandDef.of("show", "Show this server's settings"));
        for (Setting<?> setting : Settings.ALL) {
            subs.add(SubcommandDef.of(setting.key(), setting.description(),
                    setting.options().stream().map(Commands::option).toArray(OptionDef[]::new)));
        }
        return CommandDef.of("eat-admin", "/eat-admin", "Tune how eatbot suggests on this server (Manage Server)")
                .managers()
                .subcommands(subs.toArray(SubcommandDef[]::new))
                .group("veto", "Server-wide vetoes: never suggest a place or a tag here", vetoes("on this server"));
    }

    /** A setting's option as a command option: its kind, range or choices, and its usage as the console shows it. */
    static OptionDef option(Setting.Option o) {
        OptionDef d = switch (o.kind()) {
            case NUMBER -> OptionDef.number(o.name(), o.description()).range(o.range().min(), o.range().max());
            case WHOLE_NUMBER -> OptionDef.whole(o.name(), o.description()).range(o.range().min(), o.range().max());
            case CHOICE -> OptionDef.text(o.name(), o.description())
                    .choices(o.choices().stream().map(c -> new Choice(c.label(), c.value())).toArray(Choice[]::new));
            case TIME_ZONE -> OptionDef.text(o.name(), o.description()).completedFrom(Completion.TIME_ZONES).maxLength(Setting.Option.MAX_LENGTH);
            case TIME_OF_DAY -> OptionDef.text(o.name(), o.description()).maxLength(20);
            case ROLE -> OptionDef.of(o.name(), OptionKind.ROLE, o.description());
        };
        d = d.hint(o.usage());
        return o.required() ? d.mustGive() : d;
    }

    public static final CommandDef HELP = CommandDef.of("eat-help", "help", "How eatbot works, and its commands (only you see it)");

    /** In the order Discord lists them. */
    public static final List<CommandDef> ALL = List.of(EAT, PLAN, HISTORY, WHY, PLACE, VETO, TASTE, PRIVACY, ADMIN, HELP);

    public static Optional<CommandDef> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
