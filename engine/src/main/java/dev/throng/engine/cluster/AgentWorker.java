package dev.throng.engine.cluster;

import dev.throng.engine.project.Project;
import dev.throng.engine.project.io.ProjectFiles;
import dev.throng.engine.project.io.ReadResult;
import dev.throng.engine.protocol.IntervalStatsCodec;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.run.Runs;
import dev.throng.engine.run.ShareHandle;
import dev.throng.engine.run.ShareInterval;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.stats.IntervalStats;
import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An agent's side of distributed runs: takes the controller's messages, prepares each shipped project in a folder of
 * its own, runs this agent's share with a local run ({@link Runs#startShare}), sends a {@link Message.Stats} every
 * second (and a last one once its users have ended, then a {@link Message.Ended}), applies changes (users, rates,
 * weights, and more unique rows handed on from an agent that left), and stops. Runs one run at a time, any number
 * one after another. The in-process agent of a local run is one of these, reading the project's own folder.
 *
 * <p>Load never runs away: the local run is bounded by the shipped plan's duration; {@link #controllerLost} stops it
 * at once.
 *
 * <p>Threads: {@link #onMessage} and {@link #controllerLost} may be called from any thread (the transport's) and
 * return at once; the work is done in order on one platform thread ("throng-agent-worker"). The callbacks
 * ({@code toController}, {@code state}, {@code log}) are called on that thread or on the run's ticker or scheduler
 * thread and must not block.
 */
public final class AgentWorker implements AutoCloseable {
    /** Error messages that mean "this agent cannot take part in the run" start with this. */
    public static final String CANNOT_RUN = "cannot run: ";

    private final Path workRoot;
    private final Map<String, String> environment;
    private final Consumer<Message> toController;
    private final Consumer<PeerState> state;
    private final Consumer<String> log;
    private final Clock clock;
    /** The project folder runs use as it is (nothing written or removed), or null for a folder per run. */
    private final Path projectDirectory;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("throng-agent-worker").daemon().factory());

    // worker thread only
    private Prepared prepared;
    private ShareHandle run;
    private String runId;
    /** The run whose end was told to the controller. */
    private String endedRunId;

    private record Prepared(String runId, Project project, Path directory, Message.ProjectShipment shipment) {}

    /**
     * @param workRoot the folder where each run's project and data files are written (a sub-folder per run)
     * @param environment the variables {@code ${env:NAME}} reads on this agent
     * @param toController sends a message to the controller
     * @param state receives this agent's state for its heartbeats
     * @param log receives one line for people per event
     */
    public AgentWorker(
            Path workRoot,
            Map<String, String> environment,
            Consumer<Message> toController,
            Consumer<PeerState> state,
            Consumer<String> log) {
        this(workRoot, null, environment, Clock.system(), toController, state, log);
    }

    /**
     * @param workRoot the folder where each run's project and data files are written (a sub-folder per run); ignored
     *     when {@code projectDirectory} is set
     * @param projectDirectory the folder of the project, used as it is for every run (the project's own files are
     *     read there; nothing is written or removed), or {@code null} to write each shipped run below
     *     {@code workRoot}
     * @param clock the runs' clock
     */
    AgentWorker(
            Path workRoot,
            Path projectDirectory,
            Map<String, String> environment,
            Clock clock,
            Consumer<Message> toController,
            Consumer<PeerState> state,
            Consumer<String> log) {
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
        this.projectDirectory = projectDirectory;
        this.environment = Map.copyOf(environment);
        this.toController = Objects.requireNonNull(toController, "toController");
        this.state = Objects.requireNonNull(state, "state");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Handles a message from the controller (a shipment, start, change, stop or error). Returns at once. */
    public void onMessage(Message message) {
        submit(() -> handle(message));
    }

    /** The controller went silent or said bye: stops the load at once and goes back to waiting. Returns at once. */
    public void controllerLost(String reason) {
        submit(() -> {
            if (run != null) {
                log.accept("controller lost (" + reason + "): stopping the load of run " + runId + " now");
                endRun();
            }
            prepared = null;
            state.accept(PeerState.IDLE);
        });
    }

    /** Whether a run of this agent is generating load now. For tests and logs. */
    public boolean isRunning() {
        try {
            return worker.submit(() -> run != null).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops any run at once and ends the worker thread. */
    @Override
    public void close() {
        submit(this::endRun);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(15, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.accept("internal error: " + e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private void handle(Message message) {
        switch (message) {
            case Message.ProjectShipment s -> prepare(s);
            case Message.Start s -> start(s);
            case Message.Change c -> change(c);
            case Message.Stop s -> {
                if (run != null && s.runId().equals(runId)) {
                    log.accept("stop of run " + runId + (s.graceful() ? " (graceful)" : " (at once)"));
                    state.accept(PeerState.STOPPING);
                    run.stop(s.graceful());
                }
            }
            case Message.Error e -> log.accept("the controller reports: " + e.message());
            default -> {}
        }
    }

    private void prepare(Message.ProjectShipment s) {
        if (run != null) {
            log.accept("a new run " + s.runId() + " arrived while run " + runId + " was running: stopping the old one");
            endRun();
        }
        Path directory = projectDirectory != null ? projectDirectory : workRoot.resolve("run-" + s.runId());
        if (projectDirectory == null) {
            try {
                deleteTree(directory);
                Files.createDirectories(directory);
                ProjectShipping.writeFiles(s.dataFiles(), directory);
            } catch (IOException e) {
                refuse(s.runId(), "cannot write the project's files in " + directory + ": " + e.getMessage());
                return;
            }
        }
        ReadResult read = ProjectFiles.parse(s.projectJson(), "the shipped project", directory);
        if (!read.ok()) {
            refuse(s.runId(), "the shipped project has errors: " + read.errors());
            return;
        }
        prepared = new Prepared(s.runId(), read.project(), directory, s);
        state.accept(PeerState.READY);
        log.accept("received run " + s.runId() + " of '" + read.project().name() + "': "
                + s.share().totalUsers() + " users, " + s.dataFiles().size() + " data files ("
                + s.dataBytes() + " bytes)");
    }

    private void start(Message.Start s) {
        if (prepared == null || !prepared.runId().equals(s.runId())) {
            log.accept("ignored a start of run " + s.runId() + ", which was not prepared");
            return;
        }
        Prepared p = prepared;
        var plan = p.shipment().plan();
        var share = p.shipment().share();
        RunOptions options = new RunOptions(p.directory(), environment, clock, plan.seed(), plan.maxNames());
        Duration duration = plan.durationMillis() == null ? null : Duration.ofMillis(plan.durationMillis());
        var overrides = new Overrides(null, null, duration, plan.host());
        String id = p.runId();
        var warningsSent = new java.util.concurrent.atomic.AtomicInteger();
        var rows = new java.util.LinkedHashMap<String, java.util.function.LongPredicate>();
        share.uniqueRows().forEach((source, partition) -> rows.put(source, partition::contains));
        try {
            ShareHandle started = Runs.startShare(
                    p.project(), options, overrides, rows, interval -> sendStats(id, interval, warningsSent));
            run = started;
            runId = id;
        } catch (RunStartException | IllegalArgumentException e) {
            refuse(id, e.getMessage());
            return;
        }
        state.accept(PeerState.RUNNING);
        log.accept("started run " + id + " with " + share.totalUsers() + " users");
        run.completion().whenComplete((result, error) -> submit(() -> finished(id, result, error)));
    }

    private void sendStats(String id, ShareInterval part, java.util.concurrent.atomic.AtomicInteger warningsSent) {
        IntervalStats interval = part.interval();
        List<String> warnings = part.warnings();
        int from = Math.min(warningsSent.get(), warnings.size());
        warningsSent.set(warnings.size());
        double cpu = -1;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = Math.max(-1, Math.min(1, os.getProcessCpuLoad()));
        }
        var runtime = Runtime.getRuntime();
        toController.accept(new Message.Stats(
                id,
                interval.sequence(),
                part.users(),
                cpu,
                runtime.totalMemory() - runtime.freeMemory(),
                IntervalStatsCodec.encode(interval),
                part.droppedArrivals(),
                part.rowsTaken(),
                List.copyOf(warnings.subList(from, warnings.size()))));
    }

    private void finished(String id, RunResult result, Throwable error) {
        if (!id.equals(runId) || run == null) {
            return;
        }
        String why = error != null ? "internal error " + error : describe(result.reason());
        log.accept("run " + id + " ended: " + why + "; waiting for the next run");
        endRun();
        state.accept(PeerState.IDLE);
    }

    /** Tells the controller that the part of run {@code id} ended (after its last statistics), once. */
    private void sendEnded(String id, RunHandle ended) {
        if (id.equals(endedRunId)) {
            return;
        }
        endedRunId = id;
        String failure = null;
        try {
            RunResult result = ended.completion().toCompletableFuture().getNow(null);
            if (result != null && result.reason() instanceof StopReason.Failed f) {
                failure = f.message();
            }
        } catch (java.util.concurrent.CompletionException e) {
            failure = "internal error of the agent: " + e.getCause();
        }
        toController.accept(new Message.Ended(id, failure));
    }

    private void change(Message.Change c) {
        if (run == null || !c.runId().equals(runId)) {
            return;
        }
        var text = new StringBuilder("change of run " + runId + ":");
        if (c.weights() != null) {
            run.setProfileWeights(c.weights());
            text.append(" weights ").append(c.weights());
        }
        if (c.spawnRate() != null) {
            run.setSpawnRate(c.spawnRate());
            text.append(String.format(java.util.Locale.ROOT, " spawn rate %.2f/s", c.spawnRate()));
        }
        if (c.targetUsers() != null) {
            run.setTargetUsers(c.targetUsers());
            text.append(" users ").append(c.targetUsers());
        }
        if (c.arrivalRate() != null) {
            run.setArrivalRate(c.arrivalRate());
            text.append(String.format(java.util.Locale.ROOT, " arrival rate %.2f/s", c.arrivalRate()));
        }
        if (c.share() != null) {
            c.share().uniqueRows().forEach((source, partition) -> {
                try {
                    run.addUniqueRows(source, partition::contains);
                    text.append(" more rows of '")
                            .append(source)
                            .append("' (")
                            .append(partition)
                            .append(')');
                } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                    text.append(" could not add rows of '")
                            .append(source)
                            .append("': ")
                            .append(e.getMessage());
                }
            });
        }
        log.accept(text.toString());
    }

    private void refuse(String id, String why) {
        log.accept("cannot run " + id + ": " + why);
        toController.accept(new Message.Error(CANNOT_RUN + why));
        prepared = null;
        state.accept(PeerState.IDLE);
    }

    /** Stops the current run at once, waits for its threads, removes its folder (not a project folder in use). */
    private void endRun() {
        RunHandle r = run;
        run = null;
        if (r != null) {
            r.close();
            sendEnded(runId, r);
        }
        if (prepared != null && projectDirectory == null) {
            try {
                deleteTree(prepared.directory());
            } catch (IOException e) {
                log.accept("could not remove " + prepared.directory() + ": " + e.getMessage());
            }
        }
        prepared = null;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static String describe(StopReason reason) {
        return switch (reason) {
            case StopReason.Completed c -> "completed";
            case StopReason.StoppedByUser s -> "stopped";
            case StopReason.ThresholdBroken t -> "threshold " + t.rule() + " broken";
            case StopReason.Failed f -> "failed: " + f.message();
        };
    }
}
