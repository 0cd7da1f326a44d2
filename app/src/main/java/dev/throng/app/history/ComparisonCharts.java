package dev.throng.app.history;

import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunResult;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Two runs over time on the same axes: requests per second, and the 95th percentile of response times (ms); time is
 * seconds since each run's start, so the runs line up at their starts.
 *
 * <p>Confined to the FX thread. {@link #show} only remembers the runs; the datasets are filled by {@link #fill}, which
 * the view calls from a timer tick (chartfx must not be filled right after its window shows).
 */
final class ComparisonCharts extends HBox {
    private final DoubleDataSet rpsBefore = new DoubleDataSet("before req/s");
    private final DoubleDataSet rpsAfter = new DoubleDataSet("after req/s");
    private final DoubleDataSet p95Before = new DoubleDataSet("before p95");
    private final DoubleDataSet p95After = new DoubleDataSet("after p95");
    private RunResult before;
    private RunResult after;
    private boolean filled = true;

    ComparisonCharts() {
        super(4);
        setId("comparison-charts");
        XYChart rps = chart("Requests per second", "req/s", rpsBefore, rpsAfter);
        XYChart p95 = chart("95th percentile", "ms", p95Before, p95After);
        getChildren().addAll(rps, p95);
        HBox.setHgrow(rps, Priority.ALWAYS);
        HBox.setHgrow(p95, Priority.ALWAYS);
    }

    /** Remembers the two runs; the next {@link #fill} draws them. */
    void show(RunResult before, RunResult after) {
        this.before = before;
        this.after = after;
        filled = false;
    }

    /** Fills the datasets once after {@link #show}; does nothing otherwise. */
    void fill() {
        if (filled || before == null || after == null) {
            return;
        }
        filled = true;
        set(rpsBefore, before.history(), HistoryPoint::rps);
        set(rpsAfter, after.history(), HistoryPoint::rps);
        set(p95Before, before.history(), HistoryPoint::p95Ms);
        set(p95After, after.history(), HistoryPoint::p95Ms);
    }

    /** Points in the "after" requests/s series (for tests). */
    int pointsAfter() {
        return rpsAfter.getDataCount();
    }

    private static void set(DoubleDataSet set, List<HistoryPoint> points, ToDoubleFunction<HistoryPoint> y) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            HistoryPoint p = points.get(i);
            xs[i] = p.elapsedMillis() / 1000.0;
            double v = y.applyAsDouble(p);
            ys[i] = Double.isNaN(v) ? 0 : v;
        }
        set.set(xs, ys);
    }

    private static XYChart chart(String title, String unit, DoubleDataSet... sets) {
        DefaultNumericAxis x = new DefaultNumericAxis("time", "s");
        DefaultNumericAxis y = new DefaultNumericAxis();
        y.setName(unit);
        y.setUnit(null);
        x.setUnit("s");
        y.setForceZeroInRange(true);
        y.setAutoRangeRounding(true);
        y.setAutoRangePadding(0.05);
        y.setAnimated(false);
        x.setAnimated(false);
        x.setAutoRanging(true);
        XYChart chart = new XYChart(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.getDatasets().addAll(sets);
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().add(new Zoomer());
        chart.setMinSize(120, 120);
        chart.setPrefSize(420, 240);
        return chart;
    }
}
