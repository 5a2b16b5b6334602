package eatbot.discord.commands;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /eat-help}: how eatbot works and its commands (the console's {@code help}),
 * only for the caller. Written from the registered commands themselves, so it
 * cannot fall behind them; the Manage Server ones are shown to those who have it.
 */
public final class EatHelpCommand extends SlashCommand {
    static final String HOW = """
            Ask `/eat` and eatbot suggests a place. React 👍 or 👎 on its suggestion: whoever reacts teaches \
            eatbot *their own* taste, so your favourites come up more often while new places still get a try. \
            Going there? Press **We're going**: the place then rests for you for a few days (press again to undo). \
            `/eat with:@friend` decides for a group; `not:`, `max-price:` and `only:` filter one request.""";
    private final Supplier<List<SlashCommandData>> commands;

    public EatHelpCommand(Supplier<List<SlashCommandData>> commands) {
        super(eatbot.commands.Commands.HELP);
        this.commands = commands;
    }

    @Override
    public Reply run(Call call) {
        StringBuilder everyone = new StringBuilder();
        StringBuilder admins = new StringBuilder();
        for (SlashCommandData c : commands.get()) {
            boolean adminOnly = c.getDefaultPermissions() != DefaultMemberPermissions.ENABLED;
            if (adminOnly && !call.canManageServer()) continue;
            StringBuilder b = adminOnly ? admins : everyone;
            if (c.getSubcommands().isEmpty() && c.getSubcommandGroups().isEmpty()) line(b, c.getName(), c.getDescription());
            for (SubcommandData s : c.getSubcommands()) line(b, c.getName() + " " + s.getName(), s.getDescription());
            for (SubcommandGroupData g : c.getSubcommandGroups()) {
                for (SubcommandData s : g.getSubcommands()) line(b, c.getName() + " " + g.getName() + " " + s.getName(), s.getDescription());
            }
        }
        EmbedBuilder e = new EmbedBuilder().setTitle("eatbot: what should we eat?").setDescription(HOW + "\n\n" + everyone.toString().strip());
        // a field holds 1,024 characters: the admin lines go into as many as they need, whole lines each
        String title = "With Manage Server";
        StringBuilder field = new StringBuilder();
        for (String line : admins.toString().split("\n")) {
            if (field.length() + line.length() + 1 > MessageEmbed.VALUE_MAX_LENGTH) {
                e.addField(title, field.toString().strip(), false);
                title = "With Manage Server (more)";
                field.setLength(0);
            }
            field.append(Text.limit(line, MessageEmbed.VALUE_MAX_LENGTH - 1)).append('\n');
        }
        if (!field.toString().isBlank()) e.addField(title, field.toString().strip(), false);
        return Reply.embed(e.build());
    }

    private static void line(StringBuilder b, String command, String description) {
        b.append("`/").append(command).append("` ").append(description).append('\n');
    }
}
