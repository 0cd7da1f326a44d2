package dev.throng.app.run;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The dashboard's charts (chartfx): requests/s and failures/s; response-time percentiles; users (and, in the open
 * model, arrivals/s and dropped/s). The whole run is kept in the datasets; the time axis follows the present over
 * the chosen window until the person zooms (drag a box; right-click zooms back out, and following resumes).
 *
 * <p>Confined to the FX thread. Datasets are only filled by {@link #update}, which the sampler calls.
 */
final class RunCharts {
    /** How much of the run the time axis shows while following the present. */
    enum Window {
        MINUTE("Last minute", 60),
        FIVE_MINUTES("Last 5 minutes", 300),
        FIFTEEN_MINUTES("Last 15 minutes", 900),
        WHOLE_RUN("Whole run", 0);

        final String label;
        final int seconds;

        Window(String label, int seconds) {
            this.label = label;
            this.seconds = seconds;
        }
    }

    /** The shortest time span shown at the start of a run, s. */
    private static final double MIN_SPAN_SECONDS = 30;

    private final DoubleDataSet rps = new DoubleDataSet("requests/s");
    private final DoubleDataSet failures = new DoubleDataSet("failures/s");
    private final DoubleDataSet p50 = new DoubleDataSet("p50");
    private final DoubleDataSet p95 = new DoubleDataSet("p95");
    private final DoubleDataSet p99 = new DoubleDataSet("p99");
    private final DoubleDataSet users = new DoubleDataSet("users");
    private final DoubleDataSet arrivals = new DoubleDataSet("arrivals/s");
    private final DoubleDataSet dropped = new DoubleDataSet("dropped/s");

    private final Plot throughput = new Plot("Requests per second", "req/s", rps, failures);
    private final Plot latency = new Plot("Response times", "ms", p50, p95, p99);
    private final Plot load = new Plot("Users", "users", users);
    private final List<Plot> plots = List.of(throughput, latency, load);
    private final ChoiceBox<Window> window = new ChoiceBox<>();
    private final VBox node;

    private int consumed;
    private int generation = Integer.MIN_VALUE;
    private boolean openShown;
    private double lastNow;

    RunCharts() {
        window.getItems().setAll(Window.values());
        window.setValue(Window.FIVE_MINUTES);
        window.valueProperty().addListener((o, was, now) -> follow(lastNow));
        window.setConverter(new StringConverter<>() {
            @Override
            public String toString(Window w) {
                return w == null ? "" : w.label;
            }

            @Override
            public Window fromString(String s) {
                return null;
            }
        });
        window.setId("chart-window");
        Label hint = new Label("Drag to zoom, right-click to zoom out.");
        hint.getStyleClass().add("run-hint");
        HBox bar = new HBox(8, new Label("Show"), window, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 4, 0, 4));

        GridPane grid = new GridPane();
        grid.setHgap(4);
        for (int i = 0; i < plots.size(); i++) {
            XYChart chart = plots.get(i).chart;
            grid.add(chart, i, 0);
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
            chart.setMinSize(120, 120);
            chart.setPrefSize(360, 240);
        }
        node = new VBox(4, bar, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        node.setId("run-charts");
    }

    Region node() {
        return node;
    }

    /** Shows the whole run on the time axis (for a finished run). */
    void showWholeRun() {
        window.setValue(Window.WHOLE_RUN);
    }

    /** The requests/s dataset (for tests). */
    DoubleDataSet requestsDataSet() {
        return rps;
    }

    /** Appends the points not yet shown (or starts over if the history was replaced) and moves the time axes. */
    void update(ChartHistory history, boolean openModel) {
        if (openModel != openShown) {
            openShown = openModel;
            if (openModel) {
                load.renderer.getDatasets().addAll(arrivals, dropped);
            } else {
                load.renderer.getDatasets().removeAll(arrivals, dropped);
            }
        }
        if (history.generation() != generation) {
            generation = history.generation();
            consumed = 0;
            for (DoubleDataSet d : List.of(rps, failures, p50, p95, p99, users, arrivals, dropped)) {
                d.clearData();
            }
        }
        int n = history.size() - consumed;
        if (n > 0) {
            double[] x = new double[n];
            double[][] y = new double[8][n];
            for (int i = 0; i < n; i++) {
                SamplePoint p = history.get(consumed + i);
                x[i] = p.elapsedMillis() / 1000.0;
                y[0][i] = p.rps();
                y[1][i] = p.failuresPerSecond();
                y[2][i] = p.p50Ms();
                y[3][i] = p.p95Ms();
                y[4][i] = p.p99Ms();
                y[5][i] = p.users();
                y[6][i] = Double.isNaN(p.arrivalRate()) ? 0 : p.arrivalRate();
                y[7][i] = p.droppedPerSecond();
            }
            List<DoubleDataSet> sets = List.of(rps, failures, p50, p95, p99, users, arrivals, dropped);
            for (int k = 0; k < sets.size(); k++) {
                sets.get(k).add(x, y[k]);
            }
            consumed = history.size();
        }
        lastNow = history.lastElapsedMillis() / 1000.0;
        follow(lastNow);
    }

    private void follow(double now) {
        Window w = window.getValue();
        for (Plot plot : plots) {
            if (!plot.zoomer.zoomStackDeque().isEmpty()) {
                continue;
            }
            if (w == Window.WHOLE_RUN || w == null) {
                plot.x.setAutoRanging(true);
            } else {
                plot.x.setAutoRanging(false);
                // Grows with the run until the window is full, then slides with the present.
                double max = Math.max(now, Math.min(w.seconds, MIN_SPAN_SECONDS));
                plot.x.set(Math.max(0, max - w.seconds), max);
            }
        }
    }

    /** One chart with its axes, renderer and zoomer. */
    private static final class Plot {
        final DefaultNumericAxis x = new DefaultNumericAxis("time", "s");
        final DefaultNumericAxis y = new DefaultNumericAxis();
        final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        final Zoomer zoomer = new Zoomer();
        final XYChart chart;

        Plot(String title, String unit, DoubleDataSet... sets) {
            y.setName(unit);
            y.setUnit(null);
            y.setForceZeroInRange(true);
            y.setAutoRangeRounding(true);
            y.setAutoRangePadding(0.05);
            y.setAnimated(false);
            x.setAnimated(false);
            x.setAutoRangeRounding(false);
            chart = new XYChart(x, y);
            chart.setTitle(title);
            chart.setAnimated(false);
            chart.setLegendVisible(true);
            renderer.setDrawMarker(false);
            renderer.setPolyLineStyle(LineStyle.NORMAL);
            renderer.setErrorStyle(ErrorStyle.NONE);
            renderer.getDatasets().addAll(sets);
            chart.getRenderers().setAll(renderer);
            chart.getPlugins().add(zoomer);
            chart.getStyleClass().add("run-chart");
        }
    }
}
