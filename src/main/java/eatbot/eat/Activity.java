package eatbot.eat;

import java.time.Duration;

/**
 * What people did through a front end, told to whoever counts it (the Prometheus
 * metrics in {@code eatbot.ops}). The front ends call it; the domain does not, and
 * knows nothing of how it is counted.
 */
public interface Activity {
    /** A suggestion was shown. */
    void suggested(String frontEnd);

    /** A 👍/👎 was recorded ({@code added}) or taken back; only changes count, not replays. */
    void reacted(String frontEnd, Reaction reaction, boolean added);

    /** A command was refused or answered with an error the user must act on (the limits, a bad option…). */
    void refused(String frontEnd, String command);

    /** How long a command took, from the moment it arrived until its answer was handed back. */
    void handled(String frontEnd, String command, Duration took);

    /** Counts nothing: for tests, tools and front ends nobody monitors. */
    Activity NONE = new Activity() {
        @Override
        public void suggested(String frontEnd) {}

        @Override
        public void reacted(String frontEnd, Reaction reaction, boolean added) {}

        @Override
        public void refused(String frontEnd, String command) {}

        @Override
        public void handled(String frontEnd, String command, Duration took) {}
    };
}
