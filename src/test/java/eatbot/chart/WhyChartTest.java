package eatbot.chart;

import eatbot.ServiceFixture;
import eatbot.console.Console;
import eatbot.discord.commands.EatRateLimit;
import eatbot.discord.commands.EatWhyCommand;
import eatbot.discord.commands.FakeCall;
import eatbot.discord.commands.Reply;
import eatbot.eat.Reasons;
import eatbot.eat.EatException;
import eatbot.eat.EatService;
import eatbot.eat.Option;
import eatbot.eat.Reaction;
import eatbot.eat.SuggestRequest;
import eatbot.eat.Suggestion;
import eatbot.eat.Taste;
import eatbot.eat.Why;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The picture of why, from a real service on a real SQLite file: what was decided
 * (kept with the suggestion), only the candidates, one panel per member, the pick
 * highlighted in its own colour, the draws that decided, read back from the PNG.
 */
class WhyChartTest {
    private static final String G = "guild";
    @TempDir Path dir;
    ServiceFixture f;
    EatService service;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir, 7);
        service = f.service;
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Option add(String name, String tags) {
        return service.addPlace(G, "admin", name, tags);
    }

    /** Reactions of one person to one place, through suggestions of just that place. */
    private void rate(String user, Option place, Reaction r, int times) {
        f.rate(G, user, place, r, times);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "a PNG an image reader can decode");
        return img;
    }

    /** Pixels of exactly this colour: a curve or legend swatch drawn in it. */
    private static int pixels(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) n++;
        }
        return n;
    }

    /**
     * Panels as a reader sees them: down a column through the middle of the plots, the
     * stretches of the panels' grey background (and what is drawn on it) taller than a line
     * of text, separated by the white around the panels.
     */
    private static int panels(BufferedImage img) {
        int x = img.getWidth() / 2, run = 0, count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            boolean white = (img.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF;
            if (!white) run++;
            if (white || y == img.getHeight() - 1) {
                if (run > 60) count++;
                run = 0;
            }
        }
        return count;
    }

    @Test
    void thePictureIsOfTheMomentOfDecisionForEveryMemberWithOnlyTheCandidates() throws IOException {
        Option pho = add("Pho 99", "soup");
        Option bowl = add("Green Bowl", "salad");
        Option tacos = add("Taco Truck", "mexican");
        Option ramen = add("Ramen Ya", "ramen");
        rate("alice", pho, Reaction.LIKE, 3);
        Suggestion s = service.suggest(new SuggestRequest(G, "alice", List.of("alice", "bob"), Set.of()).filtered("ramen", null, null));
        // after the suggestion alice changes her mind: the picture must not
        rate("alice", pho, Reaction.DISLIKE, 4);

        Why why = service.why(G, s.id(), "alice");
        Reasons d = why.reasons();
        assertEquals(Set.of(pho.id(), bowl.id(), tacos.id()), why.candidates().stream().map(Option::id).collect(Collectors.toSet()),
                "the filtered place was not in the running");
        assertEquals(1, d.notInRunning());
        Reasons.Member alice = d.members().get(0);
        int p = d.indexOf(pho.id());
        assertEquals(4f, alice.alpha()[p], "alice's 3 👍 at the time, on the Beta(1, 1) prior");
        assertEquals(1f, alice.beta()[p], "her later 👎 are not in the picture of that decision");
        Taste now = service.taste(G, "alice");
        assertEquals(5.0, now.entries().stream().filter(e -> e.option().id() == pho.id()).findFirst().orElseThrow().beta(),
                "while her taste now has them");

        // Thompson: the pick had the best combination (least misery) of the draws kept
        double[] combined = d.combinedScores();
        for (int i = 0; i < combined.length; i++) {
            double lowest = Math.min(d.members().get(0).score()[i], d.members().get(1).score()[i]);
            assertEquals(lowest, combined[i], 1e-9);
            assertTrue(combined[why.chosen()] >= combined[i], "the pick's lowest draw is the highest");
        }

        WhyChart.Picture picture = WhyChart.layout(why, id -> id);
        assertEquals(List.of("you", "bob"), picture.panels().stream().map(WhyChart.Panel::who).toList(), "one panel per member");
        assertEquals(s.option().id(), picture.chosen().optionId());
        assertFalse(picture.places().stream().anyMatch(pl -> pl.optionId() == ramen.id()), "no curve for the filtered place");
        for (WhyChart.Panel panel : picture.panels()) {
            for (WhyChart.Curve c : panel.curves()) {
                Reasons.Member m = d.members().stream().filter(mm -> panel.who().equals("you") ? mm.userId().equals("alice")
                        : mm.userId().equals(panel.who())).findFirst().orElseThrow();
                assertEquals(m.score()[d.indexOf(c.place().optionId())], c.mark(), 1e-6, "each curve carries its draw");
            }
        }
        // bob has rated nothing: his three curves are one Beta(1, 1), drawn dashed over each other and said so
        WhyChart.Panel bob = picture.panels().get(1);
        assertNull(bob.curves().get(0).sameAs());
        assertEquals(bob.curves().get(0).place().name(), bob.curves().get(1).sameAs());
        assertEquals(bob.curves().get(0).place().name(), bob.curves().get(2).sameAs());

        BufferedImage img = decode(WhyChart.png(picture));
        assertEquals(2, panels(img), "two panels in the image");
        // (twins are drawn dashed over the pick, so count its colour, not compare it with theirs)
        assertTrue(pixels(img, PlaceColours.of(s.option().id())) > 200, "the pick drawn in its colour");
        assertEquals(0, pixels(img, PlaceColours.of(ramen.id())), "nothing in the filtered place's colour");
        assertEquals("Not in the running, not drawn: 1 other place (1 × not:ramen).", picture.notes().get(2), "and why");
    }

    @Test
    void thePictureSaysWhyPlacesWereNotInTheRunningWithoutSayingWhoseVetoItWas() {
        Option pho = add("Pho 99", "");
        Option tacos = add("Taco Truck", "");
        add("Green Bowl", "");
        add("Noodle Bar", "");
        service.veto(G, "bob", "Taco Truck", null);
        Suggestion s = service.suggest(new SuggestRequest(G, "alice", List.of("alice", "bob"), Set.of(pho.id())));
        WhyChart.Picture picture = WhyChart.layout(service.why(G, s.id(), "alice"), id -> id);
        assertEquals("Not in the running, not drawn: 2 other places (1 × a member's vetoes; 1 × already offered).",
                picture.notes().get(2));
        assertFalse(picture.places().stream().anyMatch(pl -> pl.optionId() == tacos.id() || pl.optionId() == pho.id()));
    }

    @Test
    void aDuplicatedInteractionKeepsTheFirstDeliverysReasons() {
        for (int i = 0; i < 6; i++) add("Place " + i, "");
        SuggestRequest asked = SuggestRequest.forUser(G, "carol").fromInteraction("interaction-1");
        Suggestion first = service.suggest(asked);
        Reasons kept = service.why(G, first.id(), "carol").reasons();
        Suggestion again = service.suggest(asked);
        assertEquals(first.id(), again.id());
        Reasons after = service.why(G, first.id(), "carol").reasons();
        assertArrayEquals(kept.optionIds(), after.optionIds());
        assertArrayEquals(kept.members().get(0).score(), after.members().get(0).score(), "the draws of the delivery that was stored");
    }

    @Test
    void aLoneAskerGetsOnePanelAndTheWinnersDrawIsTheHighest() throws IOException {
        for (int i = 0; i < 5; i++) add("Place " + i, "");
        Suggestion s = service.suggest(SuggestRequest.forUser(G, "carol"));
        Why why = service.why(G, s.id(), "carol");
        WhyChart.Picture picture = WhyChart.layout(why, id -> id);
        assertEquals(1, picture.panels().size());
        double best = picture.panels().get(0).curves().stream().mapToDouble(WhyChart.Curve::mark).max().orElseThrow();
        WhyChart.Curve chosen = picture.panels().get(0).curves().stream().filter(c -> c.place().chosen()).findFirst().orElseThrow();
        assertEquals(best, chosen.mark(), "the pick's dot is the rightmost: its draw was the highest");
        assertTrue(picture.chosen().legend().startsWith("» "));
        assertTrue(picture.places().stream().filter(pl -> !pl.chosen()).allMatch(pl -> pl.legend().contains("(= ")),
                "identical in every panel: the legend says which curve each one hides behind");
        assertEquals(1, panels(decode(WhyChart.png(picture))));

        Suggestion trio = service.suggest(new SuggestRequest(G, "carol", List.of("carol", "dan", "erin"), Set.of()));
        assertEquals(3, panels(decode(WhyChart.png(service.why(G, trio.id(), "dan"), id -> id))));
    }

    @Test
    void manyCandidatesShowTheBestDrawsAndThePickAndSayHowManyWereLeftOut() {
        for (int i = 0; i < 40; i++) add("Place " + i, "");
        Suggestion s = service.suggest(SuggestRequest.forUser(G, "carol"));
        Why why = service.why(G, s.id(), "carol");
        assertEquals(40, why.reasons().candidates(), "every place in the running is on record");
        assertEquals(Reasons.KEEP, why.reasons().kept(), "beliefs and draws kept for the best 32");
        double[] kept = why.reasons().combinedScores();
        for (int i = 1; i < kept.length; i++) assertTrue(kept[i - 1] >= kept[i], "kept best first");
        WhyChart.Picture picture = WhyChart.layout(why, id -> id);
        assertEquals(WhyChart.TOP, picture.places().size(), "under Thompson the pick has the best draw, so it is among the top");
        assertEquals(40 - WhyChart.TOP, picture.leftOut());
        assertTrue(picture.notes().get(1).startsWith("40 places were in the running; showing the 8 best by draw, 32 left out"),
                picture.notes().get(1));

        service.setPolicy(G, "epsilon-greedy");
        service.setExploration(G, 1.0, null); // always at random: the pick may be any of the 40
        for (int i = 0; i < 10; i++) {
            Suggestion random = service.suggest(SuggestRequest.forUser(G, "carol"));
            Why w = service.why(G, random.id(), "carol");
            assertTrue(w.chosen() >= 0 && w.chosen() < w.reasons().kept(), "the pick is always kept");
            assertEquals(random.option().id(), WhyChart.layout(w, id -> id).chosen().optionId());
        }
    }

    @Test
    void ucbAndEpsilonGreedySayWhatDecidedInstead() {
        add("Pho 99", "");
        add("Green Bowl", "");
        service.setPolicy(G, "ucb1");
        Suggestion ucb = service.suggest(SuggestRequest.forUser(G, "carol"));
        WhyChart.Picture p = WhyChart.layout(service.why(G, ucb.id(), "carol"), id -> id);
        assertTrue(p.notes().get(0).startsWith("UCB1: the pick had the highest index"), p.notes().get(0));
        assertTrue(p.chosen().legend().contains("index ∞ (untried)"), p.chosen().legend());
        assertTrue(p.panels().get(0).curves().stream().allMatch(c -> Double.isNaN(c.mark())), "an index is not a point on a curve");

        service.setPolicy(G, "epsilon-greedy");
        service.setExploration(G, 1.0, null);
        Suggestion random = service.suggest(SuggestRequest.forUser(G, "carol"));
        Why why = service.why(G, random.id(), "carol");
        assertTrue(why.reasons().atRandom());
        p = WhyChart.layout(why, id -> id);
        assertTrue(p.notes().get(0).startsWith("ε-greedy explored at random"), p.notes().get(0));
        assertTrue(p.panels().get(0).curves().stream().allMatch(c -> Double.isNaN(c.mark())));

        service.setExploration(G, 0.0, null);
        Suggestion greedy = service.suggest(SuggestRequest.forUser(G, "carol"));
        p = WhyChart.layout(service.why(G, greedy.id(), "carol"), id -> id);
        assertTrue(p.notes().get(0).startsWith("ε-greedy: the pick had the best mean"), p.notes().get(0));
        assertTrue(p.panels().get(0).curves().stream().allMatch(c -> c.mark() == c.alpha() / (c.alpha() + c.beta())),
                "the dot is the mean that decided");
    }

    @Test
    void theDensityIsExactAtTheEnds() {
        assertEquals(3.0, BetaDensity.at(3, 1, 1.0), 1e-12, "Beta(a, 1) at 1 is a, not 0");
        assertEquals(4.0, BetaDensity.at(1, 4, 0.0), 1e-12, "Beta(1, b) at 0 is b");
        assertEquals(1.0, BetaDensity.at(1, 1, 0.0), 1e-12);
        assertEquals(1.0, BetaDensity.at(1, 1, 1.0), 1e-12);
        assertEquals(0.0, BetaDensity.at(2, 2, 0.0));
        assertEquals(Double.POSITIVE_INFINITY, BetaDensity.at(0.5, 2, 0.0));
        assertEquals(1.5, BetaDensity.at(2, 2, 0.5), 1e-12);
        var curve = WhyChart.curve("k", 5, 1);
        assertEquals(1.0, curve.getX(curve.getItemCount() - 1).doubleValue(), "the curve reaches x = 1");
        assertEquals(5.0, curve.getY(curve.getItemCount() - 1).doubleValue(), 1e-9, "at its exact height");
        double beforeEnd = curve.getY(curve.getItemCount() - 2).doubleValue();
        assertTrue(beforeEnd < 5.0 && beforeEnd > 4.9, "no drop at the end: " + beforeEnd);
    }

    @Test
    void aPlaceHasOneColourInEveryPictureIncludingTaste() throws IOException {
        Option pho = add("Pho 99", "");
        add("Green Bowl", "");
        rate("alice", pho, Reaction.LIKE, 2);
        assertEquals(PlaceColours.of(pho.id()), PlaceColours.of(pho.id()));
        Set<Integer> distinct = new HashSet<>();
        for (long id = 1; id <= 12; id++) distinct.add(PlaceColours.of(id).getRGB());
        assertEquals(12, distinct.size(), "neighbouring places differ");
        BufferedImage taste = decode(TasteChart.forTaste(service.taste(G, "alice")));
        assertTrue(pixels(taste, PlaceColours.of(pho.id())) > 300, "/taste draws Pho 99 in its colour");
        Suggestion s = service.suggest(new SuggestRequest(G, "alice", List.of("alice"), Set.of()));
        BufferedImage why = decode(WhyChart.png(service.why(G, s.id(), "alice"), id -> id));
        assertTrue(pixels(why, PlaceColours.of(pho.id())) > 100, "and so does /eat why");
    }

    @Test
    void aSuggestionWithoutAKeptDecisionIsRefusedAndForgettingRemovesThePersonsPanel() {
        Option pho = add("Pho 99", "");
        Suggestion old = f.store.addSuggestion(G, "alice", List.of("alice"), pho, "thompson", false, f.clock.instant());
        EatException e = assertThrows(EatException.class, () -> service.why(G, old.id(), "alice"));
        assertEquals("Suggestion #" + old.id() + " is older than eatbot's pictures of why; ask again with /eat.", e.getMessage());

        Suggestion s = service.suggest(new SuggestRequest(G, "alice", List.of("alice", "bob"), Set.of()));
        service.privacyForget(G, "bob");
        Why why = service.why(G, s.id(), "alice");
        assertEquals(List.of("alice"), why.reasons().members().stream().map(Reasons.Member::userId).toList(),
                "bob's posteriors and draws went with him");
        assertThrows(EatException.class, () -> service.why("another guild", s.id(), "alice"));
    }

    @Test
    void theConsoleAndDiscordShowTheSamePictureFiledPerGuildSuggestionAndPerson() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path charts = dir.resolve("charts");
        Console console = new Console(service, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "alice", charts);
        console.run(new BufferedReader(new StringReader("""
                /place add name:Pho 99
                /place add name:Green Bowl
                /eat with:bob
                /eat why
                """)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Why .+ \\(#(\\d+)\\): .+ (\\S+\\.png)").matcher(out);
        assertTrue(m.find(), out);
        long id = Long.parseLong(m.group(1));
        Path file = Path.of(m.group(2));
        assertEquals(charts.resolve("why-console-" + id + "-alice.png").toAbsolutePath(), file.toAbsolutePath());
        if (charts.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(charts)),
                    "pictures of people's taste are not world-readable");
        }

        Reply discord = new EatWhyCommand(service, new EatRateLimit(12, () -> 0, "picture"))
                .run(new FakeCall(Console.GUILD, "alice", null, Map.of("id", Long.toString(id)), false, Set.of(), Map.of(), null));
        byte[] uploaded;
        try (InputStream in = discord.message().getAttachments().get(0).getData()) {
            uploaded = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(file), uploaded, "the same picture on both front ends");
        assertEquals(2, panels(decode(uploaded)));
    }
}
