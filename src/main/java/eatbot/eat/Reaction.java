package eatbot.eat;

/** 👍 or 👎 on a suggestion: a reward of 1 or 0 for that person and place. */
public enum Reaction {
    LIKE(1, "👍"),
    DISLIKE(0, "👎");

    private final int reward;
    private final String emoji;

    Reaction(int reward, String emoji) {
        this.reward = reward;
        this.emoji = emoji;
    }

    public int reward() { return reward; }
    public String emoji() { return emoji; }

    /** 👎 for 👍 and 👍 for 👎. */
    public Reaction opposite() {
        return this == LIKE ? DISLIKE : LIKE;
    }

    public static Reaction ofReward(int reward) {
        return reward == 1 ? LIKE : DISLIKE;
    }

    /**
     * How one reaction on Discord is told from another of the same person and reward:
     * the emoji as sent ({@code 👍} and {@code 👍🏽} differ) and whether it is a super (burst) reaction,
     * which Discord keeps beside a normal one of the same emoji.
     */
    public static String variant(String emoji, boolean burst) {
        return burst ? emoji + " super" : emoji;
    }

    /** The reaction an emoji or its console spelling stands for, or null. */
    public static Reaction parse(String s) {
        if (s == null) return null;
        return switch (s.strip()) {
            case "👍", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "+1", ":+1:", ":thumbsup:" -> LIKE;
            case "👎", "👎🏻", "👎🏼", "👎🏽", "👎🏾", "👎🏿", "-1", ":-1:", ":thumbsdown:" -> DISLIKE;
            default -> null;
        };
    }
}
