package eatbot.chart;

import eatbot.eat.Taste;
import eatbot.eat.Why;
import org.apache.commons.math3.distribution.BetaDistribution;
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

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "A picture of why": the Beta posterior of each of a person's top places as a
 * curve over "chance you like it", the chosen place drawn bold, 👍/👎 counts in
 * the legend. Rendered with JFreeChart into a PNG in memory, headless: no
 * display, no network, no files.
 */
public final class TasteChart {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 450;
    public static final int TOP = 5;
    private static final int POINTS = 200;
    private static final Color CHOSEN = new Color(0xD6, 0x27, 0x28);
    private static final Color[] OTHERS = {
            new Color(0x1F, 0x77, 0xB4), new Color(0x2C, 0xA0, 0x2C), new Color(0x94, 0x67, 0xBD),
            new Color(0xFF, 0x7F, 0x0E), new Color(0x8C, 0x56, 0x4B), new Color(0x17, 0xBE, 0xCF)};

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

    /** For /eat why: the asker's top places, the suggested one highlighted (shown even if not among the top). */
    public static byte[] forWhy(Why why) {
        return forWhy(why, why.taste().userId());
    }

    /** @param who the asker as the front end names them */
    public static byte[] forWhy(Why why, String who) {
        return png(why.taste(), why.suggestion().option().id(), TOP,
                "Why " + why.suggestion().option().name() + "? (" + who + "'s taste)");
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
        for (Taste.Entry e : shown) {
            String label = label(e, highlight != null && e.option().id() == highlight);
            while (!labels.add(label)) label = label + " "; // series keys must differ even when shortened names collide
            data.addSeries(curve(label, e));
        }

        NumberAxis x = new NumberAxis("chance you like it");
        x.setRange(0, 1);
        NumberAxis y = new NumberAxis("belief (density)");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int other = 0;
        for (int i = 0; i < shown.size(); i++) {
            boolean chosen = highlight != null && shown.get(i).option().id() == highlight;
            Color c = chosen ? CHOSEN : OTHERS[other++ % OTHERS.length];
            renderer.setSeriesPaint(i, chosen ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            renderer.setSeriesStroke(i, new BasicStroke(chosen ? 4.5f : 1.8f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
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
        XYSeries s = new XYSeries(label, false, true);
        BetaDistribution beta = new BetaDistribution(null, e.alpha(), e.beta());
        for (int i = 0; i <= POINTS; i++) {
            double p = (i + 0.5) / (POINTS + 1); // the open interval: densities may be infinite at 0 and 1
            s.add(p, beta.density(p));
        }
        return s;
    }

    private static String shorten(String name) {
        return name.codePointCount(0, name.length()) <= 28 ? name : name.substring(0, name.offsetByCodePoints(0, 27)) + "…";
    }
}
