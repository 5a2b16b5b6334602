package eatbot.eat;

import java.util.List;

/**
 * One past suggestion with what people said about it: who reacted 👍 and who 👎,
 * and the meal when its people decided to go (null when they did not, or undid it).
 */
public record PastSuggestion(Suggestion suggestion, List<String> liked, List<String> disliked, Meal meal) {
    public PastSuggestion {
        liked = List.copyOf(liked);
        disliked = List.copyOf(disliked);
    }

    public PastSuggestion(Suggestion suggestion, List<String> liked, List<String> disliked) {
        this(suggestion, liked, disliked, null);
    }

    public boolean decided() {
        return meal != null;
    }
}
