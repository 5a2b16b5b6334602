package eatbot.eat;

/**
 * What one person's feedback says about one place: evidence for and against
 * (discounted weights when the guild forgets, else plain counts), and the raw
 * 👍/👎 counts. Stored as of the person's feedback step {@code step}; with a
 * discount γ &lt; 1 every later feedback of theirs shrinks it by γ, which
 * {@link #at(long, double)} applies lazily so one reaction writes one row.
 */
public record Preference(long optionId, double successes, double failures, int likes, int dislikes, long step) {

    /**
     * The discount: what one unit of evidence weighs {@code steps} feedback steps later, γ^steps.
     * The one place of this maths; the store's SQL copies (an upsert, a sum) are checked against it
     * by the store contract suite.
     */
    public static double weight(double gamma, long steps) {
        return gamma == 1.0 || steps == 0 ? 1.0 : Math.pow(gamma, steps);
    }

    public static Preference none(long optionId) {
        return new Preference(optionId, 0, 0, 0, 0, 0);
    }

    /** This evidence as seen from the person's step {@code now}, discounted by gamma per step. */
    public Preference at(long now, double gamma) {
        if (gamma == 1.0 || now == step) return new Preference(optionId, successes, failures, likes, dislikes, now);
        double f = weight(gamma, now - step);
        return new Preference(optionId, successes * f, failures * f, likes, dislikes, now);
    }

    /** Adds one event at step {@code now} (after discounting to it). */
    public Preference plus(Reaction r, long now, double gamma) {
        Preference p = at(now, gamma);
        return new Preference(optionId,
                p.successes + r.reward(), p.failures + 1 - r.reward(),
                likes + (r == Reaction.LIKE ? 1 : 0), dislikes + (r == Reaction.DISLIKE ? 1 : 0), now);
    }

    /** Removes an event made at step {@code eventStep} (its weight at this row's step). */
    public Preference minus(Reaction r, long eventStep, double gamma) {
        double w = weight(gamma, step - eventStep);
        double s = r == Reaction.LIKE ? Math.max(0, successes - w) : successes;
        double f = r == Reaction.DISLIKE ? Math.max(0, failures - w) : failures;
        return new Preference(optionId, clean(s), clean(f),
                likes - (r == Reaction.LIKE ? 1 : 0), dislikes - (r == Reaction.DISLIKE ? 1 : 0), step);
    }

    // rounding residue from subtracting what was added must not look like evidence
    private static double clean(double x) {
        return x < 1e-9 ? 0 : x;
    }
}
