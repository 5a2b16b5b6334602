package eatbot.chart;

import eatbot.eat.Option;
import eatbot.eat.Suggestion;
import eatbot.eat.Taste;
import eatbot.eat.Why;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TasteChartTest {
    private static Option place(long id, String name) {
        return new Option(id, "g", name, List.of(), null, null, null, false, Instant.EPOCH);
    }

    private static Taste taste() {
        List<Taste.Entry> entries = new ArrayList<>();
        entries.add(new Taste.Entry(place(1, "Pho 99"), 9, 2, 8, 1));
        entries.add(new Taste.Entry(place(2, "Green Bowl"), 4, 3, 3, 2));
        entries.add(new Taste.Entry(place(3, "Taco Truck"), 1, 1, 0, 0));
        for (int i = 4; i <= 9; i++) entries.add(new Taste.Entry(place(i, "Place " + i), 1, 1 + i, 0, i));
        entries.add(new Taste.Entry(place(10, "Hotpot King"), 1, 20, 0, 19)); // last: not among the top five
        return new Taste("alice", entries);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "a PNG an image reader can decode");
        return img;
    }

    /** Pixels close to the highlight colour: how much of the chosen curve was drawn. */
    private static int highlighted(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r > 190 && g < 70 && b < 70) n++;
            }
        }
        return n;
    }

    @Test
    void tasteIsAPngOfTheRightSizeWithCurvesDrawn() throws IOException {
        byte[] png = TasteChart.forTaste(taste());
        BufferedImage img = decode(png);
        assertEquals(TasteChart.WIDTH, img.getWidth());
        assertEquals(TasteChart.HEIGHT, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) nonWhite++;
            }
        }
        assertTrue(colours.size() > 20, "not blank: " + colours.size() + " colours");
        assertTrue(nonWhite > 2000, "curves, axes and text drawn: " + nonWhite + " non-white samples");
        assertTrue(highlighted(img) > 300, "the favourite drawn bold in the highlight colour");
    }

    @Test
    void whyHighlightsTheSuggestedPlaceEvenOutsideTheTop() throws IOException {
        Taste t = taste();
        Option hotpot = t.entries().get(t.entries().size() - 1).option();
        Suggestion s = new Suggestion(1, "g", "alice", List.of("alice", "bob"), hotpot, "thompson", true, Instant.EPOCH, null, null);
        BufferedImage withHotpot = decode(TasteChart.forWhy(new Why(s, t)));
        BufferedImage withoutHighlight = decode(TasteChart.png(t, null, TasteChart.TOP, "Why"));
        assertTrue(highlighted(withHotpot) > 300, "the suggested place is drawn in the highlight colour");
        assertTrue(highlighted(withoutHighlight) < 50, "nothing highlighted when nothing was chosen");
    }

    @Test
    void anEmptyOrOddTasteStillRenders() throws IOException {
        assertEquals(TasteChart.WIDTH, decode(TasteChart.forTaste(new Taste("nobody", List.of()))).getWidth());
        Taste twins = new Taste("alice", List.of(
                new Taste.Entry(place(1, "A very long restaurant name that goes on and on 1"), 0.3, 0.3, 0, 0),
                new Taste.Entry(place(2, "A very long restaurant name that goes on and on 2"), 0.3, 0.3, 0, 0)));
        assertEquals(TasteChart.HEIGHT, decode(TasteChart.forTaste(twins)).getHeight(), "colliding labels and U-shaped curves");
    }
}
