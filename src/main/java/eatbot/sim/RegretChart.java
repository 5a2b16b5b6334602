package eatbot.sim;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Mean cumulative regret per policy on a log-x axis, with the Lai–Robbins rate
 * C·ln T dashed: a straight line on this axis, whose slope is what a consistent
 * policy's curve cannot beat in the long run. It is labelled as the asymptote it
 * is, not as a bound, because at small T it lies above any possible regret.
 */
public final class RegretChart {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    private RegretChart() {}

    public static void write(Path file, String title, BernoulliBandit bandit, List<Experiment.Curve> curves) throws IOException {
        JFreeChart chart = chart(title, bandit, curves);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) java.nio.file.Files.createDirectories(parent);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }

    /** The dashed line's legend: what it is and when it holds. */
    static String asymptoteLabel(BernoulliBandit bandit) {
        return String.format(java.util.Locale.ROOT, "Lai–Robbins asymptote C·ln T, C = %.1f (a lower bound only as T → ∞)", bandit.laiRobbinsConstant());
    }

    static JFreeChart chart(String title, BernoulliBandit bandit, List<Experiment.Curve> curves) {
        System.setProperty("java.awt.headless", "true"); // no display needed, ever
        XYSeriesCollection data = new XYSeriesCollection();
        for (Experiment.Curve c : curves) {
            XYSeries s = new XYSeries(c.policy().toString());
            for (int i = 0; i < c.t().length; i++) s.add(c.t()[i], c.mean()[i]);
            data.addSeries(s);
        }
        XYSeries bound = new XYSeries(asymptoteLabel(bandit));
        for (long t : curves.get(0).t()) if (t > 1) bound.add(t, bandit.laiRobbinsAsymptote(t));
        data.addSeries(bound);

        LogAxis x = new LogAxis("T (pulls)");
        x.setBase(10);
        x.setSmallestValue(1);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // one tick per decade
        x.setNumberFormatOverride(new java.text.DecimalFormat("0E0"));
        NumberAxis y = new NumberAxis("mean cumulative regret");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setSeriesPaint(curves.size(), Color.BLACK);
        renderer.setSeriesStroke(curves.size(), new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(title, new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
