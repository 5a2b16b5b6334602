package eatbot.console;

import eatbot.chart.TasteChart;
import eatbot.eat.Activity;
import eatbot.chart.WhyChart;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Numbers;
import eatbot.eat.FeedbackResult;
import eatbot.eat.Filters;
import eatbot.eat.MealTime;
import eatbot.eat.GuildSettings;
import eatbot.eat.Setting;
import eatbot.eat.Settings;
import eatbot.eat.SettingsText;
import eatbot.eat.HistoryCount;
import eatbot.eat.MealPlan;
import eatbot.eat.Option;
import eatbot.eat.PastSuggestion;
import eatbot.eat.PersonalData;
import eatbot.eat.Pick;
import eatbot.eat.PickText;
import eatbot.eat.PlaceTransfer;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.eat.Taste;
import eatbot.eat.Veto;
import eatbot.eat.Why;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console front end: the bot's commands, typed one per line, over the same
 * service and database as Discord. Console users all live in one guild and are
 * known by name ({@code as bob}). Reads a script from stdin as well as a person.
 */
public final class Console {
    public static final String GUILD = "console";
    private static final Logger log = LoggerFactory.getLogger(Console.class);
    private static final DateTimeFormatter HISTORY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    /** How a plan names its days: as /eat history does, without the time. */
    private static final DateTimeFormatter PLAN_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final int PLAN_DAYS = 7;
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");

    private final EatService service;
    private final PrintStream out;
    private final boolean interactive;
    private Path chartDir;
    private String user;
    private Suggestion last;
    /** The filters and meal time of the suggestions asked in this session, for "another" (as the Discord button carries them). */
    private final Map<Long, Asked> asked = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Asked> eldest) {
            return size() > REMEMBER;
        }
    };
    private static final int REMEMBER = 2000;

    private record Asked(Filters filters, MealTime at) {}
    private Activity activity = Activity.NONE;

    /** Pictures go to a fresh private temporary folder (tests, embedding); {@code Main} passes the configured one. */
    public Console(EatService service, PrintStream out, boolean interactive, String user) {
        this(service, out, interactive, user, null);
    }

    /** @param chartDir where /taste and /eat why write their PNG pictures */
    public Console(EatService service, PrintStream out, boolean interactive, String user, Path chartDir) {
        this.service = service;
        this.out = out;
        this.interactive = interactive;
        this.user = user;
        this.chartDir = chartDir;
    }

    /** Tells {@code activity} of suggestions, reactions, refusals and command times (for /metrics). */
    public Console counting(Activity activity) {
        this.activity = activity;
        return this;
    }

    /** Where lines come from: a plain reader, or a terminal with line editing ({@link TerminalLines}). */
    @FunctionalInterface
    public interface Lines {
        /** The next line, after showing {@code prompt} (null: no prompt); null at the end of input. */
        String next(String prompt) throws IOException;
    }

    /** Runs until {@code quit} or the end of input. */
    public void run(BufferedReader in) throws IOException {
        run(prompt -> {
            if (prompt != null) {
                out.print(prompt);
                out.flush();
            }
            return in.readLine();
        });
    }

    /** Runs until {@code quit} or the end of input; an interactive session is greeted and prompted. */
    public void run(Lines in) throws IOException {
        if (interactive) {
            out.println("eatbot console — you are '" + user + "' in the console server. Type help for commands, quit to leave.");
        }
        while (true) {
            String line = in.next(interactive ? user + "> " : null);
            if (line == null) return;
            if (!handle(line)) return;
        }
    }

    /** Handles one line; false when the session should end. */
    public boolean handle(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) return true;
        long arrived = System.nanoTime();
        String command = commandName(line);
        try {
            return dispatch(line);
        } catch (EatException e) {
            activity.refused("console", command);
            out.println("✗ " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("console command failed: {}", line, e);
            out.println("✗ Something went wrong on our side; nothing was changed.");
        } finally {
            activity.handled("console", command, Duration.ofNanos(System.nanoTime() - arrived));
        }
        return true;
    }

    private static final Set<String> COMMANDS = Set.of("/eat", "/place", "/taste", "/eat-admin", "/veto", "/privacy");

    /** The command a line is, named as on Discord, from a fixed set (metrics' labels must not grow with what people type). */
    private static String commandName(String line) {
        int end = 0;
        while (end < line.length() && end < 32 && !Character.isWhitespace(line.charAt(end))) end++;
        String head = line.substring(0, end).toLowerCase(Locale.ROOT); // not the parser: it refuses some lines
        if (Reaction.parse(head) != null || head.equals("undo")) return "reaction";
        if (head.equals("another")) return "eat";
        return COMMANDS.contains(head) ? head.substring(1) : "other";
    }

    private boolean dispatch(String line) {
        CommandParser.Line cmd = CommandParser.split(line, 2);
        Reaction reaction = Reaction.parse(cmd.word(0));
        if (reaction != null) {
            react(reaction, CommandParser.split(line, 1).rest());
            return true;
        }
        String head = cmd.word(0).toLowerCase(Locale.ROOT);
        switch (head) {
            case "quit", "exit", "/quit" -> {
                return false;
            }
            case "help", "/help", "/eat-help", "?" -> help();
            case "as" -> switchUser(line.substring(2).strip());
            case "another" -> another(CommandParser.split(line, 1).rest());
            case "undo" -> undo(cmd);
            case "/eat" -> eatCommand(cmd, line);
            case "/place" -> place(cmd);
            case "/taste" -> {
                CommandParser.options(CommandParser.split(line, 1).rest(), Set.of());
                taste();
            }
            case "/eat-admin" -> admin(cmd);
            case "/veto" -> veto(CommandParser.split(line, 2), user);
            case "/privacy" -> privacy(cmd);
            default -> throw new EatException("Unknown command '" + CommandParser.shorten(cmd.word(0)) + "'. Type help for the list.");
        }
        return true;
    }

    private void help() {
        out.println("""
                Commands (the same as on Discord):
                  /eat [with:bob,carol] [not:spicy,smelly] [max-price:$$] [only:vegetarian] [at:19:00]
                                                     suggest a place for you (or for you and others)
                  👍 or +1, 👎 or -1 [id:<n>]         react to the last (or that) suggestion: +1 [id:<n>], -1 [id:<n>]
                  undo +1, undo -1 [id:<n>]          take your reaction back (as removing it on Discord)
                  another [id:<n>]                   another one: the same people and filters, not that pick
                  /eat go [id:<n>]                   we're going: decide the last (or that) suggestion; again undoes it
                  /eat why [id:<n>]                  a picture of why (PNG) for the last (or that) suggestion
                  /eat history [count:<1..25>]       the last suggestions, what people said, ✅ where they went
                  /eat plan [days:<1..14>] [with:…] [not:…] [max-price:…] [only:…] [at:12:30]
                                                     a plan of the next days (default 7): liking and variety
                  /place add name:<text> [tags:a,b] [link:<url>] [hours:<hours>]
                                                     add a place (tags like cuisine, spicy, $$, vegetarian)
                  /place edit name:<text> [tags:] [link:] [hours:]  change them (none clears one)
                  /place list                        list the places
                  /place rename name:<old> to:<new>  rename a place
                  /place remove name:<text>          remove a place (its history stays)
                  /taste                             what eatbot has learned about your taste (+ a PNG)
                  /veto add|remove place:<name> | tag:<tag>   never suggest this to me (or stop)
                  /veto list                         your vetoes and the server's
                  /eat-admin show                    this server's settings
                %s
                  /eat-admin veto add|remove|list place:<name> | tag:<tag>   server-wide vetoes
                  /place export                      the places as JSON
                  /place import file:<path>          add the places of a JSON file (all or nothing)
                  /privacy export                    your data in this server as JSON
                  /privacy forget                    delete your reactions and learned taste here
                  as <name>                          act as another console user
                  help, quit
                Opening hours look like: Mon-Fri 11:30-14:30,17:30-22:00; Sat-Sun 12:00-23:00; Tue closed""".formatted(adminHelp()));
    }

    /** A usage line and what it does for each setting, from the one list. */
    private static String adminHelp() {
        StringBuilder b = new StringBuilder();
        for (Setting<?> x : Settings.ALL) {
            b.append("  ").append(x.usage("/eat-admin")).append('\n').append("      ").append(x.description())
                    .append(x == Settings.ADD_ROLE ? " (Discord only: console users have no roles)" : "").append('\n');
        }
        return b.toString().stripTrailing();
    }

    private void switchUser(String name) {
        if (!USER_NAME.matcher(name).matches()) {
            throw new EatException("A console user name is 1 to 32 letters, digits, '_', '-' or '.'.");
        }
        user = name.toLowerCase(Locale.ROOT);
        out.println("You are now " + user + ".");
    }

    // ---- /eat ----

    private void eatCommand(CommandParser.Line cmd, String line) {
        switch (cmd.word(1).toLowerCase(Locale.ROOT)) {
            case "" -> eat(CommandParser.split(line, 1).rest());
            case "history" -> history(cmd.rest());
            case "why" -> why(cmd.rest());
            case "go" -> go(cmd.rest());
            case "plan" -> plan(cmd.rest());
            case "another" -> another(cmd.rest());
            default -> throw new EatException("Use /eat [with:…] [not:…] [max-price:…] [only:…] [at:…], /eat go, /eat another, /eat plan, /eat why or /eat history.");
        }
    }

    private void eat(String rest) {
        Map<String, String> o = CommandParser.options(rest, Set.of("with", "not", "max-price", "only", "at"));
        suggested(request(o));
    }

    private void suggested(SuggestRequest request) {
        Suggestion s = service.suggest(request);
        activity.suggested("console");
        last = s;
        asked.put(s.id(), new Asked(request.filters(), request.at()));
        out.println(describe(s));
    }

    /**
     * "another [id:<n>]", the "Another one" button: the same people and filters as the
     * last (or that) suggestion, without its pick. A suggestion this session did not ask
     * (before a restart, or by another console) is asked again without filters.
     */
    private void another(String rest) {
        long id = suggestionId(rest, "ask another one for");
        Suggestion previous = service.suggestion(GUILD, id)
                .orElseThrow(() -> new EatException("That suggestion is gone; ask again with /eat."));
        Asked a = asked.getOrDefault(id, new Asked(Filters.NONE, null));
        suggested(SuggestRequest.anotherOne(previous, user, a.filters(), a.at()));
    }

    /** The people and filters of /eat and /eat plan, from their options. */
    private SuggestRequest request(Map<String, String> o) {
        List<String> members = new ArrayList<>();
        members.add(user);
        if (o.containsKey("with")) {
            for (String n : o.get("with").split("[,\\s]+")) {
                if (n.isBlank()) continue;
                String name = n.strip().replaceFirst("^@", "");
                if (!USER_NAME.matcher(name).matches()) throw new EatException("'" + CommandParser.shorten(name) + "' is not a console user name.");
                members.add(name.toLowerCase(Locale.ROOT));
            }
        }
        SuggestRequest.limitGroup(members);
        return new SuggestRequest(GUILD, user, members, Set.of())
                .filtered(o.get("not"), o.get("max-price"), o.get("only")).at(o.get("at"));
    }

    /** /eat plan: one line per day. Advice only: nothing is recorded. */
    private void plan(String rest) {
        Map<String, String> o = CommandParser.options(rest, Set.of("days", "with", "not", "max-price", "only", "at"));
        int days = o.containsKey("days") ? wholeNumber(o, "days") : PLAN_DAYS;
        MealPlan plan = service.plan(request(o), days);
        out.println("Plan for " + String.join(", ", plan.members()) + ", meals at " + plan.mealTime() + ":");
        for (MealPlan.Day d : plan.days()) {
            out.println("  " + PLAN_DAY.format(d.date()) + "  " + (d.closed()
                    ? "— every place left is closed at " + plan.mealTime()
                    : d.place().name() + tags(d.place()) + " — " + d.reason().text()));
        }
    }

    private String describe(Suggestion s) {
        Option o = s.option();
        Pick p = s.pick();
        StringBuilder b = new StringBuilder();
        b.append("🍽  #").append(s.id()).append(" ");
        b.append(s.isGroup() ? "For " + String.join(", ", s.members()) + ": " : "For " + s.requestedBy() + ": ");
        b.append(o.name());
        if (!o.tags().isEmpty()) b.append(" [").append(String.join(", ", o.tags())).append("]");
        b.append(" — ").append(p.label().words());
        b.append(" (").append(PickText.whoseCounts(s)).append(": 👍 ").append(p.likes()).append(" 👎 ").append(p.dislikes()).append(")");
        if (o.link() != null) b.append(" ").append(o.link());
        PickText words = new PickText(service.settings(GUILD).zone(), s.createdAt(), name -> name, name -> name);
        for (String reason : words.reasons(s)) b.append("\n   ").append(reason);
        b.append("\n   React with 👍 (+1) or 👎 (-1); going there? /eat go");
        return b.toString();
    }

    /** /eat go [id:<n>]: decides the last (or that) suggestion; the same again undoes it (as the "We're going" button). */
    private void go(String rest) {
        long id = suggestionId(rest, "decide on");
        EatService.Decision d = service.go(GUILD, id, user);
        String place = d.meal().place().name();
        if (!d.going()) {
            out.println("↩️ Not going to " + place + " (#" + id + ") after all; it does not rest.");
            return;
        }
        String rests = d.restsUntil() == null ? "" : " It rests for " + String.join(", ", d.meal().members().stream().map(m -> m.equals(user) ? "you" : m).toList()) + " until "
                + HISTORY_TIME.format(d.restsUntil().atZone(service.settings(GUILD).zone())) + ".";
        out.println("✅ Going to " + place + " (#" + id + ")." + rests + " /eat go id:" + id + " again undoes it.");
    }

    /** 👍/👎 [id:<n>] on the last (or that) suggestion. */
    private void react(Reaction r, String rest) {
        Suggestion s = reactedOn(rest, "react to");
        FeedbackResult res = service.setReaction(GUILD, s.id(), user, r);
        if (res.changed()) activity.reacted("console", r, true);
        Preference p = res.preference();
        // "#id" lets a script (and the crash test) tell exactly which suggestion was acknowledged
        out.println(r.emoji() + " " + (res.changed() ? "Noted" : "Already noted") + " #" + s.id() + ": " + user + " on " + s.option().name()
                + " (👍 " + p.likes() + " 👎 " + p.dislikes() + ").");
    }

    /** "undo 👍 [id:<n>]": takes a reaction back, as removing it on Discord does. */
    private void undo(CommandParser.Line cmd) {
        Reaction r = Reaction.parse(cmd.word(1));
        if (r == null) throw new EatException("Use undo +1 or undo -1 (and id:<n> for an older suggestion).");
        Suggestion s = reactedOn(cmd.rest(), "take a reaction back from");
        FeedbackResult res = service.unreact(GUILD, s.id(), user, r);
        if (res.changed()) activity.reacted("console", r, false);
        Preference p = res.preference();
        out.println("↩️ " + (res.changed() ? "Took back " + r.emoji() : "No " + r.emoji() + " to take back") + " #" + s.id() + ": " + user
                + " on " + s.option().name() + " (👍 " + p.likes() + " 👎 " + p.dislikes() + ").");
    }

    private Suggestion reactedOn(String rest, String verb) {
        Map<String, String> o = CommandParser.options(rest, Set.of("id"));
        if (!o.containsKey("id") && last == null) throw new EatException("There is no suggestion to " + verb + " yet. Ask with /eat.");
        if (!o.containsKey("id")) return last;
        return service.suggestion(GUILD, wholeNumber(o, "id"))
                .orElseThrow(() -> new EatException("That suggestion does not exist (any more)."));
    }

    // ---- /place ----

    private void place(CommandParser.Line cmd) {
        String sub = cmd.word(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "add" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("name", "tags", "link", "hours"));
                requireOption(o, "name", "/place add name:<text> [tags:a,b] [link:<url>] [hours:<hours>]");
                Option added = service.addPlace(GUILD, user, o.get("name"), o.get("tags"), o.get("link"), o.get("hours"));
                out.println("Added " + added.name() + tags(added) + details(added) + ".");
            }
            case "edit" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("name", "tags", "link", "hours"));
                requireOption(o, "name", "/place edit name:<text> [tags:a,b] [link:<url>] [hours:<hours>]");
                Option edited = service.editPlace(GUILD, o.get("name"), o.get("tags"), o.get("link"), o.get("hours"));
                out.println("Updated " + edited.name() + tags(edited) + details(edited) + ".");
            }
            case "list" -> {
                CommandParser.options(cmd.rest(), Set.of());
                List<Option> places = service.places(GUILD);
                if (places.isEmpty()) {
                    out.println("No places yet. Add one with /place add name:<text>.");
                    return;
                }
                out.println(places.size() + (places.size() == 1 ? " place:" : " places:"));
                for (Option p : places) {
                    out.println("  " + p.name() + tags(p) + details(p) + (service.isOpenNow(GUILD, p) ? "" : " (closed now)"));
                }
            }
            case "remove" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("name"));
                requireOption(o, "name", "/place remove name:<text>");
                Option removed = service.removePlace(GUILD, o.get("name"));
                out.println("Removed " + removed.name() + ". It will not be suggested again.");
            }
            case "rename" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("name", "to"));
                requireOption(o, "name", "/place rename name:<old> to:<new>");
                requireOption(o, "to", "/place rename name:<old> to:<new>");
                Option before = service.place(GUILD, o.get("name"));
                Option after = service.renamePlace(GUILD, o.get("name"), o.get("to"));
                out.println("Renamed " + before.name() + " to " + after.name() + ".");
            }
            case "export" -> {
                CommandParser.options(cmd.rest(), Set.of());
                out.println(service.exportPlaces(GUILD));
            }
            case "import" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("file"));
                requireOption(o, "file", "/place import file:<path to a JSON file from /place export>");
                EatService.PlaceImport done = service.importPlaces(GUILD, user, readUpload(o.get("file")));
                out.println("Imported " + done.added().size() + (done.added().size() == 1 ? " place" : " places")
                        + (done.alreadyThere().isEmpty() ? "." : "; already there, left unchanged: " + String.join(", ", done.alreadyThere()) + "."));
            }
            default -> throw new EatException("Use /place add, /place edit, /place list, /place rename, /place remove, /place export or /place import.");
        }
    }

    /** The console's stand-in for a Discord attachment: a local file, read only if it is small enough. */
    private static byte[] readUpload(String file) {
        try {
            Path p = Path.of(file.strip());
            if (!Files.isRegularFile(p)) throw new EatException("No file '" + CommandParser.shorten(file.strip()) + "'.");
            if (Files.size(p) > PlaceTransfer.MAX_BYTES) throw new EatException("The file is too big (at most " + PlaceTransfer.MAX_BYTES / 1024 + " KB).");
            return Files.readAllBytes(p);
        } catch (InvalidPathException e) {
            throw new EatException("'" + CommandParser.shorten(file.strip()) + "' is not a file name.");
        } catch (IOException e) {
            throw new EatException("Cannot read '" + CommandParser.shorten(file.strip()) + "': " + e.getClass().getSimpleName() + ".");
        }
    }

    // ---- /privacy ----

    private void privacy(CommandParser.Line cmd) {
        String sub = cmd.word(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "export" -> {
                CommandParser.options(cmd.rest(), Set.of());
                out.println(service.privacyExport(GUILD, user));
            }
            case "forget" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("confirm"));
                // the console's stand-in for Discord's confirmation button
                if (!"yes".equalsIgnoreCase(o.getOrDefault("confirm", "").strip())) {
                    out.println("This deletes your reactions and what eatbot learned about your taste in this server"
                            + " (the places stay). To go on: /privacy forget confirm:yes");
                    return;
                }
                PersonalData.Forgotten f = service.privacyForget(GUILD, user);
                out.println(f.nothing() ? "eatbot had nothing about " + user + " in this server."
                        : "Forgotten: " + count(f.feedback(), "reaction") + " and " + count(f.preferences(), "learned preference")
                        + " of " + user + " deleted; your name removed from " + count(f.suggestionsAnonymised(), "suggestion")
                        + " and " + count(f.placesUnattributed(), "place") + ".");
            }
            default -> throw new EatException("Use /privacy export or /privacy forget.");
        }
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static String details(Option o) {
        return (o.hours() == null ? "" : " hours: " + o.hours()) + (o.link() == null ? "" : " " + o.link());
    }

    private static String tags(Option o) {
        return o.tags().isEmpty() ? "" : " [" + String.join(", ", o.tags()) + "]";
    }

    private static void requireOption(Map<String, String> o, String key, String usage) {
        if (o.get(key) == null || o.get(key).isBlank()) throw new EatException("Missing " + key + ":. Usage: " + usage);
    }

    // ---- /taste ----

    private void taste() {
        Taste t = service.taste(GUILD, user);
        if (t.entries().isEmpty()) {
            out.println("No places yet. Add one with /place add name:<text>.");
            return;
        }
        out.println("What eatbot has learned about your taste, " + user + " (chance you like it, 👍/👎):");
        for (Taste.Entry e : t.entries()) {
            int pct = (int) Math.round(100 * e.mean());
            out.printf(Locale.ROOT, "  %-24s %3d%% %s  👍 %d 👎 %d%s%n", e.option().name(), pct, bar(e.mean()),
                    e.likes(), e.dislikes(), e.rated() ? "" : "  (not rated yet)");
        }
        out.println("Picture: " + writeChart("taste-" + GUILD + "-" + user + ".png", TasteChart.forTaste(t)));
    }

    private static String bar(double p) {
        int n = (int) Math.round(p * 10);
        return "█".repeat(n) + "░".repeat(10 - n);
    }

    // ---- /eat-admin ----

    private void admin(CommandParser.Line cmd) {
        String sub = cmd.word(1).toLowerCase(Locale.ROOT);
        GuildSettings s;
        Setting<?> setting = Settings.named(sub);
        if (sub.equals("show")) {
            CommandParser.options(cmd.rest(), Set.of());
            s = service.settings(GUILD);
        } else if (sub.equals("veto")) {
            veto(CommandParser.split(cmd.rest().isEmpty() ? "veto" : "veto " + cmd.rest(), 2), null);
            return;
        } else if (setting == Settings.ADD_ROLE) {
            CommandParser.options(cmd.rest(), Set.of("role"));
            // console users have no roles: a role named here could never let anyone in, nor keep anyone out
            throw new EatException("add-role works on Discord only: console users have no roles, so everyone here may add places.");
        } else if (setting != null) {
            Set<String> names = new java.util.LinkedHashSet<>();
            setting.options().forEach(o -> names.add(o.name()));
            s = service.set(GUILD, setting, CommandParser.options(cmd.rest(), names));
        } else {
            throw new EatException(Settings.adminUsage());
        }
        out.println(SettingsText.TITLE + ":");
        for (String l : SettingsText.lines(s)) out.println("  " + l);
    }

    static int wholeNumber(Map<String, String> o, String key) {
        return Numbers.parseWhole(key, o.get(key));
    }

    // ---- vetoes: /veto for oneself, /eat-admin veto for the server (who = null) ----

    private void veto(CommandParser.Line cmd, String who) {
        String sub = cmd.word(1).toLowerCase(Locale.ROOT);
        String usage = who == null ? "/eat-admin veto add|remove|list place:<name> | tag:<tag>" : "/veto add|remove|list place:<name> | tag:<tag>";
        String whose = who == null ? "the server" : "you";
        switch (sub) {
            case "add" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("place", "tag"));
                Veto v = service.veto(GUILD, who, o.get("place"), o.get("tag"));
                out.println("🚫 eatbot will not suggest " + v.what() + (who == null ? " on this server any more." : " when you are eating."));
            }
            case "remove" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("place", "tag"));
                Veto v = service.liftVeto(GUILD, who, o.get("place"), o.get("tag"));
                out.println("Lifted " + (who == null ? "the server's" : "your") + " veto on " + v.what() + ".");
            }
            case "list" -> {
                CommandParser.options(cmd.rest(), Set.of());
                List<Veto> vs = service.vetoes(GUILD, who);
                if (vs.isEmpty()) {
                    out.println("No vetoes for " + whose + ".");
                    return;
                }
                out.println("Vetoes:");
                for (Veto v : vs) out.println("  " + v.what() + " — " + (v.serverWide() ? "the whole server" : v.userId()));
            }
            default -> throw new EatException("Use " + usage + ".");
        }
    }

    // ---- /eat history and /eat why ----

    private void history(String rest) {
        Map<String, String> o = CommandParser.options(rest, Set.of("count"));
        int count = HistoryCount.parse(o.get("count"));
        List<PastSuggestion> past = service.historyWithReactions(GUILD, count);
        if (past.isEmpty()) {
            out.println("No suggestions yet. Ask with /eat.");
            return;
        }
        out.println("Last suggestions, newest first:");
        java.time.ZoneId zone = service.settings(GUILD).zone();
        for (PastSuggestion p : past) {
            Suggestion s = p.suggestion();
            out.printf(Locale.ROOT, "  #%d %s %s for %s%s%s%s%n", s.id(), HISTORY_TIME.format(s.createdAt().atZone(zone)),
                    s.option().name(), String.join(", ", s.members()),
                    p.liked().isEmpty() ? "" : "  👍 " + String.join(", ", p.liked()),
                    p.disliked().isEmpty() ? "" : "  👎 " + String.join(", ", p.disliked()),
                    p.decided() ? "  ✅ went" : "");
        }
    }

    /** The suggestion an [id:<n>] option names, else the session's last one. */
    private long suggestionId(String rest, String verb) {
        Map<String, String> o = CommandParser.options(rest, Set.of("id"));
        if (o.containsKey("id")) return wholeNumber(o, "id");
        if (last != null) return last.id();
        throw new EatException("There is no suggestion to " + verb + " yet. Ask with /eat, or give id:<n> from /eat history.");
    }

    private void why(String rest) {
        long id = suggestionId(rest, "explain");
        Why why = service.why(GUILD, id, user);
        out.println("Why " + why.suggestion().option().name() + " (#" + id + "): "
                + writeChart("why-" + GUILD + "-" + id + "-" + user + ".png", WhyChart.png(why, name -> name)));
    }

    /** Writes a picture into the chart folder, created owner-only: what people like is nobody else's business. */
    private String writeChart(String name, byte[] png) {
        try {
            if (chartDir == null) chartDir = Files.createTempDirectory("eatbot-charts-"); // owner-only, never shared
            if (!Files.isDirectory(chartDir)) {
                Files.createDirectories(chartDir);
                try {
                    Files.setPosixFilePermissions(chartDir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its own defaults apply
                }
            }
            Path file = chartDir.resolve(name);
            Files.write(file, png);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            log.warn("cannot write chart {}", name, e);
            return "(could not write the picture to " + chartDir + ": " + e.getMessage() + ")";
        }
    }

    static Double number(Map<String, String> o, String key) {
        return Numbers.parse(key, o.get(key));
    }
}
