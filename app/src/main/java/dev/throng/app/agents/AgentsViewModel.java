package dev.throng.app.agents;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.ThreadOwner;
import dev.throng.engine.cluster.ClusterOptions;
import dev.throng.engine.cluster.Controller;
import dev.throng.engine.project.Project;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.run.Runs;
import dev.throng.engine.time.Clock;
import dev.throng.engine.transport.AgentInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agents pane: listens for remote agents on an endpoint (plain or with the keys of {@code throng keys init}),
 * shows who joined, and chooses whether the Run tab's Start runs locally or on the agents ({@link #starter()}).
 *
 * <p>FX thread only (the thread that made it). Binding and closing the controller run through {@link BackgroundTasks};
 * the table is refreshed every {@value #POLL_MILLIS} ms from a snapshot that never blocks. A controller serves one
 * run: once a run took it, the pane stops listening when the run ends ({@link #runEnded()}), and Listen binds anew.
 */
public final class AgentsViewModel {
    /** The table's refresh period, ms. */
    static final long POLL_MILLIS = 500;

    private static final int LOG_LINES = 200;

    private final BackgroundTasks tasks;
    private final Function<ClusterOptions, AgentListener> binder;
    private final LongSupplier nowMillis;
    private final BiFunction<Project, Path, RunHandle> localStarter;
    private final ThreadOwner owner = new ThreadOwner();

    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", ClusterOptions.DEFAULT_BIND);
    private final StringProperty keysFolder = new SimpleStringProperty(this, "keysFolder", "");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure", false);
    private final IntegerProperty agentCount = new SimpleIntegerProperty(this, "agentCount", 1);
    private final ObjectProperty<RunTarget> runOn = new SimpleObjectProperty<>(this, "runOn", RunTarget.LOCAL);

    private final ReadOnlyBooleanWrapper listening = new ReadOnlyBooleanWrapper(this, "listening", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not listening.");
    private final ReadOnlyStringWrapper boundEndpoint = new ReadOnlyStringWrapper(this, "boundEndpoint", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<AgentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();

    private AgentListener listener;
    private AutoCloseable poll;
    private boolean inRun;
    private int generation;

    /** The app's pane: binds a real {@link Controller}; Local runs with {@code Runs.startLocal}. */
    public AgentsViewModel(BackgroundTasks tasks) {
        this(
                tasks,
                options -> AgentListener.of(Controller.bind(options)),
                () -> Clock.system().currentTimeMillis(),
                (project, directory) -> Runs.startLocal(project, RunOptions.of(directory)));
    }

    AgentsViewModel(
            BackgroundTasks tasks,
            Function<ClusterOptions, AgentListener> binder,
            LongSupplier nowMillis,
            BiFunction<Project, Path, RunHandle> localStarter) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.binder = Objects.requireNonNull(binder, "binder");
        this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
        this.localStarter = Objects.requireNonNull(localStarter, "localStarter");
    }

    /** Where to listen, e.g. {@code tcp://*:5557}. */
    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** The key folder made by {@code throng keys init} (holds controller.key and the allowed agent keys). */
    public StringProperty keysFolderProperty() {
        return keysFolder;
    }

    /** Listen without encryption or authentication (any host that reaches the port can join). */
    public BooleanProperty insecureProperty() {
        return insecure;
    }

    /** How many agents a run waits for before it starts, at least 1. */
    public IntegerProperty agentCountProperty() {
        return agentCount;
    }

    /** Where Start runs the project. */
    public ObjectProperty<RunTarget> runOnProperty() {
        return runOn;
    }

    /** Whether a controller is bound now. */
    public ReadOnlyBooleanProperty listeningProperty() {
        return listening.getReadOnlyProperty();
    }

    /** Whether a bind or close is under way (the buttons wait). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** One line saying what the pane does now, with the command that starts an agent while listening. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The address bound now, with its real port (empty when not listening). */
    public ReadOnlyStringProperty boundEndpointProperty() {
        return boundEndpoint.getReadOnlyProperty();
    }

    /** The last error for people (empty when none). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The joined agents, sorted by id. */
    public ObservableList<AgentRow> rows() {
        return rows;
    }

    /** The controller's event lines (joined, lost, refused), the newest last, at most {@value #LOG_LINES}. */
    public ObservableList<String> log() {
        return log;
    }

    /** Binds a controller as the inputs say; errors (port in use, missing keys) land in {@link #errorProperty()}. */
    public void listen() {
        owner.check();
        if (listener != null || busy.get()) {
            return;
        }
        error.set("");
        String address = endpoint.get() == null ? "" : endpoint.get().strip();
        if (address.isEmpty()) {
            error.set("Enter the address to listen on, e.g. " + ClusterOptions.DEFAULT_BIND + ".");
            return;
        }
        Path keys = null;
        if (!insecure.get()) {
            String folder = keysFolder.get() == null ? "" : keysFolder.get().strip();
            if (folder.isEmpty()) {
                error.set("Choose the keys folder made by 'throng keys init' (it holds controller.key), or tick"
                        + " Insecure on a trusted network.");
                return;
            }
            keys = Path.of(folder);
        }
        if (agentCount.get() < 1) {
            error.set("Wait for at least 1 agent.");
            return;
        }
        var options = new ClusterOptions(
                address, keys, agentCount.get(), ClusterOptions.DEFAULT_AGENT_TIMEOUT, this::logFromAnyThread);
        int token = ++generation;
        busy.set(true);
        status.set("Binding " + address + "…");
        tasks.run(() -> binder.apply(options), l -> bound(token, l), e -> bindFailed(token, address, e));
    }

    /** Closes the controller (agents go back to waiting). Does nothing while a run uses it. */
    public void stopListening() {
        owner.check();
        if (listener == null || inRun) {
            return;
        }
        release("Not listening.");
    }

    /** Refreshes the table from the controller's snapshot. Called by the poll; public for the view's first paint. */
    public void refresh() {
        owner.check();
        if (listener == null) {
            rows.clear();
            return;
        }
        long now = nowMillis.getAsLong();
        var list = listener.agents().stream()
                .sorted(Comparator.comparing(AgentInfo::agentId))
                .map(a -> row(a, now))
                .toList();
        if (!list.equals(rows)) {
            rows.setAll(list);
        }
    }

    /**
     * The starter for the Run tab's next Start, chosen now (FX thread): local, or the listening controller, which
     * the run then owns. The returned function blocks until the agents joined; it is called off the FX thread.
     */
    public BiFunction<Project, Path, RunHandle> starter() {
        owner.check();
        if (runOn.get() == RunTarget.LOCAL) {
            return localStarter;
        }
        if (listener == null) {
            String why = busy.get()
                    ? "the agents pane is still binding its address; try again in a moment."
                    : "not listening for agents. Press Listen in the Agents tab first, or choose Run on: Local.";
            return (project, directory) -> {
                throw new RunStartException(why);
            };
        }
        if (inRun) {
            return (project, directory) -> {
                throw new RunStartException("the agents are busy with the current run; wait until it ends.");
            };
        }
        AgentListener l = listener;
        inRun = true;
        int wanted = agentCount.get();
        status.set("A run has the controller on " + l.endpoint() + " (it waits for " + wanted
                + (wanted == 1 ? " agent" : " agents") + " before starting); press Listen again after it ends.");
        return (project, directory) -> {
            try {
                return l.start(project, directory);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStartException("interrupted while waiting for the agents", e);
            }
        };
    }

    /** Whether the listening controller was handed to a run that has not ended yet. */
    public boolean isInRun() {
        owner.check();
        return inRun;
    }

    /**
     * The Run tab's run ended (or could not start). A controller serves one run, so the pane stops listening;
     * press Listen to take the next run. Does nothing when no run used the controller.
     */
    public void runEnded() {
        owner.check();
        if (!inRun) {
            return;
        }
        inRun = false;
        release("The run ended and closed the controller; press Listen for the next distributed run.");
    }

    /** Stops the poll and closes any controller. For the window's close. */
    public void shutdown() {
        owner.check();
        inRun = false;
        if (listener != null) {
            release("Not listening.");
        }
    }

    private void bound(int token, AgentListener l) {
        busy.set(false);
        if (token != generation) {
            tasks.run(l::close, e -> {});
            return;
        }
        listener = l;
        listening.set(true);
        boundEndpoint.set(l.endpoint());
        status.set("Listening on " + l.endpoint() + ". Start agents with: throng agent --controller "
                + joinAddress(l.endpoint()) + (insecure.get() ? " --insecure" : " --keys <agent keys folder>"));
        refresh();
        poll = tasks.every(Duration.ofMillis(POLL_MILLIS), this::refresh);
    }

    private void bindFailed(int token, String address, Exception e) {
        if (token != generation) {
            return;
        }
        busy.set(false);
        status.set("Not listening.");
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        error.set("Could not listen on " + address + ": " + message);
    }

    private void release(String statusText) {
        AgentListener l = listener;
        listener = null;
        generation++;
        closePoll();
        listening.set(false);
        boundEndpoint.set("");
        rows.clear();
        status.set(statusText);
        if (l != null) {
            tasks.run(l::close, e -> error.set("Could not close the controller: " + e.getMessage()));
        }
    }

    private void closePoll() {
        AutoCloseable p = poll;
        poll = null;
        if (p != null) {
            try {
                p.close();
            } catch (Exception e) {
                error.set("Could not stop the agents table's refresh: " + e.getMessage());
            }
        }
    }

    private void logFromAnyThread(String line) {
        tasks.ui().execute(() -> {
            log.add(line);
            if (log.size() > LOG_LINES) {
                log.remove(0, log.size() - LOG_LINES);
            }
        });
    }

    private static AgentRow row(AgentInfo a, long nowMillis) {
        var hello = a.hello();
        double gib = hello.memoryBytes() / (1024.0 * 1024 * 1024);
        double ago = Math.max(0, nowMillis - a.lastHeardMillis()) / 1000.0;
        return new AgentRow(
                a.agentId(),
                hello.hostName(),
                hello.cores(),
                String.format(Locale.ROOT, "%.1f GiB", gib),
                a.state().name().toLowerCase(Locale.ROOT),
                String.format(Locale.ROOT, "%.1f s ago", ago));
    }

    /** The address agents dial: a wildcard bind becomes {@code HOST}. */
    static String joinAddress(String bound) {
        return bound.replace("://*:", "://HOST:").replace("://0.0.0.0:", "://HOST:");
    }
}
