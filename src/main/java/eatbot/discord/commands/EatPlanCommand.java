package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.MealPlan;
import eatbot.eat.SuggestRequest;
import net.dv8tion.jda.api.EmbedBuilder;
import eatbot.commands.Args;
import eatbot.commands.Commands;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code /eat-plan [days:] [with:] [not:] [max-price:] [only:] [at:]}: the console's
 * {@code /eat plan} (a command of its own on Discord, since {@code /eat} has options).
 * An embed without buttons, in public like {@code /eat}: a plan is advice, and it
 * counts against the same per-minute limit.
 */
public final class EatPlanCommand extends SlashCommand {
    public static final int DEFAULT_DAYS = Commands.PLAN_DAYS;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private final EatService service;
    private final EatRateLimit rateLimit;

    public EatPlanCommand(EatService service, EatRateLimit rateLimit) {
        super(Commands.PLAN);
        this.service = service;
        this.rateLimit = rateLimit;
    }

    /** Options that cannot make a plan are refused at once, only to the caller; then the rate limit. */
    @Override
    protected String check(Call call) {
        try {
            EatCommand.request(call);
            days(call);
        } catch (EatException e) {
            return e.getMessage();
        }
        return rateLimit.tryAcquire(call.guildId(), call.userId());
    }

    @Override
    public Reply run(Call call) {
        SuggestRequest request = EatCommand.request(call);
        return show(service.plan(request, days(call)));
    }

    private static int days(Call call) {
        return new Args(Commands.PLAN, null, call::option, call.locale()).whole("days", DEFAULT_DAYS);
    }

    static Reply show(MealPlan plan) {
        StringBuilder b = new StringBuilder();
        for (MealPlan.Day d : plan.days()) {
            b.append("**").append(DAY.format(d.date())).append("** · ");
            if (d.closed()) {
                b.append("every place left is closed at ").append(plan.mealTime());
            } else {
                b.append(Text.limit(Text.escape(d.place().name()), 100));
                if (!d.place().tags().isEmpty()) b.append(" [").append(Text.limit(Text.escape(String.join(", ", d.place().tags())), 120)).append("]");
                b.append(" · ").append(d.reason().text());
            }
            b.append("\n");
        }
        return Reply.embed(new EmbedBuilder()
                .setTitle("A plan for " + plan.days().size() + (plan.days().size() == 1 ? " day" : " days") + ", meals at " + plan.mealTime())
                .setDescription(Text.limit("For " + SuggestionMessage.members(plan.members()) + "\n" + b.toString().strip(), 4000))
                .setFooter("Advice only: where you really go counts when someone presses We're going under an /eat suggestion.")
                .build());
    }
}
