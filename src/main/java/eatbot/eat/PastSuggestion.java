package eatbot.eat;

import java.util.List;

/** One past suggestion with what people said about it: who reacted 👍 and who 👎. */
public record PastSuggestion(Suggestion suggestion, List<String> liked, List<String> disliked) {
    public PastSuggestion {
        liked = List.copyOf(liked);
        disliked = List.copyOf(disliked);
    }
}
