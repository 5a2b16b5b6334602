package eatbot.sim;

import eatbot.eat.GuildSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code eatbot simulate-week}: simulated teams who get bored of a cuisine eaten in
 * the last days, fed by three strategies; the mean satisfaction per meal of each.
 */
@Command(name = "simulate-week", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates teams who tire of a cuisine eaten in the last days, following a strategy's pick",
                "each day (daily Thompson, Thompson with the cooldown, or the week plan), and prints the",
                "mean satisfaction per meal (the team's mean chance of a thumbs-up) with its spread over runs."})
public final class SimulateWeekCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--people", paramLabel = "P", description = "people per team (default: ${DEFAULT-VALUE})", defaultValue = "4")
    int people;

    @Option(names = "--places", paramLabel = "K", description = "places, of K/4 cuisines (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int places;

    @Option(names = "--weeks", paramLabel = "W", description = "weeks per run, 7 meals each (default: ${DEFAULT-VALUE})", defaultValue = "12")
    int weeks;

    @Option(names = "--runs", paramLabel = "R", description = "independent teams averaged (default: ${DEFAULT-VALUE})", defaultValue = "100")
    int runs;

    @Option(names = "--seed", paramLabel = "S", description = "the experiment's seed (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--strategies", paramLabel = "A,B", split = ",", description = "strategies to compare (default: daily,cooldown,plan)",
            defaultValue = "daily,cooldown,plan")
    List<String> strategies;

    @Option(names = "--variety", paramLabel = "V", description = "the plan's variety, 0 to 1 (default: the servers' default)")
    Double variety;

    @Option(names = "--cooldown", paramLabel = "D", description = "the cooldown strategy's days (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int cooldown;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads; the result does not depend on it (default: all cores)")
    Integer threads;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write strategy,week,mean_satisfaction,sd_satisfaction")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "also draw the satisfaction per week to a PNG")
    Path png;

    @Override
    public Integer call() throws Exception {
        if (people < 1 || people > 50) throw fail("--people must be 1 to 50, got " + people);
        if (places < 2 || places > 500) throw fail("--places must be 2 to 500, got " + places);
        if (weeks < 1 || weeks > 520) throw fail("--weeks must be 1 to 520, got " + weeks);
        if (runs < 1) throw fail("--runs must be at least 1, got " + runs);
        if (cooldown < 0 || cooldown > 365) throw fail("--cooldown must be 0 to 365, got " + cooldown);
        double v = variety == null ? GuildSettings.DEFAULT_VARIETY : variety;
        if (!(v >= 0 && v <= 1)) throw fail("--variety must be 0 to 1, got " + variety);
        if (threads != null && threads < 1) throw fail("--threads must be at least 1, got " + threads);
        List<WeekExperiment.Strategy> chosen = new ArrayList<>();
        for (String s : new LinkedHashSet<>(strategies)) {
            try {
                chosen.add(WeekExperiment.Strategy.parse(s));
            } catch (IllegalArgumentException e) {
                throw fail("--strategies: " + e.getMessage());
            }
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        List<WeekExperiment.Result> results = new WeekExperiment(people, places, weeks, runs, seed, v, cooldown).run(chosen, n);
        double seconds = (System.nanoTime() - started) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-10s %18s %12s%n", "strategy", "satisfaction/meal", "sd over runs");
        for (WeekExperiment.Result r : results) out.printf(Locale.ROOT, "%-10s %18.4f %12.4f%n", r.strategy().id(), r.mean(), r.sd());
        out.flush();
        if (csv != null) writeCsv(csv, results);
        if (png != null) WeekChart.write(png, title(v), results);
        spec.commandLine().getErr().printf(Locale.ROOT, "simulate-week: %d strategies x %d runs x %d weeks in %.1f s on %d threads%n",
                chosen.size(), runs, weeks, seconds, n);
        return 0;
    }

    private String title(double v) {
        return String.format(Locale.ROOT, "%d people, %d places, %d runs, seed %d, variety %s, cooldown %d d", people, places, runs, seed,
                eatbot.eat.Numbers.format(v), cooldown);
    }

    static void writeCsv(Path file, List<WeekExperiment.Result> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("strategy,week,mean_satisfaction,sd_satisfaction\n");
            for (WeekExperiment.Result r : results) {
                for (int i = 0; i < r.weekMean().length; i++) {
                    w.write(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f%n", r.strategy().id(), i + 1, r.weekMean()[i], r.weekSd()[i]));
                }
            }
        }
    }

    private ParameterException fail(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** For tests and tools: parse and run with the given streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new SimulateWeekCommand());
    }
}
