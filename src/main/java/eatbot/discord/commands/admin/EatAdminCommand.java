package eatbot.discord.commands.admin;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.Reply;
import eatbot.discord.commands.VetoCommand;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import eatbot.eat.Setting;
import eatbot.eat.Settings;
import eatbot.eat.SettingsText;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /eat-admin show}, one subcommand per setting of {@link Settings#ALL}, and
 * {@code /eat-admin veto add|remove|list}: this server's suggestion settings and server-wide vetoes.
 */
public final class EatAdminCommand extends AdminCommand {
    private final EatService service;

    public EatAdminCommand(EatService service) {
        super("eat-admin");
        this.service = service;
    }

    @Override
    public SlashCommandData data() {
        SlashCommandData data = slash("Tune how eatbot suggests on this server (Manage Server)")
                .addSubcommands(new SubcommandData("show", "Show this server's settings"));
        for (Setting<?> setting : Settings.ALL) {
            data.addSubcommands(new SubcommandData(setting.key(), setting.description())
                    .addOptions(setting.options().stream().map(EatAdminCommand::option).toList()));
        }
        return data.addSubcommandGroups(new SubcommandGroupData("veto", "Server-wide vetoes: never suggest a place or a tag here")
                .addSubcommands(VetoCommand.subcommands("on this server")));
    }

    /** A setting's option as Discord offers it: its kind, range or choices. */
    private static OptionData option(Setting.Option o) {
        OptionData d = switch (o.kind()) {
            case NUMBER -> new OptionData(OptionType.NUMBER, o.name(), o.description(), o.required())
                    .setRequiredRange(o.range().min(), o.range().max());
            case WHOLE_NUMBER -> new OptionData(OptionType.INTEGER, o.name(), o.description(), o.required())
                    .setRequiredRange((long) o.range().min(), (long) o.range().max());
            case CHOICE -> new OptionData(OptionType.STRING, o.name(), o.description(), o.required());
            case TIME_ZONE -> new OptionData(OptionType.STRING, o.name(), o.description(), o.required(), true)
                    .setMaxLength(Setting.Option.MAX_LENGTH);
            case TIME_OF_DAY -> new OptionData(OptionType.STRING, o.name(), o.description(), o.required()).setMaxLength(20);
            case ROLE -> new OptionData(OptionType.ROLE, o.name(), o.description(), o.required());
        };
        for (Setting.Choice c : o.choices()) d.addChoice(c.label(), c.value());
        return d;
    }

    @Override
    public Reply run(Call call) {
        String guild = call.guildId();
        String sub = call.subcommand() == null ? "" : call.subcommand();
        if (sub.startsWith("veto ")) return VetoCommand.handle(service, call, null, sub.substring("veto ".length()));
        GuildSettings s;
        Setting<?> setting = Settings.named(sub);
        if (sub.equals("show")) {
            s = service.settings(guild);
        } else if (setting != null) {
            Map<String, String> typed = new HashMap<>();
            for (Setting.Option o : setting.options()) {
                if (call.option(o.name()) != null) typed.put(o.name(), call.option(o.name()));
            }
            s = service.set(guild, setting, typed);
        } else {
            throw new EatException(Settings.adminUsage());
        }
        return Reply.embed(describe(s));
    }

    /** The same lines as the console's show ({@link SettingsText}); a role mention shows as the role here. */
    static MessageEmbed describe(GuildSettings s) {
        return new EmbedBuilder().setTitle(SettingsText.TITLE).setDescription(SettingsText.describe(s)).build();
    }

    @Override
    public List<String> autocomplete(String guildId, String option, String typed) {
        if (option.equals("zone")) return zones(typed);
        if (option.equals("place")) return service.placeNames(guildId, typed);
        return List.of();
    }

    /** Time zone ids containing what was typed (those starting with it first), at most 25. */
    static List<String> zones(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && z.toLowerCase(Locale.ROOT).contains(t))
                .sorted(java.util.Comparator.comparing((String z) -> !z.toLowerCase(Locale.ROOT).startsWith(t)).thenComparing(z -> z))
                .limit(25).toList();
    }

}
