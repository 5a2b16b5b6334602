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
        assertEquals("policy,t,mean_regret,sd_regret,bound", lines.get(0));
        List<String> policies = new ArrayList<>();
        String previousPolicy = null;
        String previousLast = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(5, f.length, line);
            if (!f[0].equals(previousPolicy)) {
                if (previousLast != null) assertEquals("2500", previousLast, "last checkpoint of " + previousPolicy);
                policies.add(f[0]);
                previousPolicy = f[0];
            }
            previousLast = f[1];
            assertTrue(Double.parseDouble(f[2]) >= 0 && Double.parseDouble(f[3]) >= 0, line);
        }
        assertEquals("2500", previousLast);
        assertEquals(List.of("thompson", "ucb1", "epsilon-greedy"), policies);
        assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith("2500 ")), "table shows the horizon:\n" + o.out());
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
