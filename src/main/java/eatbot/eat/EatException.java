package eatbot.eat;

/**
 * Something a user did that eatbot refuses, with the one-line message to show
 * them. Thrown before anything is written, so a refused command changes nothing.
 */
public class EatException extends RuntimeException {
    public EatException(String message) {
        super(message);
    }
}
