package eatbot.chart;

import eatbot.eat.Reasons;
import eatbot.eat.Option;
import eatbot.eat.Why;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The picture of a decision ({@code /eat why}): one panel per member (small
 * multiples over the same "chance you like it" axis), each showing that member's
 * posterior for the places that were in the running <em>when the suggestion was
 * made</em>, each place in its own colour ({@link PlaceColours}), the chosen one
 * bold. Under Thompson sampling each curve's draw is a dot on it, the chosen
 * place's a big outlined one: the picture shows that its draw (or the group's
 * combination of draws) was the highest. UCB1's index is not a point on a
 * posterior, so it is given in the legend; ε-greedy's mean is marked, or the
 * picture says the pick was taken at random. Curves that coincide are drawn
 * dashed over each other and marked "= place" in the legend.
 *
 * <p>{@link #layout} computes what is drawn (tests read it); {@link #png} draws it.
 */
public final class WhyChart {
    public static final int WIDTH = 900;
    /** Height of one member's panel; the picture grows with the group. */
    public static final int PANEL_HEIGHT = 190;
    /** Title, notes, the shared x axis and the legend. */
    private static final int FRAME = 230;
    /** Places drawn besides the chosen one when more were in the running. */
    public static final int TOP = 8;
    private static final int POINTS = 400;
    /** The panels' background: anything but the white around them, so the panels can be told apart. */
    static final Color PANEL = new Color(0xF6, 0xF6, 0xF6);

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private WhyChart() {}

    /** A place drawn: its colour everywhere, whether it was chosen, its legend line. */
    public record Place(long optionId, String name, Color colour, boolean chosen, String legend) {}

    /**
     * One place's curve in one panel. {@code mark} is the x of the dot on it (the
     * draw, or the mean), NaN for none; {@code sameAs} names an earlier-drawn place
     * with an identical curve in this panel (null when none).
     */
    public record Curve(Place place, double alpha, double beta, double mark, String sameAs) {}

    /** One member's panel: who, their curves (same order as {@link Picture#places}). */
    public record Panel(String who, List<Curve> curves) {}

    /**
     * Everything drawn: title, the notes under it, the places (legend order: best
     * score first), the panels, and how many candidates were left out of the picture.
     */
    public record Picture(String title, List<String> notes, List<Place> places, List<Panel> panels, int leftOut) {
        public Place chosen() {
            return places.stream().filter(Place::chosen).findFirst().orElseThrow();
        }
    }

    /** @param names how the front end names a member (by id); the asker is "you" */
    public static Picture layout(Why why, Function<String, String> names) {
        Reasons d = why.reasons();
        String policy = why.suggestion().policy();
        boolean marksOnCurves = !d.atRandom() && !policy.equals("ucb1");
        int chosen = why.chosen();
        double[] combined = d.atRandom() ? d.combinedMeans() : d.combinedScores();

        // the places shown: the best TOP by what decided, and the chosen one
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < d.kept(); i++) order.add(i); // the pick is among the kept
        order.sort(Comparator.comparingDouble((Integer i) -> -combined[i]).thenComparing(i -> why.candidates().get(i).name()));
        List<Integer> shown = new ArrayList<>(order.subList(0, Math.min(TOP, order.size())));
        if (chosen >= 0 && !shown.contains(chosen)) shown.add(chosen);
        boolean group = d.members().size() > 1;
        String scoreName = scoreName(policy, d.groupRule(), group);

        // identical curves: per panel, the first shown place with the same (α, β)
        List<List<String>> sameAs = new ArrayList<>();
        for (Reasons.Member m : d.members()) {
            List<String> same = new ArrayList<>();
            for (int j = 0; j < shown.size(); j++) {
                int i = shown.get(j);
                String first = null;
                for (int k = 0; k < j && first == null; k++) {
                    int e = shown.get(k);
                    if (m.alpha()[e] == m.alpha()[i] && m.beta()[e] == m.beta()[i]) first = why.candidates().get(e).name();
                }
                same.add(first);
            }
            sameAs.add(same);
        }

        List<Place> places = new ArrayList<>();
        for (int j = 0; j < shown.size(); j++) {
            int i = shown.get(j);
            Option o = why.candidates().get(i);
            String everywhere = sameAs.get(0).get(j);
            for (List<String> same : sameAs) if (everywhere != null && !everywhere.equals(same.get(j))) everywhere = null;
            StringBuilder legend = new StringBuilder(i == chosen ? "» " : "").append(shorten(o.name()));
            if (!d.atRandom()) legend.append(" — ").append(scoreName).append(' ').append(number(combined[i]));
            if (everywhere != null) legend.append("  (= ").append(shorten(everywhere)).append(')');
            places.add(new Place(o.id(), o.name(), PlaceColours.of(o.id()), i == chosen, legend.toString()));
        }

        List<Panel> panels = new ArrayList<>();
        for (int m = 0; m < d.members().size(); m++) {
            Reasons.Member member = d.members().get(m);
            List<Curve> curves = new ArrayList<>();
            for (int j = 0; j < shown.size(); j++) {
                int i = shown.get(j);
                double mark = marksOnCurves ? member.score()[i] : Double.NaN;
                curves.add(new Curve(places.get(j), member.alpha()[i], member.beta()[i], mark, sameAs.get(m).get(j)));
            }
            String who = member.userId().equals(why.asker()) ? "you" : names.apply(member.userId());
            panels.add(new Panel(who, curves));
        }

        String pick = why.suggestion().option().name();
        List<String> notes = new ArrayList<>();
        notes.add(howDecided(policy, d, group, scoreName));
        int leftOut = d.candidates() - shown.size();
        String inRunning = d.candidates() + (d.candidates() == 1 ? " place was" : " places were") + " in the running";
        notes.add(inRunning + (leftOut > 0 ? "; showing the " + TOP + " best by " + scoreName
                + (shown.size() > TOP ? " and the pick" : "") + ", " + leftOut + " left out." : "."));
        if (d.notInRunning() > 0) {
            List<String> reasons = new ArrayList<>();
            int named = 0;
            for (var e : d.leftOutBy().entrySet()) {
                reasons.add(e.getValue() + " × " + e.getKey());
                named += e.getValue();
            }
            if (d.notInRunning() > named) reasons.add((d.notInRunning() - named) + " × already offered");
            notes.add("Not in the running, not drawn: " + d.notInRunning() + " other place" + (d.notInRunning() == 1 ? "" : "s")
                    + " (" + String.join("; ", reasons) + ").");
        }
        notes.add("Curves: how likely eatbot thought each place pleases each of you at the time (narrower = surer).");
        return new Picture("Why " + shorten(pick) + "? (suggestion #" + why.suggestion().id() + ")", notes, places, panels, leftOut);
    }

    private static String howDecided(String policy, Reasons d, boolean group, String scoreName) {
        String combine = switch (d.groupRule()) {
            case "average" -> "the mean of your ";
            case "product" -> "the product of your ";
            default -> "the lowest of your ";
        };
        return switch (policy) {
            case "thompson" -> "Thompson sampling: each curve drew one guess (●); the pick (big ●) had the highest "
                    + (group ? "of " + combine + "guesses (" + d.groupRule() + ")." : "guess.");
            case "ucb1" -> "UCB1: the pick had the highest " + (group ? scoreName + " (" + d.groupRule() + ")" : "index")
                    + ", mean + c·√(2 ln N / n), given in the legend; an index is not a point on these curves.";
            default -> d.atRandom()
                    ? "ε-greedy explored at random this time: the pick was drawn uniformly among the places in the running, not for its curve."
                    : "ε-greedy: the pick had the best " + (group ? combine + "means (" + d.groupRule() + ")" : "mean") + " (● marks each mean).";
        };
    }

    private static String scoreName(String policy, String rule, boolean group) {
        String one = switch (policy) {
            case "thompson" -> "draw";
            case "ucb1" -> "index";
            default -> "mean";
        };
        if (!group) return one;
        return switch (rule) {
            case "average" -> "mean " + one;
            case "product" -> "product of " + one + (one.equals("index") ? "es" : "s");
            default -> "lowest " + one;
        };
    }

    private static String number(double v) {
        if (Double.isInfinite(v)) return "∞ (untried)";
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static int height(int members) {
        return FRAME + PANEL_HEIGHT * Math.max(1, members);
    }

    /** The picture as a PNG, rendered in memory. */
    public static byte[] png(Why why, Function<String, String> names) {
        return png(layout(why, names));
    }

    public static byte[] png(Picture p) {
        NumberAxis x = new NumberAxis("chance you like it");
        x.setRange(0, 1);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(18);
        // one panel: the legend's "(= place)" says it all; several: each panel names its own twins
        for (Panel panel : p.panels()) plot.add(panel(panel, p.panels().size() > 1), 1);
        LegendItemCollection legend = new LegendItemCollection();
        for (Place place : p.places()) {
            LegendItem item = new LegendItem(place.legend(), null, null, null, new Line2D.Double(-9, 0, 9, 0),
                    new BasicStroke(place.chosen() ? 5f : 2.5f), place.colour());
            legend.add(item);
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(p.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        for (String note : p.notes()) {
            TextTitle t = new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(t);
        }
        LegendTitle l = chart.getLegend();
        l.setPosition(RectangleEdge.BOTTOM);
        l.setFrame(BlockBorder.NONE);
        l.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, height(p.panels().size())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart", e); // in memory: only on a broken JDK
        }
    }

    private static XYPlot panel(Panel panel, boolean nameTwins) {
        XYSeriesCollection curves = new XYSeriesCollection();
        XYSeriesCollection marks = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setUseOutlinePaint(true);
        dots.setDrawOutlines(true);
        java.util.Map<String, List<String>> twins = new java.util.LinkedHashMap<>(); // first drawn → the ones it hides
        int s = 0;
        for (Curve c : panel.curves()) {
            String key = "#" + s + " " + c.place().optionId();
            curves.addSeries(curve(key, c.alpha(), c.beta()));
            lines.setSeriesPaint(s, c.place().colour());
            lines.setSeriesStroke(s, stroke(c.place().chosen(), c.sameAs() != null));
            XYSeries mark = new XYSeries(key, false, true);
            double y = Double.isNaN(c.mark()) ? Double.NaN : BetaDensity.at(c.alpha(), c.beta(), c.mark());
            if (Double.isFinite(y)) mark.add(c.mark(), y);
            marks.addSeries(mark);
            double size = c.place().chosen() ? 15 : 9;
            dots.setSeriesShape(s, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
            dots.setSeriesPaint(s, c.place().colour());
            dots.setSeriesOutlinePaint(s, c.place().chosen() ? Color.BLACK : Color.WHITE);
            dots.setSeriesOutlineStroke(s, new BasicStroke(c.place().chosen() ? 2f : 1f));
            if (c.sameAs() != null) twins.computeIfAbsent(shorten(c.sameAs()), k -> new ArrayList<>()).add(shorten(c.place().name()));
            s++;
        }
        NumberAxis y = new NumberAxis(panel.who());
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.3); // room above the tallest curve for its dot and the panel's note
        y.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        XYPlot plot = new XYPlot(curves, null, y, lines);
        plot.setDataset(1, marks);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the dots over the curves
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);   // a dashed twin over the curve it equals
        plot.setBackgroundPaint(PANEL);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xE2, 0xE2, 0xE2));
        if (nameTwins && !twins.isEmpty()) {
            List<String> groups = new ArrayList<>();
            twins.forEach((first, rest) -> groups.add(first + " = " + String.join(" = ", rest)));
            String text = twins.size() == 1 && twins.values().iterator().next().size() == panel.curves().size() - 1
                    ? "all " + panel.curves().size() + " curves are the same" : "same curve: " + String.join("; ", groups);
            TextTitle t = new TextTitle(text, new Font(Font.SANS_SERIF, Font.ITALIC, 11));
            t.setBackgroundPaint(new Color(255, 255, 255, 200));
            plot.addAnnotation(new XYTitleAnnotation(0.01, 0.98, t, RectangleAnchor.TOP_LEFT));
        }
        return plot;
    }

    static Stroke stroke(boolean chosen, boolean dashed) {
        float width = chosen ? 4.5f : 2f;
        if (!dashed) return new BasicStroke(width);
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 7f}, 0f);
    }

    /** The density on [0, 1] with the end points exact; an infinite end (shape below 1) is left out. */
    static XYSeries curve(String key, double alpha, double beta) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i <= POINTS; i++) {
            double p = (double) i / POINTS;
            double d = BetaDensity.at(alpha, beta, p);
            if (Double.isFinite(d)) s.add(p, d);
        }
        return s;
    }

    static String shorten(String name) {
        return name.codePointCount(0, name.length()) <= 28 ? name : name.substring(0, name.offsetByCodePoints(0, 27)) + "…";
    }
}
