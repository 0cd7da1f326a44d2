package dev.throng.app.run;

import dev.throng.app.fx.FxThread;
import dev.throng.engine.run.RunResult;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * The dashboard of a finished run, read-only: the run's charts (from its saved history, one point per second) and its
 * statistics and failures tables, the same parts the live dashboard uses; for a capacity search also its result card,
 * chart against load and table of steps.
 *
 * <p>Confined to the FX thread. The charts are filled by one tick of a short {@link Timeline} once the view is in a
 * scene (chartfx must not be filled right after its window shows).
 */
public final class RunResultView extends BorderPane {
    private final RunViewModel vm;
    private final RunCharts charts = new RunCharts();
    private final CapacityPanel capacity;
    private final Timeline filler;

    /** Shows {@code result}. */
    public RunResultView(RunResult result) {
        FxThread.check();
        this.vm = RunViewModel.ofResult(result);
        getStyleClass().add("run-view");
        var css = RunView.class.getResource("run.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setId("run-result-view");
        charts.showWholeRun();
        TabPane tabs = new TabPane(
                new Tab("Statistics", new StatsTable(vm)),
                new Tab("Failures (" + vm.failures().size() + ")", new FailuresTable(vm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.failures().addListener((ListChangeListener<Object>)
                c -> tabs.getTabs().get(1).setText("Failures (" + vm.failures().size() + ")"));
        capacity = result.capacity() == null ? null : new CapacityPanel(vm.capacity());
        SplitPane split =
                capacity == null ? new SplitPane(charts.node(), tabs) : new SplitPane(capacity, charts.node(), tabs);
        split.setOrientation(Orientation.VERTICAL);
        if (capacity == null) {
            split.setDividerPositions(0.5);
        } else {
            split.setDividerPositions(0.45, 0.72);
        }
        setCenter(split);
        filler = new Timeline(new KeyFrame(Duration.millis(RunView.SAMPLE_MILLIS / 5.0), e -> fill()));
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                filler.playFromStart();
            } else {
                filler.stop();
            }
        });
    }

    /** The view-model it shows (read-only). */
    public RunViewModel viewModel() {
        return vm;
    }

    /** Number of points in the requests/s chart (for tests). */
    public int chartPoints() {
        return charts.requestsDataSet().getDataCount();
    }

    /** The capacity search's panel, or null when the run was not a search (for tests). */
    CapacityPanel capacityPanel() {
        return capacity;
    }

    private void fill() {
        charts.update(vm.history(), false);
        if (capacity != null) {
            capacity.update();
        }
    }
}
