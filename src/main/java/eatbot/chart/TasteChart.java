package eatbot.chart;

import eatbot.eat.Taste;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What eatbot has learned about a person ({@code /taste}): the Beta posterior of
 * each of their top places as a curve over "chance you like it", the favourite
 * drawn bold, each place in its own colour ({@link PlaceColours}, as in
 * {@code /eat why}), 👍/👎 counts in the legend. Rendered with JFreeChart into a PNG in memory, headless: no
 * display, no network, no files.
 */
public final class TasteChart {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 450;
    public static final int TOP = 5;

    static {
        // a bot on a server has no display; AWT must never look for one
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private TasteChart() {}

    /** For /taste: the person's top places, the one they are most likely to enjoy highlighted. */
    public static byte[] forTaste(Taste taste) {
        return forTaste(taste, taste.userId());
    }

    /** @param who the person as the front end names them (a display name rather than a Discord id) */
    public static byte[] forTaste(Taste taste, String who) {
        Long best = taste.entries().isEmpty() ? null : taste.entries().get(0).option().id();
        return png(taste, best, TOP, "What eatbot has learned about " + who);
    }

    /**
     * @param highlight the option id drawn bold, or null
     * @param top       how many places (best first) to draw besides the highlighted one
     */
    public static byte[] png(Taste taste, Long highlight, int top, String title) {
        List<Taste.Entry> shown = new ArrayList<>(taste.entries().subList(0, Math.min(top, taste.entries().size())));
        if (highlight != null && shown.stream().noneMatch(e -> e.option().id() == highlight)) {
            taste.entries().stream().filter(e -> e.option().id() == highlight).findFirst().ifPresent(shown::add);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        java.util.Set<String> labels = new java.util.HashSet<>();
        String[] twinOf = new String[shown.size()]; // an earlier curve this one coincides with: dashed over it, named
        for (int i = 0; i < shown.size(); i++) {
            for (int k = 0; k < i && twinOf[i] == null; k++) {
                if (shown.get(k).alpha() == shown.get(i).alpha() && shown.get(k).beta() == shown.get(i).beta()) {
                    twinOf[i] = shown.get(k).option().name();
                }
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            Taste.Entry e = shown.get(i);
            String label = label(e, highlight != null && e.option().id() == highlight)
                    + (twinOf[i] == null ? "" : "  (= " + WhyChart.shorten(twinOf[i]) + ")");
            while (!labels.add(label)) label = label + " "; // series keys must differ even when shortened names collide
            data.addSeries(curve(label, e));
        }

        NumberAxis x = new NumberAxis("chance you like it");
        x.setRange(0, 1);
        NumberAxis y = new NumberAxis("belief (density)");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < shown.size(); i++) {
            boolean chosen = highlight != null && shown.get(i).option().id() == highlight;
            renderer.setSeriesPaint(i, PlaceColours.of(shown.get(i).option().id())); // the same colour as in /eat why
            renderer.setSeriesStroke(i, WhyChart.stroke(chosen, twinOf[i] != null));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // a dashed twin over its curve
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("How likely eatbot thinks each place pleases you (narrower = surer); "
                + "each suggestion draws one guess per curve", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart", e); // in memory: only on a broken JDK
        }
    }

    private static String label(Taste.Entry e, boolean chosen) {
        return String.format(Locale.ROOT, "%s%s  (liked %d · disliked %d)", chosen ? "» " : "", shorten(e.option().name()),
                e.likes(), e.dislikes());
    }

    private static XYSeries curve(String label, Taste.Entry e) {
        XYSeries s = WhyChart.curve(label, e.alpha(), e.beta()); // exact at the ends
        return s;
    }

    private static String shorten(String name) {
        return name.codePointCount(0, name.length()) <= 28 ? name : name.substring(0, name.offsetByCodePoints(0, 27)) + "…";
    }
}
