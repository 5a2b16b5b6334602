package eatbot.console;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.FeedbackResult;
import eatbot.eat.GuildSettings;
import eatbot.eat.Option;
import eatbot.eat.PersonalData;
import eatbot.eat.PlaceTransfer;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.eat.Taste;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");

    private final EatService service;
    private final PrintStream out;
    private final boolean interactive;
    private String user;
    private Suggestion last;

    public Console(EatService service, PrintStream out, boolean interactive, String user) {
        this.service = service;
        this.out = out;
        this.interactive = interactive;
        this.user = user;
    }

    /** Runs until {@code quit} or the end of input. */
    public void run(BufferedReader in) throws IOException {
        if (interactive) {
            out.println("eatbot console — you are '" + user + "' in the console server. Type help for commands, quit to leave.");
        }
        while (true) {
            if (interactive) {
                out.print(user + "> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) return;
            if (!handle(line)) return;
        }
    }

    /** Handles one line; false when the session should end. */
    public boolean handle(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) return true;
        try {
            return dispatch(line);
        } catch (EatException e) {
            out.println("✗ " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("console command failed: {}", line, e);
            out.println("✗ Something went wrong on our side; nothing was changed.");
        }
        return true;
    }

    private boolean dispatch(String line) {
        Reaction reaction = Reaction.parse(line);
        if (reaction != null) {
            react(reaction);
            return true;
        }
        CommandParser.Line cmd = CommandParser.split(line, 2);
        String head = cmd.word(0).toLowerCase(Locale.ROOT);
        switch (head) {
            case "quit", "exit", "/quit" -> {
                return false;
            }
            case "help", "/help", "?" -> help();
            case "as" -> switchUser(line.substring(2).strip());
            case "/eat" -> eat(CommandParser.split(line, 1).rest());
            case "/place" -> place(cmd);
            case "/taste" -> {
                CommandParser.options(CommandParser.split(line, 1).rest(), Set.of());
                taste();
            }
            case "/eat-admin" -> admin(cmd);
            case "/privacy" -> privacy(cmd);
            default -> throw new EatException("Unknown command '" + CommandParser.shorten(cmd.word(0)) + "'. Type help for the list.");
        }
        return true;
    }

    private void help() {
        out.println("""
                Commands (the same as on Discord):
                  /eat [with:bob,carol]              suggest a place for you (or for you and others)
                  👍 or +1, 👎 or -1                  react to the last suggestion
                  /place add name:<text> [tags:a,b]  add a place (tags like cuisine, spicy, $$)
                  /place list                        list the places
                  /place rename name:<old> to:<new>  rename a place
                  /place remove name:<text>          remove a place (its history stays)
                  /taste                             what eatbot has learned about your taste
                  /eat-admin show                    this server's settings
                  /eat-admin policy name:thompson|ucb1|epsilon-greedy
                  /eat-admin exploration epsilon:<0..1> | c:<number>
                  /eat-admin prior alpha:<number> beta:<number>
                  /place export                      the places as JSON
                  /place import file:<path>          add the places of a JSON file (all or nothing)
                  /privacy export                    your data in this server as JSON
                  /privacy forget                    delete your reactions and learned taste here
                  as <name>                          act as another console user
                  help, quit""");
    }

    private void switchUser(String name) {
        if (!USER_NAME.matcher(name).matches()) {
            throw new EatException("A console user name is 1 to 32 letters, digits, '_', '-' or '.'.");
        }
        user = name.toLowerCase(Locale.ROOT);
        out.println("You are now " + user + ".");
    }

    // ---- /eat ----

    private void eat(String rest) {
        Map<String, String> o = CommandParser.options(rest, Set.of("with"));
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
        Suggestion s = service.suggest(new SuggestRequest(GUILD, user, members, Set.of()));
        last = s;
        out.println(describe(s));
    }

    private String describe(Suggestion s) {
        Option o = s.option();
        StringBuilder b = new StringBuilder();
        b.append("🍽  #").append(s.id()).append(" ");
        b.append(s.isGroup() ? "For " + String.join(", ", s.members()) + ": " : "For " + s.requestedBy() + ": ");
        b.append(o.name());
        if (!o.tags().isEmpty()) b.append(" [").append(String.join(", ", o.tags())).append("]");
        Preference p = service.preference(GUILD, s.requestedBy(), o.id());
        b.append(" — ").append(s.explored() ? "trying something new" : (p.likes() + p.dislikes() == 0 ? "a fresh pick" : "a favourite"));
        b.append(" (you: 👍 ").append(p.likes()).append(" 👎 ").append(p.dislikes()).append(")");
        if (o.link() != null) b.append(" ").append(o.link());
        b.append("\n   React with 👍 (+1) or 👎 (-1).");
        return b.toString();
    }

    private void react(Reaction r) {
        if (last == null) throw new EatException("There is no suggestion to react to yet. Ask with /eat.");
        FeedbackResult res = service.setReaction(GUILD, last.id(), user, r);
        Preference p = res.preference();
        // "#id" lets a script (and the crash test) tell exactly which suggestion was acknowledged
        out.println(r.emoji() + " " + (res.changed() ? "Noted" : "Already noted") + " #" + last.id() + ": " + user + " on " + last.option().name()
                + " (👍 " + p.likes() + " 👎 " + p.dislikes() + ").");
    }

    // ---- /place ----

    private void place(CommandParser.Line cmd) {
        String sub = cmd.word(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "add" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("name", "tags", "link"));
                requireOption(o, "name", "/place add name:<text> [tags:a,b]");
                Option added = service.addPlace(GUILD, user, o.get("name"), o.get("tags"), o.get("link"), null);
                out.println("Added " + added.name() + tags(added) + ".");
            }
            case "list" -> {
                CommandParser.options(cmd.rest(), Set.of());
                List<Option> places = service.places(GUILD);
                if (places.isEmpty()) {
                    out.println("No places yet. Add one with /place add name:<text>.");
                    return;
                }
                out.println(places.size() + (places.size() == 1 ? " place:" : " places:"));
                for (Option p : places) out.println("  " + p.name() + tags(p));
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
            default -> throw new EatException("Use /place add, /place list, /place rename, /place remove, /place export or /place import.");
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
        out.println("What eatbot has learned about " + user + " (chance you like it, 👍/👎):");
        for (Taste.Entry e : t.entries()) {
            int pct = (int) Math.round(100 * e.mean());
            out.printf(Locale.ROOT, "  %-24s %3d%% %s  👍 %d 👎 %d%s%n", e.option().name(), pct, bar(e.mean()),
                    e.likes(), e.dislikes(), e.rated() ? "" : "  (not rated yet)");
        }
    }

    private static String bar(double p) {
        int n = (int) Math.round(p * 10);
        return "█".repeat(n) + "░".repeat(10 - n);
    }

    // ---- /eat-admin ----

    private void admin(CommandParser.Line cmd) {
        String sub = cmd.word(1).toLowerCase(Locale.ROOT);
        GuildSettings s;
        switch (sub) {
            case "show" -> {
                CommandParser.options(cmd.rest(), Set.of());
                s = service.settings(GUILD);
            }
            case "policy" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("name"));
                requireOption(o, "name", "/eat-admin policy name:thompson|ucb1|epsilon-greedy");
                s = service.setPolicy(GUILD, o.get("name"));
            }
            case "exploration" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("epsilon", "c"));
                s = service.setExploration(GUILD, number(o, "epsilon"), number(o, "c"));
            }
            case "prior" -> {
                Map<String, String> o = CommandParser.options(cmd.rest(), Set.of("alpha", "beta"));
                requireOption(o, "alpha", "/eat-admin prior alpha:<number> beta:<number>");
                requireOption(o, "beta", "/eat-admin prior alpha:<number> beta:<number>");
                s = service.setPrior(GUILD, number(o, "alpha"), number(o, "beta"));
            }
            default -> throw new EatException("Use /eat-admin show, policy, exploration or prior.");
        }
        out.println(SettingsText.describe(s));
    }

    static Double number(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new EatException(key + " must be a number, got '" + CommandParser.shorten(v) + "'.");
        }
    }
}
