package eatbot.eat;

/** Why a suggestion was made, as seen by one person: the suggestion and that person's taste now. */
public record Why(Suggestion suggestion, Taste taste) {
}
