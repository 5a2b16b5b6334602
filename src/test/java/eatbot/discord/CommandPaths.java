package eatbot.discord;

import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Every localizable text of registered commands by the key JDA's LocalizationMapper asks for, with its English. */
final class CommandPaths {
    private CommandPaths() {}

    static Map<String, String> of(List<CommandData> commands) {
        Map<String, String> out = new TreeMap<>();
        for (CommandData c : commands) {
            SlashCommandData s = (SlashCommandData) c;
            String k = key(s.getName());
            out.put(k + ".description", s.getDescription());
            options(k, s.getOptions(), out);
            for (SubcommandData sub : s.getSubcommands()) subcommand(k, sub, out);
            for (SubcommandGroupData g : s.getSubcommandGroups()) {
                String gk = k + "." + key(g.getName());
                out.put(gk + ".description", g.getDescription());
                for (SubcommandData sub : g.getSubcommands()) subcommand(gk, sub, out);
            }
        }
        return out;
    }

    private static void subcommand(String parent, SubcommandData sub, Map<String, String> out) {
        String k = parent + "." + key(sub.getName());
        out.put(k + ".description", sub.getDescription());
        options(k, sub.getOptions(), out);
    }

    private static void options(String parent, List<OptionData> options, Map<String, String> out) {
        for (OptionData o : options) {
            String k = parent + ".options." + key(o.getName());
            out.put(k + ".description", o.getDescription());
            for (Command.Choice ch : o.getChoices()) out.put(k + ".choices." + key(ch.getName()) + ".name", ch.getName());
        }
    }

    private static String key(String name) {
        return name.replace(' ', '_').toLowerCase(Locale.ROOT);
    }
}
