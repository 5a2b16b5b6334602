package eatbot.commands;

import eatbot.i18n.Messages;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A command's options as typed, read by their definitions: numbers through {@link Parse}
 * (range and refusal from the definition), a required option refused when it is missing.
 * Both front ends read options through this, so they refuse the same input alike.
 */
public final class Args {
    private final CommandDef command;
    private final String path;
    private final List<OptionDef> defs;
    private final Function<String, String> typed;
    private final Locale locale;

    /** @param typed an option's text as typed, by name, or null when not given */
    public Args(CommandDef command, String path, Function<String, String> typed, Locale locale) {
        this.command = command;
        this.path = path;
        this.defs = command.optionsOf(path);
        this.typed = typed;
        this.locale = locale;
    }

    public OptionDef def(String name) {
        return defs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("/" + command.name() + " " + (path == null ? "" : path) + " has no option " + name));
    }

    /** The text typed, or null; a required option left out (or blank) is refused with the usage line. */
    public String text(String name) {
        OptionDef o = def(name);
        String v = typed.apply(name);
        if (o.required() && (v == null || v.isBlank())) {
            throw new eatbot.eat.EatException(Refusals.missing(o, command.usage(path), locale));
        }
        // Discord's client stops typing at the limit; the console (and a forged interaction) meet it here
        return raw(name);
    }

    /**
     * The text typed, within its length, but neither required nor parsed here: for an option
     * whose owner reads it (a setting: the settings list parses and words its refusals).
     */
    public String raw(String name) {
        OptionDef o = def(name);
        String v = typed.apply(name);
        if (v != null && o.maxLength() > 0 && v.strip().codePointCount(0, v.strip().length()) > o.maxLength()) {
            throw new eatbot.eat.EatException(Messages.of(locale).text("refusal.tooLong", name, o.maxLength()));
        }
        return v;
    }

    public Integer whole(String name) {
        return Parse.whole(def(name), text(name), locale);
    }

    public int whole(String name, int otherwise) {
        Integer n = whole(name);
        return n == null ? otherwise : n;
    }

    public Double number(String name) {
        return Parse.number(def(name), text(name), locale);
    }

    public Locale locale() {
        return locale;
    }
}
