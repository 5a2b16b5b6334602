package eatbot.eat;

/**
 * What recording or retracting a reaction did. {@code changed} is false when
 * it was a repeat (already counted, or nothing to retract); {@code preference}
 * is the person's evidence for the place afterwards.
 */
public record FeedbackResult(boolean changed, Preference preference) {
}
