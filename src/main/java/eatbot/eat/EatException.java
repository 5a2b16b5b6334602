package eatbot.eat;

import eatbot.i18n.Messages;

import java.util.Locale;

/**
 * Something a user did that eatbot refuses, with the one-line message to show
 * them. Thrown before anything is written, so a refused command changes nothing.
 *
 * <p>A refusal made with {@link #of} carries a message key and its arguments, so each
 * front end shows it in its reader's language ({@link #text}); {@link #getMessage()} is
 * the English (logs, tests, callers that know no reader). One made from a plain text
 * is shown as it is in every language.
 */
public class EatException extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public EatException(String message) {
        super(message);
        this.key = null;
        this.args = new Object[0];
    }

    private EatException(String key, Object[] args) {
        super(Messages.ENGLISH.text(key, args));
        this.key = key;
        this.args = args;
    }

    /** A refusal worded by {@code key} in {@code eatbot/i18n/messages*.properties}; arguments as they are shown (escaped already). */
    public static EatException of(String key, Object... args) {
        return new EatException(key, args.clone());
    }

    /** The message key, or null for a refusal given as plain text. */
    public String key() {
        return key;
    }

    /** The refusal in the reader's words. */
    public String text(Messages words) {
        return key == null ? getMessage() : words.text(key, args);
    }

    /** The refusal for a reader of this locale (English when eatbot does not speak it). */
    public String text(Locale reader) {
        return text(Messages.of(reader));
    }
}
