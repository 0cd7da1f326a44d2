package dev.throng.app.run;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The run dashboard: Start / Stop / Reset, the load inputs (slider and field; they change a running run live), the
 * progress over the plan's stages, warnings, charts and the statistics, failures and agents tables; for a capacity
 * search also the chart against load, the table of steps and, once it has ended, the result card ({@link
 * CapacityPanel}).
 *
 * <p>Confined to the FX thread. While active (shown), a {@link Timeline} samples the view-model twice a second; the
 * charts are filled only from that tick. The main window calls {@link #setActive} when the tab is shown or hidden, and
 * {@link #setFeedingOthers} while another view (the flow overlay) shows the run.
 */
public final class RunView extends BorderPane {
    /** How often the sampler reads the engine's snapshot, ms. */
    static final int SAMPLE_MILLIS = 500;

    private final RunViewModel vm;
    private final RunCharts charts = new RunCharts();
    private final StageProgress progress = new StageProgress();
    private final StatsTable stats;
    private final CapacityPanel capacity;
    private final Timeline sampler;
    private boolean active;
    private boolean feeding;

    public RunView(RunViewModel vm) {
        this.vm = vm;
        getStyleClass().add("run-view");
        var css = RunView.class.getResource("run.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        stats = new StatsTable(vm);
        sampler = new Timeline(new KeyFrame(Duration.millis(SAMPLE_MILLIS), e -> tick()));
        sampler.setCycleCount(Animation.INDEFINITE);

        VBox top = new VBox(6, controls(), progress, warnings(), errorLabel(), new ProfileWeightsPane(vm));
        top.setPadding(new Insets(8));
        setTop(top);

        TabPane tabs = new TabPane(
                new Tab("Statistics", stats),
                new Tab("Failures", new FailuresTable(vm)),
                new Tab("Agents", new AgentsTable(vm)),
                new Tab("Debug run", new DebugRunPanel(vm.debugRun())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("run-tabs");
        vm.failures().addListener((ListChangeListener<Object>)
                c -> tabs.getTabs().get(1).setText("Failures (" + vm.failures().size() + ")"));
        capacity = new CapacityPanel(vm.capacity());
        SplitPane split = new SplitPane();
        split.setOrientation(Orientation.VERTICAL);
        Runnable layout = () -> {
            if (vm.capacity().activeProperty().get()) {
                split.getItems().setAll(capacity, charts.node(), tabs);
                split.setDividerPositions(0.45, 0.72);
            } else {
                split.getItems().setAll(charts.node(), tabs);
                split.setDividerPositions(0.5);
            }
        };
        layout.run();
        vm.capacity().activeProperty().addListener((o, was, now) -> layout.run());
        setCenter(split);
        vm.progressProperty().addListener((o, was, now) -> progress.show(now));
    }

    /**
     * Starts (true) or stops (false) sampling; the main window calls it when the dashboard is shown or hidden. Showing
     * it also reads the project's plan into the inputs when no run is going on.
     */
    public void setActive(boolean value) {
        checkThread();
        if (value == active) {
            return;
        }
        active = value;
        if (value) {
            vm.refreshFromProject();
            vm.debugRun().refreshFromProject();
        }
        updateSampler();
    }

    /**
     * Keeps sampling (true) while the dashboard is hidden because another view shows the run's snapshots (the flow
     * designer's overlay listens to {@link RunViewModel#snapshotProperty()}); the charts are not updated then, and
     * catch up when the dashboard is shown again.
     */
    public void setFeedingOthers(boolean value) {
        checkThread();
        feeding = value;
        updateSampler();
    }

    private void updateSampler() {
        if (active || feeding) {
            sampler.play();
        } else {
            sampler.stop();
        }
    }

    /** Whether the dashboard is shown (its sampler runs). */
    public boolean isActive() {
        return active;
    }

    RunCharts charts() {
        return charts;
    }

    StatsTable stats() {
        return stats;
    }

    CapacityPanel capacityPanel() {
        return capacity;
    }

    /** One sampler tick: read the snapshot; on new statistics, append to the charts. */
    void tick() {
        boolean newStats = vm.sample();
        if (active && (newStats || vm.stateProperty().get() == RunState.FINISHED)) {
            charts.update(vm.history(), vm.openModelProperty().get());
        }
        if (active && vm.capacity().activeProperty().get()) {
            capacity.update();
        }
    }

    private Region controls() {
        Button start = new Button("Start");
        start.setId("start");
        start.setDefaultButton(false);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.disableProperty().bind(vm.canStopProperty().not());
        stop.setOnAction(e -> vm.stop());
        stop.textProperty()
                .bind(Bindings.when(vm.stateProperty().isEqualTo(RunState.STOPPING))
                        .then("Stop now")
                        .otherwise("Stop"));
        Button reset = new Button("Reset statistics");
        reset.setId("reset");
        reset.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.RUNNING));
        reset.setOnAction(e -> vm.resetStatistics());

        Label usersLabel = new Label("Users");
        SliderField users = new SliderField(
                "users", vm.usersProperty(), Math.max(100, vm.usersProperty().get() * 2), true);
        Label spawnLabel = new Label("Spawn/s");
        SliderField spawn = new SliderField("spawn-rate", vm.spawnRateProperty(), 50, false);
        Label arrivalLabel = new Label("Arrivals/s");
        SliderField arrivals = new SliderField("arrival-rate", vm.arrivalRateProperty(), 200, false);
        Label durationLabel = new Label("Duration s");
        SliderField duration = new SliderField("duration", vm.durationSecondsProperty(), 3600, true, false);
        duration.disableProperty()
                .bind(vm.stateProperty()
                        .isNotEqualTo(RunState.IDLE)
                        .and(vm.stateProperty().isNotEqualTo(RunState.FINISHED)));
        // each label stays with its input when the row wraps in a narrow window
        HBox usersInput = labelled(usersLabel, users);
        HBox spawnInput = labelled(spawnLabel, spawn);
        HBox arrivalsInput = labelled(arrivalLabel, arrivals);
        HBox durationInput = labelled(durationLabel, duration);
        for (var n : new javafx.scene.Node[] {usersInput, spawnInput}) {
            n.visibleProperty().bind(vm.openModelProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        arrivalsInput.visibleProperty().bind(vm.openModelProperty());
        arrivalsInput.managedProperty().bind(arrivalsInput.visibleProperty());

        Label phase = new Label();
        phase.setId("phase");
        phase.getStyleClass().add("run-phase");
        phase.textProperty().bind(vm.phaseTextProperty());
        Label elapsed = new Label();
        elapsed.setId("elapsed");
        elapsed.textProperty().bind(vm.elapsedTextProperty());
        Label running = new Label();
        running.setId("users-now");
        running.textProperty().bind(vm.usersTextProperty());

        HBox buttons = new HBox(6, start, stop, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        FlowPane inputs = new FlowPane(8, 4, usersInput, spawnInput, arrivalsInput, durationInput);
        inputs.setAlignment(Pos.CENTER_LEFT);
        Label saved = new Label();
        saved.setId("saved-to");
        saved.getStyleClass().add("run-hint");
        saved.textProperty().bind(vm.savedToProperty());
        saved.visibleProperty().bind(vm.savedToProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());
        HBox status = new HBox(12, phase, elapsed, running, saved);
        status.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(inputs, Priority.ALWAYS);
        // In a narrow window the inputs wrap; buttons and the status never shrink into "S...".
        for (Region fixed : new Region[] {start, stop, reset, buttons, phase, elapsed, running, status}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        inputs.setMinWidth(0);
        inputs.visibleProperty().bind(vm.searchProperty().not());
        inputs.managedProperty().bind(inputs.visibleProperty());
        Label searchHint = new Label("Capacity search: it sets the load itself, step by step.");
        searchHint.getStyleClass().add("run-hint");
        searchHint.visibleProperty().bind(vm.searchProperty());
        searchHint.managedProperty().bind(searchHint.visibleProperty());
        HBox.setHgrow(searchHint, Priority.ALWAYS);
        searchHint.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(12, buttons, new Separator(Orientation.VERTICAL), inputs, searchHint, status);
        row.setAlignment(Pos.CENTER_LEFT);
        // the inputs wrap at the width they really have, so the row is as tall as their rows (one when wide)
        inputs.prefWrapLengthProperty()
                .bind(row.widthProperty()
                        .subtract(buttons.widthProperty())
                        .subtract(status.widthProperty())
                        .subtract(60));
        return row;
    }

    private static HBox labelled(Label label, SliderField input) {
        HBox box = new HBox(8, label, input);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Region warnings() {
        VBox box = new VBox(2);
        box.setId("warnings");
        Runnable rebuild = () -> {
            box.getChildren().clear();
            for (String w : vm.warnings()) {
                Label l = new Label("⚠ " + w);
                l.getStyleClass().add("run-warning");
                l.setMaxWidth(Double.MAX_VALUE);
                l.setWrapText(true);
                box.getChildren().add(l);
            }
        };
        vm.warnings().addListener((ListChangeListener<String>) c -> rebuild.run());
        box.managedProperty().bind(Bindings.isNotEmpty(vm.warnings()));
        return box;
    }

    private Region errorLabel() {
        Label error = new Label();
        error.setId("run-error");
        error.getStyleClass().add("run-error");
        error.setMaxWidth(Double.MAX_VALUE);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private static void checkThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("RunView is used on the FX thread only, not "
                    + Thread.currentThread().getName());
        }
    }
}
