package eatbot.discord.commands;

import eatbot.commands.Audience;
import eatbot.commands.CommandDef;
import eatbot.commands.OptionDef;
import eatbot.commands.SubcommandDef;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/** A command's definition ({@link eatbot.commands.Commands}) as Discord's slash-command data. */
public final class SlashData {
    private SlashData() {}

    /** Guild-only (eatbot keeps its data per server); Manage Server commands hidden from others by default. */
    public static SlashCommandData of(CommandDef def) {
        SlashCommandData d = Commands.slash(def.name(), def.description()).setContexts(InteractionContextType.GUILD);
        if (def.audience() == Audience.MANAGE_SERVER) d.setDefaultPermissions(Permissions.adminDefault());
        for (OptionDef o : def.options()) d.addOptions(option(o));
        for (SubcommandDef s : def.subcommands()) if (s.group() == null) d.addSubcommands(subcommand(s));
        for (CommandDef.Group g : def.groups()) {
            SubcommandGroupData group = new SubcommandGroupData(g.name(), g.description());
            for (SubcommandDef s : def.inGroup(g.name())) group.addSubcommands(subcommand(s));
            d.addSubcommandGroups(group);
        }
        return d;
    }

    private static SubcommandData subcommand(SubcommandDef s) {
        SubcommandData d = new SubcommandData(s.name(), s.description());
        for (OptionDef o : s.options()) d.addOptions(option(o));
        return d;
    }

    static OptionData option(OptionDef o) {
        OptionType type = switch (o.kind()) {
            case TEXT -> OptionType.STRING;
            case WHOLE -> OptionType.INTEGER;
            case NUMBER -> OptionType.NUMBER;
            case ROLE -> OptionType.ROLE;
            case FILE -> OptionType.ATTACHMENT;
        };
        OptionData d = new OptionData(type, o.name(), o.description(), o.required(), o.completion() != eatbot.commands.Completion.NONE);
        if (o.maxLength() > 0) d.setMaxLength(o.maxLength());
        for (OptionDef.Choice c : o.choices()) d.addChoice(c.label(), c.value());
        if (type == OptionType.INTEGER) {
            if (o.min() != null) d.setMinValue(o.min().longValue());
            if (o.max() != null) d.setMaxValue(o.max().longValue());
        } else if (type == OptionType.NUMBER) {
            if (o.min() != null) d.setMinValue(o.min());
            if (o.max() != null) d.setMaxValue(o.max());
        }
        return d;
    }
}
