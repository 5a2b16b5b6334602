package eatbot.commands;

import java.util.Arrays;
import java.util.List;

/**
 * One option of a command, as both front ends offer it: Discord's option data
 * and the console's {@code key:value} come from this.
 *
 * @param min       the least a number may be, or null
 * @param max       the most a number may be, or null
 * @param maxLength the most characters a text may have, or 0 for no limit of ours
 * @param hint      how the console's usage line shows the value ({@code <text>}, {@code a,b})
 */
public record OptionDef(String name, OptionKind kind, String description, boolean required, Double min, Double max,
                        int maxLength, List<Choice> choices, Completion completion, String hint) {
    /** A fixed value offered by name. */
    public record Choice(String label, String value) {}

    public OptionDef {
        choices = List.copyOf(choices);
    }

    public static OptionDef text(String name, String description) {
        return new OptionDef(name, OptionKind.TEXT, description, false, null, null, 0, List.of(), Completion.NONE, null);
    }

    public static OptionDef whole(String name, String description) {
        return new OptionDef(name, OptionKind.WHOLE, description, false, null, null, 0, List.of(), Completion.NONE, null);
    }

    public static OptionDef number(String name, String description) {
        return new OptionDef(name, OptionKind.NUMBER, description, false, null, null, 0, List.of(), Completion.NONE, null);
    }

    public static OptionDef of(String name, OptionKind kind, String description) {
        return new OptionDef(name, kind, description, false, null, null, 0, List.of(), Completion.NONE, null);
    }

    public OptionDef mustGive() {
        return new OptionDef(name, kind, description, true, min, max, maxLength, choices, completion, hint);
    }

    public OptionDef range(double min, double max) {
        return new OptionDef(name, kind, description, required, min, max, maxLength, choices, completion, hint);
    }

    public OptionDef atLeast(double min) {
        return new OptionDef(name, kind, description, required, min, null, maxLength, choices, completion, hint);
    }

    public OptionDef maxLength(int n) {
        return new OptionDef(name, kind, description, required, min, max, n, choices, completion, hint);
    }

    public OptionDef choices(Choice... c) {
        return new OptionDef(name, kind, description, required, min, max, maxLength, Arrays.asList(c), completion, hint);
    }

    public OptionDef completedFrom(Completion source) {
        return new OptionDef(name, kind, description, required, min, max, maxLength, choices, source, hint);
    }

    public OptionDef hint(String h) {
        return new OptionDef(name, kind, description, required, min, max, maxLength, choices, completion, h);
    }

    /** How the console shows the value: the hint, else the choices, the range or the kind. */
    public String shownValue() {
        if (hint != null) return hint;
        if (!choices.isEmpty()) return String.join("|", choices.stream().map(Choice::value).toList());
        if (min != null && max != null) return "<" + Parse.show(min) + ".." + Parse.show(max) + ">";
        return switch (kind) {
            case WHOLE -> "<whole number>";
            case NUMBER -> "<number>";
            case ROLE -> "<role>";
            case FILE -> "<path>";
            case TEXT -> "<text>";
        };
    }

    /** {@code name:<text>}, or {@code [name:<text>]} when it may be left out. */
    public String usage() {
        String s = name + ":" + shownValue();
        return required ? s : "[" + s + "]";
    }
}
