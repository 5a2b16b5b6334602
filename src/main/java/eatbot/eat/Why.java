package eatbot.eat;

import java.util.List;

/**
 * Why a suggestion was made: the suggestion, what it was decided on, and the
 * candidates as places (index-aligned with {@link Reasons#optionIds}); {@code asker}
 * is who asked for the picture (their panel is called "you").
 */
public record Why(Suggestion suggestion, Reasons reasons, List<Option> candidates, String asker) {
    public Why {
        candidates = List.copyOf(candidates);
        if (candidates.size() != reasons.candidates()) throw new IllegalArgumentException("candidates and reasons disagree");
    }

    /** The chosen place's position among the candidates. */
    public int chosen() {
        return reasons.indexOf(suggestion.option().id());
    }
}
