package eatbot.discord.commands;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.List;

/**
 * One slash command: how Discord shows it, who may run it, and what it does.
 * The router calls {@link #refuse} (cheap, before acknowledging), then defers,
 * then {@link #run} off the gateway thread.
 */
public abstract class SlashCommand {
    private final String name;

    protected SlashCommand(String name) {
        this.name = name;
    }

    public final String name() {
        return name;
    }

    /** How Discord shows the command. */
    public abstract SlashCommandData data();

    /** A short refusal when the caller may not run this now, else null. Must not touch the database. */
    public String refuse(Call call) {
        return null;
    }

    /** Whether only the caller sees the reply (and errors). */
    public boolean ephemeral(Call call) {
        return true;
    }

    /** Does the work; user errors come out as {@link eatbot.eat.EatException}. */
    public abstract Reply run(Call call);

    /** Choices for an option being typed, at most 25. */
    public List<String> autocomplete(String guildId, String option, String typed) {
        return List.of();
    }

    /** A guild-only command of this name (eatbot keeps its data per server). */
    protected SlashCommandData slash(String description) {
        return Commands.slash(name, description).setContexts(InteractionContextType.GUILD);
    }
}
