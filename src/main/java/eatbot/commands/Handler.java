package eatbot.commands;

/** What one command (or subcommand) does, from a neutral invocation to a neutral answer; user errors are {@link eatbot.eat.EatException}. */
@FunctionalInterface
public interface Handler {
    Answer handle(Invocation in);
}
