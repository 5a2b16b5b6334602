package eatbot.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    @TempDir Path dir;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SimulateCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static void assertRejected(String expectedMessage, String... args) {
        Outcome o = run(args);
        assertEquals(2, o.exit(), "exit code for " + String.join(" ", args));
        assertTrue(o.err().contains(expectedMessage), "expected '" + expectedMessage + "' in:\n" + o.err());
    }

    @Test
    void badOptionsAreRefusedWithAClearMessage() {
        assertRejected("--arms must be at least 2, got 1", "--arms", "1");
        assertRejected("--gap must be in (0, best]", "--gap", "0.7", "--best", "0.5");
        assertRejected("--best must be in (0, 1], got 1.5", "--best", "1.5");
        assertRejected("--horizon must be a whole number of pulls", "--horizon", "lots");
        assertRejected("--horizon must be at least 1", "--horizon", "0");
        assertRejected("--runs must be at least 1, got 0", "--runs", "0");
        assertRejected("unknown policy 'greedy'", "--policies", "thompson,greedy");
        assertRejected("--means cannot be combined with --arms", "--means", "0.1,0.2", "--arms", "3");
        assertRejected("--means must all be in [0, 1], got 1.2", "--means", "0.5,1.2");
        assertRejected("--means needs at least two arms", "--means", "0.5");
        assertRejected("--epsilon must be in [0, 1], got 2.0", "--epsilon", "2");
        assertRejected("Invalid value for option '--runs'", "--runs", "many");
        assertRejected("Possible solutions: --arms", "--arm", "5");
    }

    @Test
    void csvHasTheDocumentedHeaderAndEndsAtTheHorizon() throws Exception {
        Path csv = dir.resolve("out/regret.csv");
        Outcome o = run("--arms", "5", "--horizon", "2500", "--runs", "3", "--seed", "4", "--csv", csv.toString());
        assertEquals(0, o.exit(), o.err());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("policy,t,mean_regret,sd_regret,lai_robbins_asymptote,max_regret", lines.get(0));
        List<String> policies = new ArrayList<>();
        String previousPolicy = null;
        String previousLast = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(6, f.length, line);
            if (!f[0].equals(previousPolicy)) {
                if (previousLast != null) assertEquals("2500", previousLast, "last checkpoint of " + previousPolicy);
                policies.add(f[0]);
                previousPolicy = f[0];
            }
            previousLast = f[1];
            assertTrue(Double.parseDouble(f[2]) >= 0 && Double.parseDouble(f[3]) >= 0, line);
            assertTrue(Double.parseDouble(f[2]) <= Double.parseDouble(f[5]), "no run can beat the max possible regret: " + line);
        }
        assertEquals("2500", previousLast);
        assertEquals(List.of("thompson", "ucb1", "epsilon-greedy"), policies);
        assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith("2500 ")), "table shows the horizon:\n" + o.out());
    }

    @Test
    void theLaiRobbinsLineIsShownAsTheAsymptoteItIsNotAsABoundAtEveryT() throws Exception {
        Path csv = dir.resolve("k100.csv");
        Outcome o = run("--arms", "100", "--gap", "0.02", "--horizon", "10", "--runs", "2", "--policies", "thompson", "--csv", csv.toString());
        assertEquals(0, o.exit(), o.err());
        // at t = 2 C·ln t is 1,715 while two pulls can cost at most 0.04: the file says which column is which
        String[] t2 = Files.readAllLines(csv).stream().filter(l -> l.startsWith("thompson,2,")).findFirst().orElseThrow().split(",");
        assertEquals(1715.08, Double.parseDouble(t2[4]), 0.01);
        assertEquals(0.04, Double.parseDouble(t2[5]), 1e-9);
        List<String> table = o.out().lines().toList();
        assertTrue(table.get(0).contains("C*ln(t) asympt.") && table.get(0).contains("max possible") && !table.get(0).contains("bound"), table.get(0));
        assertTrue(table.get(table.size() - 1).startsWith("C*ln(t): the Lai-Robbins asymptotic rate, C = 2474.34:")
                && table.get(table.size() - 1).contains("only as t -> infinity"), o.out());

        BernoulliBandit bandit = BernoulliBandit.withGap(100, 0.5, 0.02);
        org.jfree.chart.JFreeChart chart = RegretChart.chart("t", bandit, new Experiment(bandit,
                List.of(new eatbot.bandit.ThompsonSampling()), new long[] {1, 2, 10}, 1, 1).run(1));
        var legend = ((org.jfree.data.xy.XYSeriesCollection) chart.getXYPlot().getDataset()).getSeries(1).getKey();
        assertEquals("Lai–Robbins asymptote C·ln T, C = 2474.3 (a lower bound only as T → ∞)", legend);
    }

    @Test
    void thompsonsFirstPullBetweenAWorseAndABetterUntriedArmIsAFairCoin() throws Exception {
        // regret at t = 1 is 0.5 when arm 0 (mean 0) is pulled, else 0: fair means 0.25, give or take 0.25 / sqrt(runs)
        int runs = 20_000;
        for (String seed : new String[] {"1", "2", "3"}) {
            Path csv = dir.resolve("first-" + seed + ".csv");
            Outcome o = run("--means", "0.0,0.5", "--horizon", "1", "--runs", String.valueOf(runs), "--seed", seed,
                    "--policies", "thompson", "--csv", csv.toString());
            assertEquals(0, o.exit(), o.err());
            double regret = finalRegret(csv, "thompson");
            assertEquals(0.25, regret, 5 * 0.25 / Math.sqrt(runs), "mean regret of the first pull, seed " + seed + " (5 standard errors)");
        }
    }

    @Test
    void anUnwritableCsvOrPngIsRefusedInOneLineBeforeTheRuns() throws Exception {
        Path aFile = Files.writeString(dir.resolve("not-a-folder"), "x");
        for (String option : new String[] {"--csv", "--png"}) {
            Path target = aFile.resolve("regret.out");
            Outcome o = run("--arms", "3", "--horizon", "100", "--runs", "2", option, target.toString());
            assertEquals(SimulateCommand.CANNOT_WRITE, o.exit(), option + ": " + o.err());
            List<String> lines = o.err().lines().toList();
            assertEquals(1, lines.size(), o.err());
            assertTrue(lines.get(0).startsWith("eatbot simulate: cannot write " + target + " (")
                    && lines.get(0).endsWith("); choose a file in a folder you can write to.") && lines.get(0).length() <= 200, lines.get(0));
            assertEquals("", o.out(), "nothing was run");
        }
    }

    @Test
    void theSameSeedGivesTheSameResultWhateverTheThreadCount() throws Exception {
        Path one = dir.resolve("one.csv");
        Path three = dir.resolve("three.csv");
        String[] common = {"--arms", "8", "--gap", "0.05", "--horizon", "3000", "--runs", "6", "--seed", "99"};
        assertEquals(0, run(concat(common, "--threads", "1", "--csv", one.toString())).exit());
        assertEquals(0, run(concat(common, "--threads", "3", "--csv", three.toString())).exit());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));

        Path otherSeed = dir.resolve("other.csv");
        String[] changed = common.clone();
        changed[changed.length - 1] = "100";
        assertEquals(0, run(concat(changed, "--threads", "2", "--csv", otherSeed.toString())).exit());
        assertTrue(!Files.readString(one).equals(Files.readString(otherSeed)), "another seed gives other runs");
    }

    @Test
    void thompsonEndsWithLessRegretThanEpsilonGreedy() throws Exception {
        Path csv = dir.resolve("cmp.csv");
        Outcome o = run("--arms", "10", "--horizon", "20000", "--runs", "8", "--seed", "3",
                "--policies", "thompson,epsilon-greedy", "--csv", csv.toString());
        assertEquals(0, o.exit(), o.err());
        double thompson = finalRegret(csv, "thompson");
        double greedy = finalRegret(csv, "epsilon-greedy");
        assertTrue(thompson < greedy, "thompson " + thompson + " vs epsilon-greedy " + greedy);
    }

    @Test
    void drawsThePng() throws Exception {
        Path png = dir.resolve("regret.png");
        assertEquals(0, run("--arms", "3", "--horizon", "500", "--runs", "2", "--png", png.toString()).exit());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "a PNG file");
    }

    private static double finalRegret(Path csv, String policy) throws Exception {
        double last = Double.NaN;
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f[0].equals(policy)) last = Double.parseDouble(f[2]);
        }
        return last;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
