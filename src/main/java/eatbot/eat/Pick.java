package eatbot.eat;

import eatbot.bandit.GroupRule;

import java.time.Instant;
import java.util.List;

/**
 * What a suggestion's reply says about its pick, worked out beside the choice
 * from the posteriors of the places in the running (see {@link #label}).
 *
 * @param label    the words for the pick
 * @param likes    the 👍 of everyone it was made for on this place (the group's, not only the asker's)
 * @param dislikes their 👎 likewise
 * @param resting  places resting after a meal that rank above the pick (best first)
 * @param leftOut  the best place for these people when a filter, veto or opening hours took it out, else null
 */
public record Pick(Label label, int likes, int dislikes, List<Resting> resting, LeftOut leftOut) {
    /** Fewer reactions than this from someone eating, and a place is still new to them. */
    public static final int LITTLE_EVIDENCE = 3;

    public Pick {
        resting = List.copyOf(resting);
    }

    public enum Label {
        /** The best posterior mean of the places in the running, with 👍 from the group (by its rule). */
        FAVOURITE("⭐"),
        /** The best in the running, but a better place was resting, vetoed or filtered out. */
        BEST_LEFT("↪️"),
        /** Little evidence: fewer than {@link #LITTLE_EVIDENCE} reactions (for a group, by its rule). */
        NEW("🧭"),
        /** The best in the running, known well enough, but without 👍 (for a group, by its rule). */
        LEAST_DISLIKED("🤷"),
        /** Known well enough and not the best known: its random draw won (Thompson sampling's doubt). */
        ANOTHER_CHANCE("🎲");

        private final String emoji;

        Label(String emoji) {
            this.emoji = emoji;
        }

        public String emoji() {
            return emoji;
        }

        /** In English, lower case, as in "Pho 99 — a favourite"; other languages: {@link PickText#label}. */
        public String words() {
            return PickText.label(this, eatbot.i18n.Messages.ENGLISH);
        }
    }

    /** A place resting after a meal: {@code who} (of the people asking) went at {@code went}; it rests until {@code until}. */
    public record Resting(Option place, Instant went, Instant until, List<String> who) {
        public Resting {
            who = List.copyOf(who);
        }
    }

    /** The best place for these people, taken out by the step named {@code step} (not:spicy, your vetoes, ...). */
    public record LeftOut(Option place, String step) {}

    /**
     * The label of a pick, by these rules in order: the best mean in the
     * running with a better place taken out is {@link Label#BEST_LEFT}; the best
     * with 👍 evidence is {@link Label#FAVOURITE}; a place with little evidence
     * (fewer than {@link #LITTLE_EVIDENCE} 👍 + 👎) is {@link Label#NEW}; the best
     * without 👍 is {@link Label#LEAST_DISLIKED}; anything else is {@link Label#ANOTHER_CHANCE}.
     * A group's evidence goes by its rule: with {@code average} some 👍 from
     * anyone counts and the evidence is the members' mean count; with
     * {@code least-misery} and {@code product} (no one left unhappy) each member
     * must have said 👍, and the evidence is the fewest anyone gave.
     *
     * @param means     the group's posterior mean (by the group rule) of each place in the running
     * @param chosen    the index of the pick in {@code means}
     * @param betterOut whether a place taken out (resting, vetoed, filtered, closed) has a higher mean than the pick
     * @param likes     each member's 👍 on the pick
     * @param ratings   each member's 👍 + 👎 on the pick
     */
    public static Label label(double[] means, int chosen, boolean betterOut, int[] likes, int[] ratings, GroupRule rule) {
        double best = Double.NEGATIVE_INFINITY;
        for (double m : means) best = Math.max(best, m);
        boolean top = means[chosen] >= best - 1e-9; // a tie for the best is the best
        boolean liked;
        double evidence;
        if (rule == GroupRule.AVERAGE) {
            liked = java.util.Arrays.stream(likes).anyMatch(n -> n > 0);
            evidence = java.util.Arrays.stream(ratings).average().orElse(0);
        } else {
            liked = java.util.Arrays.stream(likes).allMatch(n -> n > 0);
            evidence = java.util.Arrays.stream(ratings).min().orElse(0);
        }
        if (top && betterOut) return Label.BEST_LEFT;
        if (top && liked) return Label.FAVOURITE;
        if (evidence < LITTLE_EVIDENCE) return Label.NEW;
        if (top) return Label.LEAST_DISLIKED;
        return Label.ANOTHER_CHANCE;
    }
}
