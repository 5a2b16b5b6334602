package eatbot.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateWeekCommandTest {
    @TempDir Path dir;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SimulateWeekCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    /** The mean satisfaction per meal of each strategy, from the printed rows. */
    private static Map<String, Double> means(String out) {
        Map<String, Double> m = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && !f[0].equals("strategy")) m.put(f[0], Double.parseDouble(f[1]));
        }
        return m;
    }

    @Test
    void theWeekPlanPleasesBoredTeamsMoreThanThompsonEachDayWithOrWithoutTheCooldown() {
        Outcome o = run("--people", "4", "--places", "20", "--weeks", "12", "--runs", "100", "--seed", "1");
        assertEquals(0, o.exit(), o.err());
        assertTrue(o.out().startsWith("strategy"), o.out());
        Map<String, Double> m = means(o.out());
        assertEquals(List.of("daily", "cooldown", "plan").stream().sorted().toList(), m.keySet().stream().sorted().toList());
        assertTrue(m.get("plan") > m.get("cooldown"), o.out());
        assertTrue(m.get("plan") > m.get("daily"), o.out());
    }

    @Test
    void theSameSeedGivesTheSameFiguresWhateverTheThreadCountAndTheOtherStrategies() throws Exception {
        Path one = dir.resolve("one.csv");
        Path three = dir.resolve("three.csv");
        Outcome a = run("--places", "12", "--weeks", "4", "--runs", "9", "--seed", "5", "--threads", "1", "--csv", one.toString());
        Outcome b = run("--places", "12", "--weeks", "4", "--runs", "9", "--seed", "5", "--threads", "3", "--csv", three.toString());
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
        List<String> csv = Files.readAllLines(one);
        assertEquals("strategy,week,mean_satisfaction,sd_satisfaction", csv.get(0));
        assertEquals(1 + 3 * 4, csv.size());
        Outcome planOnly = run("--places", "12", "--weeks", "4", "--runs", "9", "--seed", "5", "--strategies", "plan");
        assertEquals(means(a.out()).get("plan"), means(planOnly.out()).get("plan"));
        Outcome other = run("--places", "12", "--weeks", "4", "--runs", "9", "--seed", "6");
        assertTrue(!other.out().equals(a.out()), "another seed, other teams");
    }

    @Test
    void drawsThePng() throws Exception {
        Path png = dir.resolve("out/week.png");
        Outcome o = run("--places", "8", "--weeks", "3", "--runs", "2", "--png", png.toString());
        assertEquals(0, o.exit(), o.err());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
    }

    @Test
    void badOptionsAreRefusedWithAClearMessage() {
        Outcome o = run("--strategies", "daily,greedy");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("unknown strategy 'greedy' (daily, cooldown or plan)"), o.err());
        Outcome v = run("--variety", "2");
        assertEquals(2, v.exit());
        assertTrue(v.err().contains("--variety must be 0 to 1, got 2.0"), v.err());
        assertTrue(run("--places", "1").err().contains("--places must be 2 to 500, got 1"));
    }
}
