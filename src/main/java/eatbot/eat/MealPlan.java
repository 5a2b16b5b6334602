package eatbot.eat;

import eatbot.plan.Reason;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The answer to /eat plan: one day after another from {@code days.get(0).date()},
 * each with its place and why. Advice only: what really happens is recorded when
 * people decide a meal.
 *
 * @param members  the people the plan is for, the asker first
 * @param mealTime the time of day the opening hours were checked at
 */
public record MealPlan(List<String> members, LocalTime mealTime, List<Day> days) {
    public MealPlan {
        members = List.copyOf(members);
        days = List.copyOf(days);
    }

    /** One day: the place, or null when every place left is closed at the meal time that day (reason null too). */
    public record Day(LocalDate date, Option place, Reason reason) {
        public boolean closed() {
            return place == null;
        }
    }
}
