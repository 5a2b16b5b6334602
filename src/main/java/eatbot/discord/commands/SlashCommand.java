package eatbot.discord.commands;

import eatbot.commands.CommandDef;
import eatbot.commands.Refusals;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.List;

/**
 * One slash command: its definition (shared with the console, see
 * {@link eatbot.commands.Commands}) and what it does on Discord. The router calls
 * {@link #refuse} (cheap, before acknowledging), then defers, then {@link #run}
 * off the gateway thread.
 */
public abstract class SlashCommand {
    private final CommandDef definition;

    protected SlashCommand(CommandDef definition) {
        this.definition = definition;
    }

    public final String name() {
        return definition.name();
    }

    public final CommandDef definition() {
        return definition;
    }

    /** How Discord shows the command: from its definition. */
    public SlashCommandData data() {
        return SlashData.of(definition);
    }

    /**
     * A short refusal when the caller may not run this now, else null. Must not touch the database.
     * A missing or unknown subcommand (a forged or garbled interaction) and the audience
     * are checked here, for every command alike; then the command's own {@link #check}.
     */
    public final String refuse(Call call) {
        String sub = call.subcommand();
        if (!definition.subcommands().isEmpty() && (sub == null || definition.subcommand(sub).isEmpty())) {
            String refusal = Refusals.audience(definition, null, call.canManageServer(), call.locale());
            return refusal != null ? refusal : Refusals.use(definition, call.locale());
        }
        String refusal = Refusals.audience(definition, sub, call.canManageServer(), call.locale());
        return refusal != null ? refusal : check(call);
    }

    /** The command's own cheap refusal (a rate limit, options that cannot work), else null. */
    protected String check(Call call) {
        return null;
    }

    /** Whether only the caller sees the reply (and errors). */
    public boolean ephemeral(Call call) {
        return !definition.publicAnswer();
    }

    /** Does the work; user errors come out as {@link eatbot.eat.EatException}. */
    public abstract Reply run(Call call);

    /** Choices for an option being typed, at most 25. */
    public List<String> autocomplete(String guildId, String option, String typed) {
        return List.of();
    }
}
