package eatbot.discord.commands.admin;

import eatbot.discord.commands.Call;
import eatbot.discord.commands.Reply;
import eatbot.commands.Handlers;
import eatbot.discord.commands.DefinedCommand;
import eatbot.commands.Args;
import eatbot.commands.Commands;
import eatbot.commands.Refusals;
import eatbot.eat.EatException;
import eatbot.eat.Numbers;
import eatbot.eat.EatService;
import eatbot.eat.GuildSettings;
import net.dv8tion.jda.api.EmbedBuilder;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * {@code /eat-admin show|policy|exploration|prior|add-role|group-rule|cooldown|gamma|cold-start|timezone|meal-time|variety}
 * and {@code /eat-admin veto add|remove|list}: this server's suggestion settings and server-wide vetoes.
 */
public final class EatAdminCommand extends DefinedCommand {
    public EatAdminCommand(EatService service) {
        this(service, new Handlers(service));
    }

    public EatAdminCommand(EatService service, Handlers handlers) {
        super(Commands.ADMIN, service, handlers);
    }

    @Override
    public Reply run(Call call) {
        String guild = call.guildId();
        String sub = call.subcommand() == null ? "" : call.subcommand();
        if (sub.startsWith("veto ")) return answer(call, sub);
        Args a = new Args(Commands.ADMIN, call.subcommand(), call::option, call.locale());
        GuildSettings s = switch (sub) {
            case "show" -> service.settings(guild);
            case "policy" -> service.setPolicy(guild, a.text("name"));
            case "exploration" -> service.setExploration(guild, a.number("epsilon"), a.number("c"));
            case "prior" -> service.setPrior(guild, a.number("alpha"), a.number("beta"));
            case "add-role" -> service.setAddRole(guild, call.option("role"));
            case "group-rule" -> service.setGroupRule(guild, a.text("rule"));
            case "cooldown" -> service.setCooldown(guild, a.whole("days"));
            case "gamma" -> service.setGamma(guild, a.number("value"));
            case "cold-start" -> service.setColdStart(guild, a.number("strength"));
            case "timezone" -> service.setTimeZone(guild, a.text("zone"));
            case "meal-time" -> service.setMealTime(guild, a.text("time"));
            case "variety" -> service.setVariety(guild, a.number("value"));
            default -> throw new EatException(Refusals.use(definition(), call.locale()));
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

}
