package eatbot.commands;

import eatbot.eat.EatService;
import eatbot.eat.MealPlan;
import eatbot.i18n.Messages;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code /eat plan} (Discord: {@code /eat-plan}): one line a day, liking and variety. Advice only: nothing is recorded. */
final class PlanHandler implements Handler {
    private final EatService service;

    PlanHandler(EatService service) {
        this.service = service;
    }

    @Override
    public Answer handle(Invocation in) {
        int days = in.options().whole("days", Commands.PLAN_DAYS);
        MealPlan plan = service.plan(Asking.request(in), days);
        Messages m = Messages.of(in.locale());
        Style st = in.style();
        DateTimeFormatter day = DateTimeFormatter.ofPattern(m.text("pick.date.pattern"), m.locale());
        List<String> lines = new ArrayList<>();
        lines.add(m.text("plan.for", HistoryHandler.people(plan.members(), in)));
        for (MealPlan.Day d : plan.days()) {
            lines.add(st.strong(day.format(d.date())) + " · " + (d.closed() ? m.text("plan.closed", plan.mealTime())
                    : st.name(d.place().name()) + (d.place().tags().isEmpty() ? "" : " [" + st.name(String.join(", ", d.place().tags())) + "]")
                    + " · " + m.text("plan.reason." + d.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        }
        return new Answer.Lines(m.count("plan.title", plan.days().size(), plan.mealTime()), lines, m.text("plan.footer"), false);
    }
}
