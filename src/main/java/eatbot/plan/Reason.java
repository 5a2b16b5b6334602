package eatbot.plan;

/** Why a day of the plan has its place, in the words shown beside it. */
public enum Reason {
    /** The group's best-known place among those open that day, and the draw agreed. */
    FAVOURITE("favourite"),
    /** Drawn above the best-known place: the plan tries something less known. */
    EXPLORING("exploring"),
    /** A place with a higher liking that day was given up to avoid a repeat. */
    FOR_VARIETY("for variety");

    private final String text;

    Reason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * The reason for each day of the plan.
     *
     * @param means the group's posterior mean liking per place (combined by the group rule)
     */
    public static Reason[] of(WeekModel m, Plan plan, double[] means) {
        Reason[] out = new Reason[plan.days()];
        for (int t = 0; t < plan.days(); t++) {
            int a = plan.at(t);
            if (a == WeekModel.NONE) continue;
            double topLiking = Double.NEGATIVE_INFINITY;
            double topMean = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m.size(); i++) {
                if (!m.open(t, i)) continue;
                topLiking = Math.max(topLiking, m.liking(i));
                topMean = Math.max(topMean, means[i]);
            }
            out[t] = m.liking(a) < topLiking ? FOR_VARIETY : means[a] >= topMean ? FAVOURITE : EXPLORING;
        }
        return out;
    }
}
