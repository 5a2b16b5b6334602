package eatbot.plan;

/**
 * A solved plan: per day the index of the place in the model, or {@link WeekModel#NONE}
 * when nothing was open; and its value, the optimal total reward from the first day.
 */
public record Plan(int[] choice, double value) {
    public Plan {
        choice = choice.clone();
    }

    @Override
    public int[] choice() {
        return choice.clone();
    }

    public int at(int day) {
        return choice[day];
    }

    public int days() {
        return choice.length;
    }
}
