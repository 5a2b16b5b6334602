package eatbot.store;

/** The database failed (not the user): logged in full, shown to users as a short apology. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
