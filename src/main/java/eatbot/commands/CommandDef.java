package eatbot.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One command, defined once for both front ends (no JDA in here): its Discord name,
 * its console form ({@code /eat history} for Discord's {@code /eat-history}), who may
 * run it, whether its answer is public, its options or subcommands.
 *
 * @param console how the console spells it: the words before the options
 * @param groups  subcommand groups: their names and descriptions; their subcommands are in {@code subcommands}
 */
public record CommandDef(String name, String console, String description, Audience audience, boolean publicAnswer,
                         List<OptionDef> options, List<SubcommandDef> subcommands, List<Group> groups) {
    /** A subcommand group's name and description ({@code veto} of {@code /eat-admin}). */
    public record Group(String name, String description) {}

    public CommandDef {
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
        groups = List.copyOf(groups);
    }

    public static CommandDef of(String name, String console, String description) {
        return new CommandDef(name, console, description, Audience.EVERYONE, false, List.of(), List.of(), List.of());
    }

    public CommandDef managers() {
        return new CommandDef(name, console, description, Audience.MANAGE_SERVER, publicAnswer, options, subcommands, groups);
    }

    public CommandDef inPublic() {
        return new CommandDef(name, console, description, audience, true, options, subcommands, groups);
    }

    public CommandDef options(OptionDef... o) {
        List<OptionDef> all = new ArrayList<>(options);
        all.addAll(List.of(o));
        return new CommandDef(name, console, description, audience, publicAnswer, all, subcommands, groups);
    }

    public CommandDef options(List<OptionDef> o) {
        return options(o.toArray(OptionDef[]::new));
    }

    public CommandDef subcommands(SubcommandDef... s) {
        List<SubcommandDef> all = new ArrayList<>(subcommands);
        all.addAll(List.of(s));
        return new CommandDef(name, console, description, audience, publicAnswer, options, all, groups);
    }

    public CommandDef group(String group, String groupDescription, List<SubcommandDef> subs) {
        List<SubcommandDef> all = new ArrayList<>(subcommands);
        for (SubcommandDef s : subs) all.add(s.in(group));
        List<Group> gs = new ArrayList<>(groups);
        gs.add(new Group(group, groupDescription));
        return new CommandDef(name, console, description, audience, publicAnswer, options, all, gs);
    }

    /** Every subcommand's path ({@code add}, {@code veto add}), or just null for a command without subcommands. */
    public List<String> paths() {
        return subcommands.isEmpty() ? java.util.Collections.singletonList(null) : subcommands.stream().map(SubcommandDef::path).toList();
    }

    /** The subcommand at {@code path} ({@code add}, {@code veto add}), if there is one. */
    public Optional<SubcommandDef> subcommand(String path) {
        return subcommands.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** The options of the command, or of its subcommand at {@code path}. */
    public List<OptionDef> optionsOf(String path) {
        return path == null ? options : subcommand(path).map(SubcommandDef::options).orElse(List.of());
    }

    /**
     * Who may run the command, or its subcommand at {@code path}: the one place the
     * audience is read (the stricter of the command's and the subcommand's).
     */
    public Audience audience(String path) {
        if (audience == Audience.MANAGE_SERVER) return Audience.MANAGE_SERVER;
        return path == null ? audience : subcommand(path).map(SubcommandDef::audience).orElse(audience);
    }

    /** The subcommands outside groups, then the groups' names: what "Use …" lists. */
    public List<String> firstWords() {
        List<String> words = new ArrayList<>();
        for (SubcommandDef s : subcommands) if (s.group() == null) words.add(s.name());
        for (Group g : groups) words.add(g.name());
        return words;
    }

    /** The subcommands of one group. */
    public List<SubcommandDef> inGroup(String group) {
        return subcommands.stream().filter(s -> group.equals(s.group())).toList();
    }

    /** The console's usage line: {@code /place add name:<text> [tags:a,b] …}. */
    public String usage(String path) {
        StringBuilder b = new StringBuilder(console);
        if (path != null) b.append(' ').append(path);
        for (OptionDef o : optionsOf(path)) b.append(' ').append(o.usage());
        return b.toString();
    }
}
