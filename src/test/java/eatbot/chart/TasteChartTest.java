package eatbot.chart;

import eatbot.eat.Option;
import eatbot.eat.Taste;
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

    /** Pixels in exactly the place's colour: how much of its curve (and legend line) was drawn. */
    private static int drawnIn(BufferedImage img, long optionId) {
        int colour = PlaceColours.of(optionId).getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == colour) n++;
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
        assertTrue(drawnIn(img, 1) > 300, "the favourite drawn bold in its colour");
    }

    @Test
    void theFavouriteIsBoldInItsOwnColourAndOnlyTheTopPlacesAreDrawn() throws IOException {
        Taste t = taste();
        BufferedImage img = decode(TasteChart.forTaste(t));
        BufferedImage plain = decode(TasteChart.png(t, null, TasteChart.TOP, "Taste"));
        assertTrue(drawnIn(img, 1) > 2 * drawnIn(plain, 1), "the favourite (Pho 99) drawn bold: "
                + drawnIn(img, 1) + " pixels of its colour, " + drawnIn(plain, 1) + " when not highlighted");
        assertEquals(0, drawnIn(img, 10), "Hotpot King is not among the top five: nothing in its colour");
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
