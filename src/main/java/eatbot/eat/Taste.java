package eatbot.eat;

import java.util.List;

/** One person's learned taste in a guild, best first. */
public record Taste(String userId, List<Entry> entries) {

    /** The posterior for one place: Beta(alpha, beta), with the raw 👍/👎 counts. */
    public record Entry(Option option, double alpha, double beta, int likes, int dislikes) {
        public double mean() {
            return alpha / (alpha + beta);
        }

        public boolean rated() {
            return likes + dislikes > 0;
        }
    }

    public Taste {
        entries = List.copyOf(entries);
    }
}
