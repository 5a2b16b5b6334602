package eatbot.discord.commands;

import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.MealPlan;
import eatbot.eat.SuggestRequest;
import net.dv8tion.jda.api.EmbedBuilder;
import eatbot.commands.Args;
import eatbot.commands.Asking;
import eatbot.commands.Commands;
import eatbot.commands.Handlers;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code /eat-plan [days:] [with:] [not:] [max-price:] [only:] [at:]}: the console's
 * {@code /eat plan} (a command of its own on Discord, since {@code /eat} has options).
 * An embed without buttons, in public like {@code /eat}: a plan is advice, and it
 * counts against the same per-minute limit.
 */
public final class EatPlanCommand extends DefinedCommand {
    public static final int DEFAULT_DAYS = Commands.PLAN_DAYS;
    private final EatRateLimit rateLimit;

    public EatPlanCommand(EatService service, EatRateLimit rateLimit) {
        this(service, rateLimit, new Handlers(service));
    }

    public EatPlanCommand(EatService service, EatRateLimit rateLimit, Handlers handlers) {
        super(Commands.PLAN, service, handlers);
        this.rateLimit = rateLimit;
    }

    /** Options that cannot make a plan are refused at once, only to the caller; then the rate limit. */
    @Override
    protected String check(Call call) {
        try {
            Asking.request(invocation(call, null));
            new Args(Commands.PLAN, null, call::option, call.locale()).whole("days");
        } catch (EatException e) {
            return e.text(call.locale());
        }
        return rateLimit.tryAcquire(call.guildId(), call.userId(), eatbot.i18n.Messages.of(call.locale()));
    }
}
