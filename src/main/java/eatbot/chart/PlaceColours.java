package eatbot.chart;

import java.awt.Color;

/**
 * Each place's one colour, derived from its id alone, so a place looks the same
 * in every picture ({@code /taste}, {@code /eat why}, any member, any day).
 * Hues step by the golden ratio: places added one after another get far-apart hues.
 * Never white nor the panels' grey (saturation at least 0.55).
 */
public final class PlaceColours {
    private static final double GOLDEN = 0.6180339887498949;

    private PlaceColours() {}

    public static Color of(long optionId) {
        double hue = (optionId * GOLDEN + 0.05) % 1.0;
        if (hue < 0) hue += 1;
        // three shades by id: places whose hues come close (ids 13 apart) still differ in lightness
        int shade = (int) Math.floorMod(optionId, 3L);
        float saturation = shade == 1 ? 0.55f : 0.85f;
        float brightness = shade == 0 ? 0.80f : shade == 1 ? 0.95f : 0.55f;
        return Color.getHSBColor((float) hue, saturation, brightness);
    }
}
