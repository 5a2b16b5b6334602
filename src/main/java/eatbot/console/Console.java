package eatbot.console;

import eatbot.commands.Answer;
import eatbot.commands.Args;
import eatbot.commands.Handlers;
import eatbot.commands.Invocation;
import eatbot.commands.CommandDef;
import eatbot.commands.Commands;
import eatbot.commands.Parse;
import eatbot.commands.Words;
import eatbot.eat.Activity;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.FeedbackResult;
import eatbot.eat.Filters;
import eatbot.eat.MealTime;
import eatbot.eat.GuildSettings;
import eatbot.eat.Settings;
import eatbot.eat.Option;
import eatbot.eat.Pick;
import eatbot.eat.PickText;
import eatbot.eat.Preference;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
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
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");

    private final EatService service;
    private final PrintStream out;
    private final boolean interactive;
    private Path chartDir;
    private Locale locale = Locale.ENGLISH;
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
        handlers();
    }

    /** The language replies are in (English unless told: the console has no user locale). */
    public Console speaking(Locale locale) {
        this.locale = locale;
        return this;
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
        String second = cmd.word(1).toLowerCase(Locale.ROOT);
        // the console's own forms: what Discord does with buttons and reactions
        switch (head) {
            case "quit", "exit", "/quit" -> {
                return false;
            }
            case "/help", "?" -> {
                out.println(ConsoleForms.help());
                return true;
            }
            case "as" -> {
                switchUser(line.substring(2).strip());
                return true;
            }
            case "another" -> {
                another(CommandParser.split(line, 1).rest());
                return true;
            }
            case "undo" -> {
                undo(cmd);
                return true;
            }
            case "/eat" -> {
                if (second.equals("go") || second.equals("another")) {
                    if (second.equals("go")) go(cmd.rest());
                    else another(cmd.rest());
                    return true;
                }
            }
            default -> {
                // a defined command, below
            }
        }
        ConsoleForms.Form form = ConsoleForms.find(line, locale);
        if (form == null) throw new EatException("Unknown command '" + CommandParser.shorten(cmd.word(0)) + "'. Type help for the list.");
        Map<String, String> o = CommandParser.options(form.rest(), ConsoleForms.keys(form));
        handlers.get(key(form.def(), form.path())).accept(new Args(form.def(), form.path(), o::get, locale), o);
        return true;
    }

    /** What each defined command does in the console, by "name path"; every definition has one (checked when built). */
    private final Map<String, java.util.function.BiConsumer<Args, Map<String, String>>> handlers = new java.util.HashMap<>();

    private static String key(CommandDef def, String path) {
        return path == null ? def.name() : def.name() + " " + path;
    }

    private void on(CommandDef def, String path, java.util.function.BiConsumer<Args, Map<String, String>> handler) {
        if (path != null && def.subcommand(path).isEmpty()) throw new IllegalStateException(key(def, path) + " is not defined");
        handlers.put(key(def, path), handler);
    }

    private void handlers() {
        Handlers shared = new Handlers(service);
        for (CommandDef c : Commands.ALL) {
            for (String path : c.paths()) {
                shared.get(c, path).ifPresent(h -> on(c, path, (given, o) -> {
                    // without id:, /eat why explains the session's last suggestion (Discord has the "Why?" button)
                    Args a = c == Commands.WHY && !o.containsKey("id") ? withId(c, o) : given;
                    Invocation in = new Invocation(GUILD, user, user, a, locale, ConsoleStyle.INSTANCE, true,
                            role -> false, (option, max) -> readUpload(a.text(option), max), option -> names(a.text(option)), null, name -> name);
                    Answer answer = h.handle(in);
                    // the console's stand-in for the confirmation buttons: the same line with confirm:yes
                    if (answer instanceof Answer.Confirm ask && "yes".equalsIgnoreCase(o.getOrDefault("confirm", "").strip())) {
                        answer = shared.confirmed(ask.action(), in);
                    }
                    print(answer, ConsoleForms.usage(c, path));
                }));
            }
        }
        on(Commands.HELP, null, (a, o) -> out.println(ConsoleForms.help()));
        on(Commands.ADMIN, Settings.ADD_ROLE.key(), (a, o) -> addRoleRefused());
        for (CommandDef c : Commands.ALL) {
            for (String path : c.paths()) {
                if (!handlers.containsKey(key(c, path))) throw new IllegalStateException("no console handler for " + key(c, path));
            }
        }
    }

    private void switchUser(String name) {
        if (!USER_NAME.matcher(name).matches()) {
            throw new EatException("A console user name is 1 to 32 letters, digits, '_', '-' or '.'.");
        }
        user = name.toLowerCase(Locale.ROOT);
        out.println("You are now " + user + ".");
    }

    // ---- /eat ----

    private void suggested(SuggestRequest request) {
        shown(service.suggest(request), request);
    }

    /** A suggestion printed, and remembered for +1, another and /eat go. */
    private void shown(Suggestion s, SuggestRequest request) {
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

    /** The console users {@code with:} names (bob,carol or @bob @carol), for /eat and /eat plan. */
    private static List<String> names(String with) {
        List<String> names = new ArrayList<>();
        if (with == null) return names;
        for (String n : with.split("[,\\s]+")) {
            if (n.isBlank()) continue;
            String name = n.strip().replaceFirst("^@", "");
            if (!USER_NAME.matcher(name).matches()) throw new EatException("'" + CommandParser.shorten(name) + "' is not a console user name.");
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private String describe(Suggestion s) {
        Option o = s.option();
        Pick p = s.pick();
        StringBuilder b = new StringBuilder();
        b.append("🍽  #").append(s.id()).append(" ");
        b.append(s.isGroup() ? "For " + String.join(", ", s.members()) + ": " : "For " + s.requestedBy() + ": ");
        b.append(o.name());
        if (!o.tags().isEmpty()) b.append(" [").append(String.join(", ", o.tags())).append("]");
        b.append(" — ").append(Words.pick(p));
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
        return service.suggestion(GUILD, id(o))
                .orElseThrow(() -> new EatException("That suggestion does not exist (any more)."));
    }

    // ---- /place ----

    /** The console's stand-in for a Discord attachment: a local file, read only if it is small enough. */
    private byte[] readUpload(String file, int maxBytes) {
        try {
            Path p = Path.of(file.strip());
            if (!Files.isRegularFile(p)) throw new EatException("No file '" + CommandParser.shorten(file.strip()) + "'.");
            if (Files.size(p) > maxBytes) throw new EatException(Handlers.fileTooBig(locale));
            return Files.readAllBytes(p);
        } catch (InvalidPathException e) {
            throw new EatException("'" + CommandParser.shorten(file.strip()) + "' is not a file name.");
        } catch (IOException e) {
            throw new EatException("Cannot read '" + CommandParser.shorten(file.strip()) + "': " + e.getClass().getSimpleName() + ".");
        }
    }

    private static String tags(Option o) {
        return o.tags().isEmpty() ? "" : " [" + String.join(", ", o.tags()) + "]";
    }

    // ---- /eat-admin ----

    // console users have no roles: a role named here could never let anyone in, nor keep anyone out
    private static void addRoleRefused() {
        throw new EatException("add-role works on Discord only: console users have no roles, so everyone here may add places.");
    }

    // ---- /eat history and /eat why ----

    /**
     * A handler's answer as text: a list under its title, one item a line, then its footer and
     * where its picture went; data (JSON) as it is, for a pipe; a question with how to confirm.
     */
    private void print(Answer answer, String usage) {
        if (answer instanceof Answer.Suggested s) {
            shown(s.suggestion(), s.request());
        } else if (answer instanceof Answer.Lines l) {
            out.println(l.title() + ":");
            for (String line : l.lines()) out.println("  " + line);
            if (l.footer() != null) out.println(l.footer());
            // one file per person: the console's people share one folder
            if (l.picture() != null) out.println(l.picture().text() + " " + writeChart(l.picture().name().replace(".png", "-" + GUILD + "-" + user + ".png"), l.picture().bytes()));
        } else if (answer instanceof Answer.File f) {
            out.println(f.picture() ? f.text() + " " + writeChart(f.name(), f.bytes()) : new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8));
        } else if (answer instanceof Answer.Confirm c) {
            out.println(c.question() + " " + eatbot.i18n.Messages.of(locale).text("confirm.console", usage.replace("[confirm:yes]", "confirm:yes")));
        } else {
            out.println(((Answer.Text) answer).text());
        }
    }

    /** The suggestion an [id:<n>] option names, else the session's last one. */
    private long suggestionId(String rest, String verb) {
        Map<String, String> o = CommandParser.options(rest, Set.of("id"));
        if (o.containsKey("id")) return id(o);
        return lastId(verb);
    }

    /** id: as every command reads it (see {@link Commands#SUGGESTION_ID}). */
    private int id(Map<String, String> o) {
        return Parse.whole(Commands.SUGGESTION_ID, o.get("id"), locale);
    }

    private long lastId(String verb) {
        if (last != null) return last.id();
        throw new EatException("There is no suggestion to " + verb + " yet. Ask with /eat, or give id:<n> from /eat history.");
    }

    private Args withId(CommandDef c, Map<String, String> o) {
        Map<String, String> with = new java.util.HashMap<>(o);
        with.put("id", String.valueOf(lastId("explain")));
        return new Args(c, null, with::get, locale);
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
}
