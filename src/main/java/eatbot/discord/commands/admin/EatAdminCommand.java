package eatbot.discord.commands.admin;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.Reply;
import eatbot.discord.commands.VetoCommand;
import eatbot.eat.EatException;
import eatbot.eat.Numbers;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * {@code /eat-admin show|policy|exploration|prior|add-role|group-rule|cooldown|gamma|cold-start|timezone|meal-time|variety}
 * and {@code /eat-admin veto add|remove|list}: this server's suggestion settings and server-wide vetoes.
 */
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
                        .addOptions(new OptionData(OptionType.ROLE, "role", "The role; leave out to let everyone add")),
                new SubcommandData("group-rule", "How the members' draws combine in a group suggestion")
                        .addOptions(new OptionData(OptionType.STRING, "rule", "The rule", true)
                                .addChoice("least-misery: nobody is sent where they hate it", "least-misery")
                                .addChoice("average", "average")
                                .addChoice("product: the chance everyone likes it", "product")),
                new SubcommandData("cooldown", "Days a place rests for the people of a meal there (We're going; 0 = off)")
                        .addOptions(new OptionData(OptionType.INTEGER, "days", "0 to 365", true).setRequiredRange(0, 365)),
                new SubcommandData("gamma", "Forget older feedback: each newer reaction keeps gamma of the weight (1 = never)")
                        .addOptions(new OptionData(OptionType.NUMBER, "value", "above 0, at most 1", true).setRequiredRange(0.0, 1.0)),
                new SubcommandData("cold-start", "Lean newcomers on the server's ratings: up to this many pseudo-ratings (0 = off)")
                        .addOptions(new OptionData(OptionType.NUMBER, "strength", "0 to 1000", true).setRequiredRange(0.0, 1000.0)),
                new SubcommandData("timezone", "The time zone opening hours are read in")
                        .addOptions(new OptionData(OptionType.STRING, "zone", "e.g. Europe/Paris", true, true).setMaxLength(64)),
                new SubcommandData("meal-time", "When this server eats, for /eat-plan's opening hours (default 12:00)")
                        .addOptions(new OptionData(OptionType.STRING, "time", "HH:MM, e.g. 12:30", true).setMaxLength(20)),
                new SubcommandData("variety", "How much /eat-plan trades liking for variety (0 = liking only)")
                        .addOptions(new OptionData(OptionType.NUMBER, "value", "0 to 1", true).setRequiredRange(0.0, 1.0)))
                .addSubcommandGroups(new SubcommandGroupData("veto", "Server-wide vetoes: never suggest a place or a tag here")
                        .addSubcommands(VetoCommand.subcommands("on this server")));
    }

    @Override
    public Reply run(Call call) {
        String guild = call.guildId();
        String sub = call.subcommand() == null ? "" : call.subcommand();
        if (sub.startsWith("veto ")) return VetoCommand.handle(service, call, null, sub.substring("veto ".length()));
        GuildSettings s = switch (sub) {
            case "show" -> service.settings(guild);
            case "policy" -> service.setPolicy(guild, call.option("name"));
            case "exploration" -> service.setExploration(guild, number(call, "epsilon"), number(call, "c"));
            case "prior" -> service.setPrior(guild, required(call, "alpha"), required(call, "beta"));
            case "add-role" -> service.setAddRole(guild, call.option("role"));
            case "group-rule" -> service.setGroupRule(guild, call.option("rule"));
            case "cooldown" -> service.setCooldown(guild, wholeNumber(call, "days"));
            case "gamma" -> service.setGamma(guild, required(call, "value"));
            case "cold-start" -> service.setColdStart(guild, required(call, "strength"));
            case "timezone" -> service.setTimeZone(guild, call.option("zone"));
            case "meal-time" -> service.setMealTime(guild, call.option("time"));
            case "variety" -> service.setVariety(guild, required(call, "value"));
            default -> throw new EatException("Use /eat-admin show, policy, exploration, prior, add-role, group-rule, cooldown, gamma,"
                    + " cold-start, timezone, meal-time, variety or veto.");
        };
        return Reply.embed(describe(s));
    }

    static net.dv8tion.jda.api.entities.MessageEmbed describe(GuildSettings s) {
        return new EmbedBuilder()
                .setTitle("eatbot settings for this server")
                .addField("Policy", s.policy(), true)
                .addField("Exploration", "epsilon " + Numbers.format(s.epsilon()) + " · c " + Numbers.format(s.ucbC()), true)
                .addField("Prior", "Beta(" + Numbers.format(s.priorAlpha()) + ", " + Numbers.format(s.priorBeta()) + ")", true)
                .addField("Group rule", s.groupRule().id(), true)
                .addField("Cooldown", s.cooldownDays() + " day(s)", true)
                .addField("Forgetting (gamma)", Numbers.format(s.discount()) + (s.discount() == 1 ? " (never forget)" : ""), true)
                .addField("Who may add places", s.addRoleId() == null ? "everyone" : "<@&" + s.addRoleId() + "> and admins", true)
                .addField("Cold start", s.coldStartStrength() == 0 ? "off" : "up to " + Numbers.format(s.coldStartStrength()) + " ratings", true)
                .addField("Time zone", s.timeZone(), true)
                .addField("Meal time", s.mealTime().toString(), true)
                .addField("Variety", Numbers.format(s.variety()) + (s.variety() == 0 ? " (liking only)" : ""), true)
                .build();
    }

    private static double required(Call call, String key) {
        Double d = number(call, key);
        if (d == null) throw new EatException("Give " + key + ":<number>.");
        return d;
    }

    private static int wholeNumber(Call call, String key) {
        String v = call.option(key);
        if (v == null) throw new EatException("Give " + key + ":<whole number>.");
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new EatException(key + " must be a whole number.");
        }
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

    static Double number(Call call, String key) {
        return Numbers.parse(key, call.option(key));
    }

}
