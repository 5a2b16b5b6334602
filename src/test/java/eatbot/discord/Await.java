package eatbot.discord;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** The double's polling wait (with a deadline), for tests outside this package. */
public final class Await {
    private Await() {}

    public static <T> T until(String what, Supplier<Optional<T>> probe, Duration patience) {
        return DiscordDouble.awaitCondition(what, probe, patience);
    }
}
