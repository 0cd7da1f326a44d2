package dev.throng.engine.cluster;

import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.protocol.IntervalStatsCodec;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunPhase;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.run.internal.CapacityDriver;
import dev.throng.engine.stats.IntervalStats;
import dev.throng.engine.stats.StatsAggregator;
import dev.throng.engine.stats.StatsSnapshot;
import dev.throng.engine.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run seen from the controller, distributed or local (one agent in this process): the {@link RunHandle} of both. It
 * hands each agent its share ({@link ShareDispatch}) of what the run wants now ({@link LiveTargets}: the plan, or the
 * live values set here), merges the agents' intervals, re-dispatches the users of lost agents to the others, hands
 * the unique rows an agent that left did not use to the others ({@link RowLedger}), gives late agents a share, and
 * ends the run once its time is over and every agent has ended its part.
 *
 * <p>Threads: every event (agents joining, messages, losses, and the handle's commands) is queued and handled by one
 * platform thread ("throng-cluster"), which also ticks once a second ({@code tick()}: snapshot, history point,
 * stages, abort rules, end); before {@link #begin()} the caller's thread handles them while it waits for the agents.
 * {@link #snapshot()} reads a volatile.
 */
final class ClusterRun implements RunHandle {
    private static final long TICK_NANOS = 1_000_000_000L;
    private static final long POLL_NANOS = 50_000_000L;
    /**
     * How long after each second of the run the controller takes its snapshot, ns: agents send their intervals at
     * their own seconds (from when they started, a little after the run), so that they are in.
     */
    private static final long TICK_LAG_NANOS = 300_000_000L;
    /**
     * A local run takes its snapshot when its agent's interval arrives (so each snapshot holds exactly one); this
     * long past the expected time it takes one anyway, ns.
     */
    private static final long LOCAL_TICK_WAIT_NANOS = 1_000_000_000L;
    /** Beyond the graceful stop, the longest wait for agents to report they stopped, ns. */
    private static final long STOP_SLACK_NANOS = 10_000_000_000L;
    /** The longest wait for every agent to have prepared its part before the start, ns. */
    private static final long READY_WAIT_NANOS = 20_000_000_000L;
    /**
     * Agents end their part at the plan's duration by themselves (each from its own start); the controller waits
     * this long beyond the duration before it stops those that have not, ns.
     */
    private static final long END_SLACK_NANOS = 3_000_000_000L;

    private final Project project;
    private final ClusterOptions cluster;
    private final BlockingQueue<ClusterEvent> events;
    private final AutoCloseable transport;
    private final String endpoint;
    private final Clock clock;
    private final String runId = UUID.randomUUID().toString();
    private final long durationNanos;
    private final long gracefulNanos;
    /** A local run: one agent in this process; its start problems are the start's, its warnings are the run's. */
    private final boolean local;

    /** Made again at the start, so that rates count from the start and not from the preparation. */
    private volatile StatsAggregator aggregator;

    private final CapacityDriver capacity; // null unless a capacity search; cluster thread

    private final int maxNames;
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    private final Thread thread;

    // cluster thread only (the caller's before begin())
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final List<String> refused = new ArrayList<>();
    private final LiveTargets targets;
    private final RunRecord record = new RunRecord();
    private final ShareDispatch shares;
    private final RowLedger ledger;

    private long startNanos;
    private Instant started;
    private long nextTickNanos;
    private long startMillis;
    private boolean redispatchAtStart;
    private String cannotRun;
    private long stopDeadlineNanos;
    private StopReason stopReason;

    private volatile RunPhase phase = RunPhase.STARTING;
    private volatile RunSnapshot latest;

    private ClusterRun(
            RunPlan plan,
            RunOptions options,
            Overrides overrides,
            ClusterOptions cluster,
            BlockingQueue<ClusterEvent> events,
            AutoCloseable transport,
            String endpoint) {
        this.project = plan.project();
        this.cluster = cluster;
        this.events = events;
        this.transport = transport;
        this.endpoint = endpoint;
        this.clock = options.clock();
        this.durationNanos = plan.durationNanos();
        this.gracefulNanos = Math.max(0, project.loadPlan().gracefulStop().toNanos());
        this.local = plan.local();
        this.targets = new LiveTargets(project.loadPlan());
        this.ledger = new RowLedger(plan.uniqueRows());
        this.shares = new ShareDispatch(plan, runId, overrides.host(), options, targets, ledger);
        this.maxNames = Math.max(1, options.maxNames());
        this.aggregator = new StatsAggregator(clock, maxNames);
        this.capacity = plan.capacity() == null ? null : capacityDriver(plan.capacity());
        this.latest = snapshotOf(aggregator.snapshot());
        this.thread = Thread.ofPlatform().name("throng-cluster").daemon().unstarted(this::loop);
    }

    /** The driver of a capacity search: judged on the merged statistics, it moves the live target as the app does. */
    private CapacityDriver capacityDriver(LoadPlan.Capacity search) {
        return new CapacityDriver(
                search,
                project.thresholds(),
                () -> aggregator.openWindow(),
                window -> aggregator.closeWindow(window),
                load -> {
                    if (search.model() == LoadPlan.CapacityModel.USERS) {
                        setTargetUsers(LoadPlan.Capacity.users(load));
                    } else {
                        setArrivalRate(load);
                    }
                },
                () -> beginStop(true, new StopReason.Completed()));
    }

    /**
     * Checks the project and reads its files ({@link RunPlan#of}); starts nothing.
     *
     * @throws RunStartException when the project cannot run (the message says why)
     */
    static ClusterRun prepare(
            Project project,
            RunOptions options,
            Overrides overrides,
            ClusterOptions cluster,
            BlockingQueue<ClusterEvent> events,
            AutoCloseable transport,
            String endpoint,
            boolean local) {
        var plan = RunPlan.of(project, options, overrides, local);
        return new ClusterRun(plan, options, overrides, cluster, events, transport, endpoint);
    }

    // ---------------------------------------------------------------- before the start

    /** Handles events on the caller's thread until the agents have joined or the timeout is over. */
    void awaitAgents() throws InterruptedException {
        int wanted = cluster.agents();
        long deadline = clock.nanoTime() + cluster.agentTimeout().toNanos();
        cluster.log()
                .accept("waiting for " + wanted + (wanted == 1 ? " agent" : " agents") + " (at most "
                        + cluster.agentTimeout().toSeconds() + " s)");
        while (peers.size() < wanted) {
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                throw new RunStartException(cluster.missingAgents(endpoint, peers.keySet(), refused));
            }
            handleNext(Math.min(left, POLL_NANOS));
        }
    }

    /**
     * Hands out the shares, waits (at most {@value #READY_WAIT_NANOS} ns) until every agent has prepared its part,
     * then starts them together and starts the run's thread. On the caller's thread.
     *
     * @throws RunStartException for a local run whose agent cannot run its part (the message says why)
     */
    void begin() throws InterruptedException {
        shares.slots(peers.size());
        for (Shares.Member m :
                Shares.spread(peers.values().stream().map(Peer::member).toList())) {
            Peer p = peers.get(m.id());
            p.slot = shares.freeSlot();
            p.inRun = p.slot >= 0;
        }
        dispatch(null);
        long readyDeadline = clock.nanoTime() + READY_WAIT_NANOS;
        while (!inRun().stream().allMatch(p -> p.link.state() == PeerState.READY)
                && clock.nanoTime() - readyDeadline < 0) {
            handleNext(POLL_NANOS);
        }
        requireStartable();
        startNanos = clock.nanoTime();
        started = Instant.ofEpochMilli(clock.currentTimeMillis());
        startMillis = clock.currentTimeMillis();
        aggregator = new StatsAggregator(clock, maxNames);
        nextTickNanos = startNanos + TICK_NANOS + (local ? LOCAL_TICK_WAIT_NANOS : TICK_LAG_NANOS);
        phase = RunPhase.RUNNING;
        for (Peer p : inRun()) {
            p.link.send(new Message.Start(runId, startMillis));
        }
        if (local) {
            // the agent's part starts on its own thread: its problems must still be this start's
            while (inRun().stream().anyMatch(p -> p.link.state() == PeerState.READY)
                    && cannotRun == null
                    && clock.nanoTime() - readyDeadline < 0) {
                handleNext(POLL_NANOS);
            }
            while (!events.isEmpty()) {
                handleNext(0);
            }
            requireStartable();
        }
        if (redispatchAtStart) {
            dispatch(null);
        }
        cluster.log()
                .accept("run " + runId + " started on " + inRun().size() + " agents: "
                        + String.join(
                                ", ",
                                inRun().stream()
                                        .map(p -> p.id() + " (" + p.shareUsers + " users)")
                                        .toList()));
        latest = snapshotOf(latest.stats());
        thread.start();
    }

    private void requireStartable() {
        if (local && cannotRun != null) {
            throw new RunStartException(cannotRun);
        }
    }

    private void handleNext(long waitNanos) throws InterruptedException {
        ClusterEvent e = events.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (e != null) {
            handle(e);
        }
    }

    // ---------------------------------------------------------------- RunHandle: commands for the cluster thread

    @Override
    public RunSnapshot snapshot() {
        return latest;
    }

    @Override
    public void setTargetUsers(int users) {
        command(() -> {
            targets.setUsers(users);
            shares.stopFollowingStages();
            dispatch(null);
        });
    }

    @Override
    public void setSpawnRate(double usersPerSecond) {
        command(() -> {
            targets.setSpawnRate(usersPerSecond);
            dispatch(null);
        });
    }

    @Override
    public void setArrivalRate(double arrivalsPerSecond) {
        command(() -> {
            targets.setArrivalRate(arrivalsPerSecond);
            dispatch(null);
        });
    }

    @Override
    public void setProfileWeights(Map<String, Double> weights) {
        var copy = Map.copyOf(weights);
        command(() -> {
            targets.putWeights(copy);
            shares.weights(inRun());
        });
    }

    @Override
    public void resetStatistics() {
        aggregator.reset();
    }

    @Override
    public void stop(boolean graceful) {
        command(() -> beginStop(graceful, new StopReason.StoppedByUser()));
    }

    private void command(Runnable action) {
        events.add(new ClusterEvent.Command(action));
    }

    @Override
    public CompletionStage<RunResult> completion() {
        return completion.copy();
    }

    @Override
    public void close() {
        if (!completion.isDone()) {
            stop(false);
            try {
                completion.get(gracefulNanos + STOP_SLACK_NANOS + TICK_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // closed below anyway
            }
        }
        closeTransport();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeTransport() {
        try {
            transport.close();
        } catch (Exception e) {
            cluster.log().accept("closing the controller failed: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- the cluster thread

    private void loop() {
        try {
            while (phase != RunPhase.FINISHED) {
                handleNext(Math.max(0, Math.min(POLL_NANOS, nextTickNanos - clock.nanoTime())));
                if (clock.nanoTime() - nextTickNanos >= 0) {
                    nextTickNanos =
                            local ? clock.nanoTime() + TICK_NANOS + LOCAL_TICK_WAIT_NANOS : nextTickNanos + TICK_NANOS;
                    tick();
                }
            }
        } catch (InterruptedException e) {
            finish(new StopReason.Failed("the controller was interrupted"));
        } catch (RuntimeException e) {
            broadcastStop(false);
            finish(new StopReason.Failed("internal error of the controller: " + e));
        } finally {
            closeTransport();
        }
    }

    private void handle(ClusterEvent event) {
        switch (event) {
            case ClusterEvent.Joined j -> joined(j.link());
            case ClusterEvent.Received r -> received(r.agentId(), r.message());
            case ClusterEvent.Lost l -> lost(l.agentId(), l.reason());
            case ClusterEvent.Refused r -> refused.add(r.who() + ": " + r.reason());
            case ClusterEvent.Command c -> {
                if (phase == RunPhase.RUNNING || phase == RunPhase.STOPPING) {
                    c.action().run();
                }
            }
        }
    }

    private void joined(AgentLink link) {
        Peer old = peers.remove(link.id());
        if (old != null) {
            markLost(old, "joined again");
        }
        Peer p = new Peer(link);
        peers.put(link.id(), p);
        Message.Hello h = link.hello();
        cluster.log()
                .accept("agent " + link.id() + " joined from " + h.hostName() + " (" + h.cores() + " cores, "
                        + h.memoryBytes() / (1024 * 1024) + " MB heap)");
        if (phase == RunPhase.RUNNING) {
            if (ledger.tracks() && ledger.freeRows() == 0) {
                warn("agent " + link.id() + " joined late and runs nothing: every row of the project's unique data"
                        + " sources is held by another agent");
                return;
            }
            p.slot = shares.lateSlot();
            p.inRun = true;
            dispatch(p);
            handOutFreeRows(List.of(p));
            cluster.log().accept("agent " + link.id() + " joined late and got " + p.shareUsers + " users");
        }
    }

    private void received(String agentId, Message message) {
        Peer p = peers.get(agentId);
        if (p == null) {
            return;
        }
        switch (message) {
            case Message.Stats s
            when s.runId().equals(runId) && p.inRun -> {
                IntervalStats interval;
                try {
                    interval = IntervalStatsCodec.decode(s.intervalPayload());
                    aggregator.add(agentId, interval);
                } catch (IllegalArgumentException e) {
                    warn("agent " + agentId + " sent statistics that could not be read: " + e.getMessage());
                    return;
                }
                p.heard(s, interval);
                if (local && phase != RunPhase.STARTING) {
                    // the snapshot of a local run follows its agent's intervals
                    nextTickNanos = clock.nanoTime();
                }
                for (String w : s.warnings()) {
                    warn(local ? w : "agent " + agentId + ": " + w);
                }
            }
            case Message.Ended e
            when e.runId().equals(runId) && p.inRun -> {
                p.ended = true;
                p.users = 0;
                if (e.failure() != null) {
                    String why = local ? e.failure() : "agent " + agentId + ": " + e.failure();
                    cluster.log().accept("agent " + agentId + " failed: " + e.failure());
                    if (phase == RunPhase.RUNNING) {
                        beginStop(true, new StopReason.Failed(why));
                    }
                }
                checkEnd();
            }
            case Message.Error e -> {
                cluster.log().accept("agent " + agentId + " reports: " + e.message());
                if (local && e.message().startsWith(AgentWorker.CANNOT_RUN)) {
                    cannotRun = cannotRun != null ? cannotRun : e.message().substring(AgentWorker.CANNOT_RUN.length());
                } else {
                    warn("agent " + agentId + ": " + e.message());
                }
                if (p.inRun && phase != RunPhase.STOPPING && e.message().startsWith(AgentWorker.CANNOT_RUN)) {
                    p.inRun = false;
                    p.users = 0;
                    ledger.release(agentId, Map.of());
                    if (phase == RunPhase.RUNNING) {
                        dispatch(null);
                        handOutFreeRows(inRun());
                    } else {
                        redispatchAtStart = true;
                    }
                }
            }
            default -> {}
        }
    }

    private void lost(String agentId, String reason) {
        Peer p = peers.remove(agentId);
        if (p != null) {
            markLost(p, reason);
        }
    }

    private void markLost(Peer p, String reason) {
        boolean wasInRun = p.inRun;
        if (wasInRun && phase == RunPhase.STARTING) {
            redispatchAtStart = true;
        }
        p.lostAtMillis = clock.currentTimeMillis();
        cluster.log().accept("agent " + p.id() + " lost: " + reason);
        if (p.inRun) {
            record.departed(p);
        }
        p.inRun = false;
        if (wasInRun && phase == RunPhase.RUNNING) {
            warn("agent " + p.id() + " was lost after " + elapsedMillis() / 1000 + " s (" + reason + "); its "
                    + p.shareUsers + " users went to the others");
            dispatch(null);
            passOnRows(p);
        }
        checkEnd();
    }

    /** Hands the unique rows lost agent {@code p} did not use on, when that is known ({@link ShareDispatch}). */
    private void passOnRows(Peer p) {
        String warning = shares.passOnRows(p, inRun(), cluster.log());
        if (warning != null) {
            warn(warning);
        }
    }

    private void handOutFreeRows(List<Peer> to) {
        if (phase == RunPhase.RUNNING) {
            shares.handOutFreeRows(to);
        }
    }

    private List<Peer> inRun() {
        return peers.values().stream().filter(p -> p.inRun).toList();
    }

    // ---------------------------------------------------------------- shares

    /** Sends every agent in the run its share ({@link ShareDispatch#dispatch}); warns when none is left. */
    private void dispatch(Peer newcomer) {
        List<Peer> members = inRun();
        if (members.isEmpty()) {
            if (phase == RunPhase.RUNNING) {
                warn("no agent is left to run the load; waiting for agents to join");
            }
            shares.noMembers();
            return;
        }
        shares.dispatch(members, newcomer, phase != RunPhase.STARTING, elapsedNanos());
    }

    private int globalUsers() {
        return shares.globalUsers(phase != RunPhase.STARTING, elapsedNanos());
    }

    // ---------------------------------------------------------------- ticks and the end

    private void tick() {
        StatsSnapshot s = aggregator.snapshot();
        if (capacity != null && phase == RunPhase.RUNNING) {
            capacity.tick(elapsedMillis());
        }
        if (phase == RunPhase.RUNNING || phase == RunPhase.STOPPING) {
            record.addPoint(elapsedMillis(), liveUsers(), s, record.dropped(peers.values()));
        }
        latest = snapshotOf(s);
        if (phase == RunPhase.RUNNING && shares.followingStages()) {
            shares.followStages(inRun(), elapsedNanos());
        }
        if (phase == RunPhase.RUNNING) {
            checkAbortRules();
        }
        checkEnd();
    }

    /**
     * Ends the run when its time is over and every agent has ended its part (or the slack is over), or when every
     * agent has ended after a stop (or the stop's deadline is over).
     */
    private void checkEnd() {
        boolean allEnded = inRun().stream().allMatch(p -> p.ended);
        if (phase == RunPhase.RUNNING) {
            long elapsed = elapsedNanos();
            if (elapsed >= durationNanos && allEnded) {
                stopReason = new StopReason.Completed();
                finish(stopReason);
            } else if (elapsed >= durationNanos + END_SLACK_NANOS) {
                beginStop(true, new StopReason.Completed());
            }
        } else if (phase == RunPhase.STOPPING) {
            if (allEnded) {
                finish(stopReason);
            } else if (clock.nanoTime() - stopDeadlineNanos >= 0) {
                warn("some agents did not report that they stopped; their last statistics may be missing");
                finish(stopReason);
            }
        }
    }

    private void checkAbortRules() {
        List<Threshold> abort =
                project.thresholds().stream().filter(Threshold::abortOnFail).toList();
        if (abort.isEmpty() || capacity != null) { // a search judges each step; breaking the rules is its point
            return;
        }
        for (var v : aggregator.evaluate(abort)) {
            if (!v.passed() && !Double.isNaN(v.value())) {
                beginStop(true, new StopReason.ThresholdBroken(v.threshold().rule()));
                return;
            }
        }
    }

    private void beginStop(boolean graceful, StopReason reason) {
        if (phase == RunPhase.FINISHED) {
            return;
        }
        if (phase == RunPhase.STOPPING) {
            if (!graceful) {
                broadcastStop(false);
            }
            return;
        }
        stopReason = reason;
        phase = RunPhase.STOPPING;
        stopDeadlineNanos = clock.nanoTime() + (graceful ? gracefulNanos : 0) + STOP_SLACK_NANOS;
        broadcastStop(graceful);
        cluster.log().accept("stopping the agents (" + (graceful ? "gracefully" : "at once") + ")");
        latest = snapshotOf(latest.stats());
    }

    private void broadcastStop(boolean graceful) {
        for (Peer p : inRun()) {
            if (!p.ended) {
                p.link.send(new Message.Stop(runId, graceful));
            }
        }
    }

    private void finish(StopReason reason) {
        if (phase == RunPhase.FINISHED) {
            return;
        }
        StatsSnapshot last = aggregator.snapshot();
        var thresholds = new ArrayList<ThresholdResult>();
        for (var v : aggregator.evaluate(project.thresholds())) {
            thresholds.add(new ThresholdResult(v.threshold(), v.passed(), v.value()));
        }
        long durationMillis = elapsedMillis();
        var search = capacity == null ? null : capacity.finish(durationMillis);
        if (capacity != null) { // judged per step; the run's verdict is the answer's step's
            thresholds = new ArrayList<>(capacity.thresholdResults());
        }
        phase = RunPhase.FINISHED;
        latest = snapshotOf(last);
        cluster.log().accept("run " + runId + " finished after " + durationMillis / 1000 + " s");
        completion.complete(new RunResult(
                project.name(),
                started == null ? Instant.ofEpochMilli(clock.currentTimeMillis()) : started,
                durationMillis,
                reason,
                last,
                thresholds,
                record.history(),
                record.agents(peers.values()),
                aggregator.encodedHistograms(),
                search));
    }

    private long elapsedNanos() {
        return started == null ? 0 : Math.max(0, clock.nanoTime() - startNanos);
    }

    private long elapsedMillis() {
        return elapsedNanos() / 1_000_000;
    }

    private int liveUsers() {
        return inRun().stream().mapToInt(p -> p.users).sum();
    }

    private void warn(String message) {
        record.warn(message);
    }

    private RunSnapshot snapshotOf(StatsSnapshot s) {
        boolean open = project.loadPlan() instanceof LoadPlan.Open;
        return record.snapshot(
                local,
                phase,
                elapsedMillis(),
                durationNanos / 1_000_000,
                liveUsers(),
                open || started == null ? 0 : globalUsers(),
                open ? targets.arrivalRateAt(elapsedNanos()) : 0,
                s,
                peers.values(),
                capacity == null ? null : capacity.report());
    }
}
