package eatbot.sim;

import eatbot.bandit.Policies;
import eatbot.bandit.Policy;
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
 * {@code eatbot simulate}: the policies on a seeded Bernoulli bandit, cumulative
 * regret at log-spaced checkpoints beside the Lai–Robbins asymptotic rate C·ln t
 * and the most regret t pulls can have. Defaults are
 * Chapelle &amp; Li's (2011) K = 10, μ* = 0.5, ε = 0.1.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the policies on a seeded Bernoulli bandit and prints mean cumulative regret",
                "at log-spaced checkpoints, beside C*ln(t), the Lai-Robbins asymptotic rate for the same arms",
                "(a lower bound only as t grows large), and the most regret t pulls can have.",
                "Exit status: 0 done, 2 a bad option, 8 --csv or --png cannot be written."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--arms", paramLabel = "K", description = "number of arms (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int arms;

    @Option(names = "--best", paramLabel = "MU", description = "mean of the best arm (default: ${DEFAULT-VALUE})", defaultValue = "0.5")
    double best;

    @Option(names = "--gap", paramLabel = "EPS", description = "every other arm pays best - gap (default: ${DEFAULT-VALUE})", defaultValue = "0.1")
    double gap;

    @Option(names = "--means", paramLabel = "a,b,c", split = ",", description = "explicit arm means instead of --arms/--best/--gap")
    List<Double> means;

    @Option(names = "--horizon", paramLabel = "T", description = "pulls per run (default: ${DEFAULT-VALUE})", defaultValue = "1000000")
    String horizon;

    @Option(names = "--runs", paramLabel = "R", description = "independent runs averaged (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int runs;

    @Option(names = "--seed", paramLabel = "S", description = "the experiment's seed (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--policies", paramLabel = "P,Q", split = ",", description = "policies to compare (default: thompson,ucb1,epsilon-greedy)",
            defaultValue = "thompson,ucb1,epsilon-greedy")
    List<String> policies;

    @Option(names = "--epsilon", paramLabel = "X", description = "exploration rate of epsilon-greedy (default: ${DEFAULT-VALUE})", defaultValue = "0.1")
    double epsilon;

    @Option(names = "--ucb-c", paramLabel = "C", description = "UCB1's exploration constant (default: ${DEFAULT-VALUE})", defaultValue = "1")
    double ucbC;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads; the result does not depend on it (default: all cores)")
    Integer threads;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write " + CSV_HEADER)
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "also draw the regret curves (log-x) to a PNG")
    Path png;

    /** Exit status when --csv or --png cannot be written (2 is a bad option, as for every subcommand). */
    public static final int CANNOT_WRITE = 8;

    @Override
    public Integer call() throws Exception {
        long t = parseHorizon();
        BernoulliBandit bandit = bandit();
        List<Policy> ps = policies();
        if (runs < 1) throw fail("--runs must be at least 1, got " + runs);
        if (threads != null && threads < 1) throw fail("--threads must be at least 1, got " + threads);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        // before the runs, which may take minutes: a path that cannot be written is found now, not after
        for (Path file : new Path[] {csv, png}) {
            if (file == null) continue;
            try {
                probeWritable(file);
            } catch (IOException e) {
                return cannotWrite(err, file, e);
            }
        }

        long started = System.nanoTime();
        List<Experiment.Curve> curves = new Experiment(bandit, ps, Checkpoints.logSpaced(t, 10), runs, seed).run(n);
        double seconds = (System.nanoTime() - started) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        printTable(out, bandit, curves);
        out.flush();
        try {
            if (csv != null) writeCsv(csv, bandit, curves);
        } catch (IOException e) {
            return cannotWrite(err, csv, e);
        }
        try {
            if (png != null) RegretChart.write(png, title(bandit, t), bandit, curves);
        } catch (IOException e) {
            return cannotWrite(err, png, e);
        }
        err.printf(Locale.ROOT, "simulate: %d policies x %d runs x %d pulls in %.1f s on %d threads%n",
                ps.size(), runs, t, seconds, n);
        return 0;
    }

    /** Creates the folder and the file if need be (an empty new file is removed again), so a bad path fails early. */
    private static void probeWritable(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (Files.exists(file)) {
            if (Files.isDirectory(file)) throw new IOException("it is a folder");
            try (var ignored = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
                // opened for appending: writable, and nothing in it changed
            }
        } else {
            Files.createFile(file);
            Files.delete(file);
        }
    }

    private static int cannotWrite(PrintWriter err, Path file, IOException e) {
        String reason = e.getMessage() == null || e.getMessage().equals(file.toString()) ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        err.println(eatbot.eat.Names.oneLine("eatbot simulate: cannot write " + file + " (" + reason + "); choose a file in a folder you can write to."));
        err.flush();
        return CANNOT_WRITE;
    }

    private long parseHorizon() {
        long t;
        try {
            // 1e7 is easier to type than 10000000
            double d = Double.parseDouble(horizon.trim());
            if (d != Math.rint(d) || d > Long.MAX_VALUE) throw new NumberFormatException();
            t = (long) d;
        } catch (NumberFormatException e) {
            throw fail("--horizon must be a whole number of pulls such as 1000000 or 1e6, got '" + horizon + "'");
        }
        if (t < 1) throw fail("--horizon must be at least 1, got " + horizon);
        return t;
    }

    private BernoulliBandit bandit() {
        if (means != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--arms")
                    || spec.commandLine().getParseResult().hasMatchedOption("--best")
                    || spec.commandLine().getParseResult().hasMatchedOption("--gap")) {
                throw fail("--means cannot be combined with --arms, --best or --gap");
            }
            if (means.size() < 2) throw fail("--means needs at least two arms, got " + means.size());
            for (double m : means) if (!(m >= 0 && m <= 1)) throw fail("--means must all be in [0, 1], got " + m);
            return new BernoulliBandit(means.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (arms < 2) throw fail("--arms must be at least 2, got " + arms);
        if (!(best > 0 && best <= 1)) throw fail("--best must be in (0, 1], got " + best);
        if (!(gap > 0 && gap <= best)) throw fail("--gap must be in (0, best] = (0, " + best + "], got " + gap);
        return BernoulliBandit.withGap(arms, best, gap);
    }

    private List<Policy> policies() {
        List<Policy> out = new ArrayList<>();
        if (!(epsilon >= 0 && epsilon <= 1)) throw fail("--epsilon must be in [0, 1], got " + epsilon);
        if (!(ucbC > 0 && Double.isFinite(ucbC))) throw fail("--ucb-c must be above 0, got " + ucbC);
        for (String name : new LinkedHashSet<>(policies)) {
            try {
                out.add(Policies.of(name, epsilon, ucbC));
            } catch (IllegalArgumentException e) {
                throw fail("--policies: " + e.getMessage());
            }
        }
        return out;
    }

    private ParameterException fail(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String title(BernoulliBandit b, long t) {
        String arms = means != null ? "means " + means : String.format(Locale.ROOT, "K = %d, μ* = %s, ε = %s", b.arms(), fmt(best), fmt(gap));
        return String.format(Locale.ROOT, "%s, T = %.0e, %d runs, seed %d", arms, (double) t, runs, seed);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static void printTable(PrintWriter out, BernoulliBandit bandit, List<Experiment.Curve> curves) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%12s", "t"));
        for (Experiment.Curve c : curves) head.append(String.format(Locale.ROOT, " %16s", c.policy().name()));
        head.append(String.format(Locale.ROOT, " %16s %16s", "C*ln(t) asympt.", "max possible"));
        out.println(head);
        long[] ts = curves.get(0).t();
        for (int i = 0; i < ts.length; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%12d", ts[i]));
            for (Experiment.Curve c : curves) row.append(String.format(Locale.ROOT, " %16.2f", c.mean()[i]));
            row.append(String.format(Locale.ROOT, " %16.2f %16.2f", bandit.laiRobbinsAsymptote(ts[i]), bandit.maxRegret(ts[i])));
            out.println(row);
        }
        out.println(asymptoteNote(bandit));
    }

    /** What the C·ln t column is, in one line under the table. */
    static String asymptoteNote(BernoulliBandit bandit) {
        return String.format(Locale.ROOT, "C*ln(t): the Lai-Robbins asymptotic rate, C = %.2f: a lower bound on regret only as t -> infinity"
                + " (at small t it can exceed the max possible regret).", bandit.laiRobbinsConstant());
    }

    /** The CSV's header: the asymptote is named as what it is, beside the most regret t pulls can have. */
    public static final String CSV_HEADER = "policy,t,mean_regret,sd_regret,lai_robbins_asymptote,max_regret";

    static void writeCsv(Path file, BernoulliBandit bandit, List<Experiment.Curve> curves) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER + "\n");
            for (Experiment.Curve c : curves) {
                for (int i = 0; i < c.t().length; i++) {
                    w.write(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.6f%n", c.policy().name(), c.t()[i],
                            c.mean()[i], c.sd()[i], bandit.laiRobbinsAsymptote(c.t()[i]), bandit.maxRegret(c.t()[i])));
                }
            }
        }
    }

    /** For tests and tools: parse and run with the given streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new SimulateCommand());
    }
}
