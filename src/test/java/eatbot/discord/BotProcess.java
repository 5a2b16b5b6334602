package eatbot.discord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static eatbot.discord.DiscordDouble.awaitCondition;

/** A real bot in a child JVM (the jar's main, this build's classes), its log in a file the test reads. */
final class BotProcess implements AutoCloseable {
    final String name;
    final Process process;
    final Path log;

    private BotProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static BotProcess start(String name, Path dir, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx160m", "-Xss512k",
                "-cp", cp, "eatbot.Main");
        pb.directory(dir.toFile());
        Map<String, String> e = new HashMap<>(env);
        pb.environment().putAll(e);
        Path log = dir.resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new BotProcess(name, pb.start(), log);
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the log has a line containing every one of {@code parts}; returns it. */
    String awaitLine(Duration patience, String... parts) {
        try {
            return awaitLine0(patience, parts);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + name + "'s log ends:\n" + tail(), e);
        }
    }

    private String awaitLine0(Duration patience, String... parts) {
        return awaitCondition(name + " to log " + List.of(parts), () -> {
            if (!process.isAlive() && output().lines().noneMatch(l -> List.of(parts).stream().allMatch(l::contains))) {
                throw new AssertionError(name + " ended (" + process.exitValue() + "):\n" + tail());
            }
            return output().lines().filter(l -> List.of(parts).stream().allMatch(l::contains)).findFirst();
        }, patience);
    }

    String tail() {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) throw new AssertionError("kill -" + signal + " failed");
    }

    @Override
    public void close() throws Exception {
        if (!process.isAlive()) return;
        try {
            signal("CONT"); // a stopped process cannot act on SIGTERM
        } catch (AssertionError ignored) {
            // gone meanwhile
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    static Optional<Boolean> yes(boolean b) {
        return b ? Optional.of(true) : Optional.empty();
    }
}
