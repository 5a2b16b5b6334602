package eatbot.console;

import eatbot.commands.CommandDef;
import eatbot.commands.Commands;
import eatbot.commands.OptionDef;
import eatbot.commands.OptionKind;
import eatbot.commands.Refusals;
import eatbot.commands.SubcommandDef;
import eatbot.eat.EatException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The console's side of the command definitions ({@link Commands}): which words name
 * which command ({@code /eat history}, or Discord's {@code /eat-history}), the option
 * keys a line may use, usage lines and {@code help}, all read from the definitions.
 * The few console-only forms (what Discord does with buttons and reactions) are listed
 * here too, so help shows them.
 */
public final class ConsoleForms {
    /** A line read as a command: its definition, its subcommand path (or null) and the options' text. */
    public record Form(CommandDef def, String path, String rest) {}

    /** What Discord does with a button or a reaction, and the console with a line of its own. */
    static final List<String[]> CONSOLE_ONLY = List.of(
            new String[] {"👍 or +1, 👎 or -1 [id:<n>]", "react to the last (or that) suggestion: +1 [id:<n>], -1 [id:<n>]"},
            new String[] {"undo +1, undo -1 [id:<n>]", "take your reaction back (as removing it on Discord)"},
            new String[] {"another [id:<n>]", "another one: the same people and filters, not that pick (the 🔄 button)"},
            new String[] {"/eat go [id:<n>]", "we're going: decide the last (or that) suggestion; again undoes it (the ✅ button)"},
            new String[] {"as <name>", "act as another console user"},
            new String[] {"help, quit", ""});

    private ConsoleForms() {}

    /**
     * The command a line names, or null when it names none of the defined commands.
     * A command with subcommands but none (or an unknown one) given is refused with the list.
     */
    public static Form find(String line, Locale locale) {
        CommandParser.Line words = CommandParser.split(line, 4);
        String first = words.word(0).toLowerCase(Locale.ROOT);
        String second = words.word(1).toLowerCase(Locale.ROOT);
        CommandDef def = null;
        int used = 0;
        for (CommandDef c : Commands.ALL) {
            String[] console = c.console().split(" ");
            if (console.length == 2 && console[0].equals(first) && console[1].equals(second)) {
                def = c;
                used = 2;
                break;
            }
        }
        if (def == null) {
            for (CommandDef c : Commands.ALL) {
                if (c.console().equals(first) || ("/" + c.name()).equals(first)) {
                    def = c;
                    used = 1;
                    break;
                }
            }
        }
        if (def == null) return null;
        if (def.subcommands().isEmpty()) return new Form(def, null, CommandParser.split(line, used).rest());
        String sub = words.word(used).toLowerCase(Locale.ROOT);
        if (def.subcommand(sub).isPresent()) return new Form(def, sub, CommandParser.split(line, used + 1).rest());
        if (def.groups().stream().anyMatch(g -> g.name().equals(sub))) {
            String path = sub + " " + words.word(used + 1).toLowerCase(Locale.ROOT);
            if (def.subcommand(path).isPresent()) return new Form(def, path, CommandParser.split(line, used + 2).rest());
            throw new EatException(Refusals.useGroup(def, sub, locale));
        }
        throw new EatException(Refusals.use(def, locale));
    }

    /** The option keys a console line of this form may use: the definition's, and the console's stand-ins. */
    public static Set<String> keys(Form f) {
        Set<String> keys = new LinkedHashSet<>();
        for (OptionDef o : f.def().optionsOf(f.path())) keys.add(o.name());
        if (asksFirst(f.def(), f.path())) keys.add("confirm"); // the confirmation buttons' stand-in
        return keys;
    }

    /** The console's usage line: the definition's, with what the console fills in itself shown as optional. */
    public static String usage(CommandDef def, String path) {
        String line = def.usage(path);
        if (def == Commands.WHY) line = line.replace(" id:<n>", " [id:<n>]"); // the session's last suggestion stands in
        if (asksFirst(def, path)) line += " [confirm:yes]";
        return line;
    }

    static boolean asksFirst(CommandDef def, String path) {
        return path != null && def.subcommand(path).map(SubcommandDef::asksFirst).orElse(false);
    }

    /** Every command's usage line and description, from the definitions; then the console-only forms. */
    public static String help() {
        List<String[]> rows = new ArrayList<>();
        for (CommandDef c : Commands.ALL) {
            if (c == Commands.HELP) continue;
            // who sees the answer is Discord's business: the console's reader is the one who typed
            if (c.subcommands().isEmpty()) rows.add(new String[] {usage(c, null), c.description().replace(" (only you see it)", "")});
            for (SubcommandDef s : c.subcommands()) {
                String description = s.description().replace(" (only you see it)", "");
                if (s.options().stream().anyMatch(o -> o.kind() == OptionKind.ROLE)) {
                    description = "Discord only (console users have no roles): refused here";
                }
                rows.add(new String[] {usage(c, s.path()), description});
            }
        }
        rows.addAll(CONSOLE_ONLY);
        StringBuilder b = new StringBuilder("Commands (the same as on Discord, where /eat history is /eat-history):\n");
        for (String[] r : rows) {
            b.append("  ").append(r[0]);
            if (!r[1].isEmpty()) b.append(r[0].length() <= 40 ? " ".repeat(42 - r[0].length()) : "\n" + " ".repeat(44)).append(r[1]);
            b.append('\n');
        }
        return b.append("Opening hours look like: Mon-Fri 11:30-14:30,17:30-22:00; Sat-Sun 12:00-23:00; Tue closed").toString();
    }
}
