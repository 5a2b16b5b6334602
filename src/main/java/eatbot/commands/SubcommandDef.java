package eatbot.commands;

import java.util.List;

/**
 * One subcommand ({@code add} of {@code /place add}). {@code path} is how handlers
 * name it: {@code add}, or {@code veto add} for one in a group.
 *
 * @param audience  who may run it; {@link Audience#EVERYONE} leaves it to the command's
 * @param asksFirst whether it asks before doing something that cannot be undone (Discord: buttons;
 *                  the console: the line again with {@code confirm:yes})
 */
public record SubcommandDef(String group, String name, String description, Audience audience, List<OptionDef> options, boolean asksFirst) {
    public SubcommandDef {
        options = List.copyOf(options);
    }

    public static SubcommandDef of(String name, String description, OptionDef... options) {
        return new SubcommandDef(null, name, description, Audience.EVERYONE, List.of(options), false);
    }

    public SubcommandDef audience(Audience a) {
        return new SubcommandDef(group, name, description, a, options, asksFirst);
    }

    public SubcommandDef askingFirst() {
        return new SubcommandDef(group, name, description, audience, options, true);
    }

    SubcommandDef in(String g) {
        return new SubcommandDef(g, name, description, audience, options, asksFirst);
    }

    /** {@code add}, or {@code veto add} within a group. */
    public String path() {
        return group == null ? name : group + " " + name;
    }
}
