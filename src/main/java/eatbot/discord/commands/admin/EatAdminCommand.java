package eatbot.discord.commands.admin;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.Reply;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /eat-admin show|policy|exploration|prior|add-role}: this server's suggestion settings. */
public final class EatAdminCommand extends AdminCommand {
    private final EatService service;

    public EatAdminCommand(EatService service) {
        super("eat-admin");
        this.service = service;
    }

    @Override
    public SlashCommandData data() {
        return slash("Tune how eatbot suggests on this server (Manage Server)").addSubcommands(
                new SubcommandData("show", "Show this server's settings"),
                new SubcommandData("policy", "Choose how eatbot balances favourites and new places")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The policy", true)
                                .addChoice("Thompson sampling", "thompson")
                                .addChoice("UCB1", "ucb1")
                                .addChoice("epsilon-greedy", "epsilon-greedy")),
                new SubcommandData("exploration", "How much to explore: epsilon (epsilon-greedy) and/or c (UCB1)")
                        .addOptions(new OptionData(OptionType.NUMBER, "epsilon", "0 to 1").setRequiredRange(0.0, 1.0),
                                new OptionData(OptionType.NUMBER, "c", "above 0, at most 100").setRequiredRange(0.0, 100.0)),
                new SubcommandData("prior", "What eatbot assumes about a place nobody has rated: Beta(alpha, beta)")
                        .addOptions(new OptionData(OptionType.NUMBER, "alpha", "above 0", true),
                                new OptionData(OptionType.NUMBER, "beta", "above 0", true)),
                new SubcommandData("add-role", "Only members with this role may add places (leave empty: everyone)")
                        .addOptions(new OptionData(OptionType.ROLE, "role", "The role; leave out to let everyone add")));
    }

    @Override
    public Reply run(Call call) {
        String guild = call.guildId();
        String sub = call.subcommand() == null ? "" : call.subcommand();
        GuildSettings s = switch (sub) {
            case "show" -> service.settings(guild);
            case "policy" -> service.setPolicy(guild, call.option("name"));
            case "exploration" -> service.setExploration(guild, number(call, "epsilon"), number(call, "c"));
            case "prior" -> service.setPrior(guild, required(call, "alpha"), required(call, "beta"));
            case "add-role" -> service.setAddRole(guild, call.option("role"));
            default -> throw new EatException("Use /eat-admin show, policy, exploration, prior or add-role.");
        };
        return Reply.embed(describe(s));
    }

    static net.dv8tion.jda.api.entities.MessageEmbed describe(GuildSettings s) {
        return new EmbedBuilder()
                .setTitle("eatbot settings for this server")
                .addField("Policy", s.policy(), true)
                .addField("Exploration", "epsilon " + num(s.epsilon()) + " · c " + num(s.ucbC()), true)
                .addField("Prior", "Beta(" + num(s.priorAlpha()) + ", " + num(s.priorBeta()) + ")", true)
                .addField("Group rule", s.groupRule().id(), true)
                .addField("Cooldown", s.cooldownDays() + " day(s)", true)
                .addField("Forgetting (gamma)", num(s.discount()) + (s.discount() == 1 ? " (never forget)" : ""), true)
                .addField("Who may add places", s.addRoleId() == null ? "everyone" : "<@&" + s.addRoleId() + "> and admins", true)
                .addField("Time zone", s.timeZone(), true)
                .build();
    }

    private static double required(Call call, String key) {
        Double d = number(call, key);
        if (d == null) throw new EatException("Give " + key + ":<number>.");
        return d;
    }

    static Double number(Call call, String key) {
        String v = call.option(key);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new EatException(key + " must be a number.");
        }
    }

    static String num(double x) {
        return x == Math.rint(x) && !Double.isInfinite(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
