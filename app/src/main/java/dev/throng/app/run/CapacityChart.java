package dev.throng.app.run;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The knee of a capacity search (chartfx): p95 (ms, left axis) and error rate (%, right axis) against the load (users
 * or arrivals/s), one point per judged step; passed steps are green circles, failed ones red squares, the running step
 * a grey diamond (provisional). The objective's p95 and error-rate limits are drawn as horizontal lines.
 *
 * <p>Confined to the FX thread. Datasets are only filled by {@link #update}, which the sampler calls.
 */
final class CapacityChart {
    private static final String PASSED = "#2e7d32";
    private static final String FAILED = "#c62828";
    private static final String RUNNING = "#9e9e9e";

    private final DefaultNumericAxis x = new DefaultNumericAxis("load", "users");
    private final DefaultNumericAxis latency = new DefaultNumericAxis("p95", "ms");
    private final DefaultNumericAxis errors = new DefaultNumericAxis("errors", "%");
    private final DoubleDataSet p95Line = new DoubleDataSet("p95 (ms)");
    private final DoubleDataSet errorLine = new DoubleDataSet("errors (%)");
    private final DoubleDataSet passed = new DoubleDataSet("passed");
    private final DoubleDataSet failed = new DoubleDataSet("failed");
    private final DoubleDataSet running = new DoubleDataSet("holding");
    private final XYChart chart;
    private YValueIndicator p95Limit;
    private YValueIndicator errorLimit;
    private int shownVersion = -1;
    private String shownLimits = "";

    CapacityChart() {
        x.setSide(Side.BOTTOM);
        latency.setSide(Side.LEFT);
        errors.setSide(Side.RIGHT);
        for (DefaultNumericAxis a : List.of(x, latency, errors)) {
            a.setAnimated(false);
            a.setAutoRangeRounding(true);
            a.setAutoRangePadding(0.08);
            a.setForceZeroInRange(true);
        }
        chart = new XYChart(x, latency);
        chart.setTitle("p95 and errors against load");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("capacity-chart");
        chart.setId("capacity-chart");

        var lines = renderer(LineStyle.NORMAL, false);
        p95Line.setStyle("-fx-line-color: #1565c0; -fx-line-width: 2;");
        lines.getDatasets().add(p95Line);

        var marks = renderer(LineStyle.NONE, true);
        passed.setStyle(marker(PASSED, "circle"));
        failed.setStyle(marker(FAILED, "rectangle"));
        running.setStyle(marker(RUNNING, "diamond"));
        marks.getDatasets().addAll(passed, failed, running);

        var errorRenderer = renderer(LineStyle.NORMAL, true);
        errorRenderer.getAxes().addAll(x, errors);
        errorLine.setStyle("-fx-line-color: #ef6c00; -fx-line-width: 1.5; -fx-line-dash-array: 6 4;"
                + " -fx-marker-color: #ef6c00; -fx-marker-type: circle; -fx-marker-size: 2.5;");
        errorRenderer.getDatasets().add(errorLine);

        chart.getRenderers().setAll(lines, marks, errorRenderer);
        chart.setMinSize(200, 160);
        chart.setPrefSize(560, 300);
    }

    private static ErrorDataSetRenderer renderer(LineStyle style, boolean markers) {
        var r = new ErrorDataSetRenderer();
        r.setPolyLineStyle(style);
        r.setDrawMarker(markers);
        r.setErrorStyle(ErrorStyle.NONE);
        return r;
    }

    private static String marker(String color, String type) {
        return "-fx-marker-color: " + color + "; -fx-marker-type: " + type + "; -fx-marker-size: 5;"
                + " -fx-line-color: " + color + ";";
    }

    XYChart node() {
        return chart;
    }

    /** Points of the p95 line (for tests). */
    int p95Points() {
        return p95Line.getDataCount();
    }

    /** Refills the datasets and limit lines when the search changed since the last call. */
    void update(CapacityViewModel vm) {
        x.setUnit(vm.unitProperty().get());
        String limits = vm.p95LimitProperty().get() + "/"
                + vm.errorLimitProperty().get() + "/" + vm.objectiveProperty().get();
        if (!limits.equals(shownLimits)) {
            shownLimits = limits;
            showLimits(vm);
        }
        if (vm.version() == shownVersion) {
            return;
        }
        shownVersion = vm.version();
        range(
                latency,
                vm.steps().stream().mapToDouble(CapacityViewModel.StepPoint::p95Millis),
                vm.p95LimitProperty().get());
        range(
                errors,
                vm.steps().stream().mapToDouble(CapacityViewModel.StepPoint::errorPercent),
                vm.errorLimitProperty().get());
        var judged = vm.judgedByLoad();
        fill(p95Line, judged, CapacityViewModel.StepPoint::p95Millis);
        fill(errorLine, judged, CapacityViewModel.StepPoint::errorPercent);
        fill(passed, vm.withVerdict(CapacityViewModel.Verdict.PASSED), CapacityViewModel.StepPoint::p95Millis);
        fill(failed, vm.withVerdict(CapacityViewModel.Verdict.FAILED), CapacityViewModel.StepPoint::p95Millis);
        fill(running, vm.withVerdict(CapacityViewModel.Verdict.RUNNING), CapacityViewModel.StepPoint::p95Millis);
    }

    private void showLimits(CapacityViewModel vm) {
        chart.getPlugins().removeIf(p -> p == p95Limit || p == errorLimit);
        p95Limit = null;
        errorLimit = null;
        double p95 = vm.p95LimitProperty().get();
        if (!Double.isNaN(p95)) {
            p95Limit =
                    indicator(latency, p95, "objective: " + vm.p95RuleProperty().get(), javafx.geometry.VPos.BOTTOM);
        }
        double err = vm.errorLimitProperty().get();
        if (!Double.isNaN(err)) {
            errorLimit = indicator(
                    errors, err, "objective: " + vm.errorRuleProperty().get(), javafx.geometry.VPos.TOP);
        }
    }

    /**
     * Fits {@code axis} to the values and the objective's limit (so the limit line is always on the chart), from 0 to
     * a fifth above the larger; automatic while there is neither.
     */
    private static void range(DefaultNumericAxis axis, java.util.stream.DoubleStream values, double limit) {
        double max = values.filter(Double::isFinite).max().orElse(0);
        if (!Double.isNaN(limit)) {
            max = Math.max(max, limit);
        }
        if (!(max > 0)) {
            axis.setAutoRanging(true);
            return;
        }
        axis.setAutoRanging(false);
        axis.set(0, max * 1.2);
    }

    /** A limit line labelled at the left (where the loads are low and the curves near the floor), above or below. */
    private YValueIndicator indicator(DefaultNumericAxis axis, double value, String text, javafx.geometry.VPos side) {
        var indicator = new YValueIndicator(axis, value, text);
        indicator.setEditable(false);
        indicator.setLabelPosition(0.01);
        indicator.setLabelHorizontalAnchor(javafx.geometry.HPos.LEFT);
        indicator.setLabelVerticalAnchor(side);
        chart.getPlugins().add(indicator);
        return indicator;
    }

    private static void fill(
            DoubleDataSet set,
            List<CapacityViewModel.StepPoint> points,
            ToDoubleFunction<CapacityViewModel.StepPoint> y) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i).load();
            ys[i] = y.applyAsDouble(points.get(i));
        }
        set.set(xs, ys);
    }
}
