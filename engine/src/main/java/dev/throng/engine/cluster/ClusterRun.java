package dev.throng.engine.cluster;

import dev.throng.engine.load.ClosedSchedule;
import dev.throng.engine.load.OpenSchedule;
import dev.throng.engine.load.ProfilePlacement;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.io.ProjectFiles;
import dev.throng.engine.protocol.AgentShare;
import dev.throng.engine.protocol.IntervalStatsCodec;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.protocol.PlanParameters;
import dev.throng.engine.protocol.RowPartition;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunPhase;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A distributed run seen from the controller: a {@link RunHandle} like a local run. It hands each agent its share,
 * merges the agents' intervals, re-dispatches the users of lost agents to the others, gives late agents a share, and
 * ends the run at the plan's duration.
 *
 * <p>Threads: every event (agents joining, messages, losses, and the handle's commands) is queued and handled by one
 * platform thread ("throng-cluster"), which also ticks once a second; before {@link #begin()} the caller's thread
 * handles them while it waits for the agents. {@link #snapshot()} reads a volatile.
 */
final class ClusterRun implements RunHandle {
    private static final long TICK_NANOS = 1_000_000_000L;
    private static final long POLL_NANOS = 50_000_000L;
    /** After every agent reported it had stopped, how long to wait for their last intervals, ns. */
    private static final long LAST_STATS_NANOS = 1_000_000_000L;
    /** Beyond the graceful stop, the longest wait for agents to report they stopped, ns. */
    private static final long STOP_SLACK_NANOS = 10_000_000_000L;
    /** The longest wait for every agent to have prepared its part before the start, ns. */
    private static final long READY_WAIT_NANOS = 20_000_000_000L;
    /**
     * Agents end their part at the plan's duration by themselves (each from its own start); the controller waits
     * this long beyond the duration before it stops those that have not, ns.
     */
    private static final long END_SLACK_NANOS = 3_000_000_000L;

    sealed interface Event {}

    record Joined(AgentLink link) implements Event {}

    record Received(String agentId, Message message) implements Event {}

    record Lost(String agentId, String reason) implements Event {}

    record Refused(String who, String reason) implements Event {}

    private record Command(Runnable action) implements Event {}

    /** One agent as this run knows it. Cluster thread only. */
    private static final class Peer {
        final AgentLink link;
        int slot = -1;
        boolean inRun;
        int shareUsers;
        int users;
        double rps;
        double cpu = -1;
        long memory = -1;
        Long lostAtMillis;

        Peer(AgentLink link) {
            this.link = link;
        }

        Shares.Member member() {
            return new Shares.Member(link.id(), link.hello().hostName());
        }
    }

    private final Project project;
    private final RunOptions options;
    private final Overrides overrides;
    private final ClusterOptions cluster;
    private final BlockingQueue<Event> events;
    private final AutoCloseable transport;
    private final String endpoint;
    private final Clock clock;
    private final String runId = UUID.randomUUID().toString();
    private final long durationNanos;
    private final long gracefulNanos;
    private final Map<String, byte[]> dataFiles;
    private final boolean uniqueData;
    private final StatsAggregator aggregator;
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    private final Thread thread;

    // cluster thread only (the caller's before begin())
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final List<Peer> departed = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    /** An agent busier than this (share of its machine's CPU) gets a warning in every snapshot. */
    static final double BUSY_CPU = 0.9;

    private final LinkedHashSet<String> warnings = new LinkedHashSet<>();
    private final List<HistoryPoint> history = new ArrayList<>();
    private boolean[] slotUsed;
    private Integer liveTarget;
    private Double liveSpawnRate;
    private Double liveArrivalRate;
    private final Map<String, Double> liveWeights = new LinkedHashMap<>();
    private long startNanos;
    private Instant started;
    private long nextTickNanos;
    private long stopSentMillis;
    private long startMillis;
    private boolean redispatchAtStart;
    private long stopDeadlineNanos;
    private long allStoppedNanos = -1;
    private StopReason stopReason;

    private volatile RunPhase phase = RunPhase.STARTING;
    private volatile RunSnapshot latest;

    private ClusterRun(
            Project project,
            RunOptions options,
            Overrides overrides,
            ClusterOptions cluster,
            BlockingQueue<Event> events,
            AutoCloseable transport,
            String endpoint,
            long durationNanos,
            Map<String, byte[]> dataFiles) {
        this.project = project;
        this.options = options;
        this.overrides = overrides;
        this.cluster = cluster;
        this.events = events;
        this.transport = transport;
        this.endpoint = endpoint;
        this.clock = options.clock();
        this.durationNanos = durationNanos;
        this.gracefulNanos = Math.max(0, project.loadPlan().gracefulStop().toNanos());
        this.dataFiles = dataFiles;
        this.uniqueData = project.dataSources().stream().anyMatch(d -> d.policy() == DataSource.Policy.UNIQUE);
        this.aggregator = new StatsAggregator(clock, Math.max(1, options.maxNames()));
        this.latest = snapshotOf(aggregator.snapshot());
        this.thread = Thread.ofPlatform().name("throng-cluster").daemon().unstarted(this::loop);
    }

    /**
     * Checks the project and reads its files; starts nothing.
     *
     * @throws dev.throng.engine.run.RunStartException when the project cannot run (the message says why)
     */
    static ClusterRun prepare(
            Project project,
            RunOptions options,
            Overrides overrides,
            ClusterOptions cluster,
            BlockingQueue<Event> events,
            AutoCloseable transport,
            String endpoint) {
        Project effective = project.withLoadPlan(overrides.applyTo(project.loadPlan()));
        ProjectShipping.requireRunnable(effective, options.projectDirectory());
        LoadPlan.Capacity capacity = effective.loadPlan() instanceof LoadPlan.Capacity k ? k : null;
        if (capacity != null) {
            // agents run the base plan, which the search moves (their shared pools sized for its highest load)
            effective = CapacityDriver.forAgents(effective.withLoadPlan(capacity.basePlan()), capacity);
        }
        long duration = switch (effective.loadPlan()) {
            case LoadPlan.Closed c -> ClosedSchedule.of(c).durationNanos();
            case LoadPlan.Open o -> OpenSchedule.of(o).durationNanos();
            case LoadPlan.Capacity k -> k.duration().toNanos();
        };
        if (overrides.duration() != null) {
            duration = overrides.duration().toNanos();
        }
        Map<String, byte[]> files = ProjectShipping.readFiles(effective, options.projectDirectory());
        var run = new ClusterRun(effective, options, overrides, cluster, events, transport, endpoint, duration, files);
        if (capacity != null) { // judged on the merged statistics; moves the live target like the app
            run.capacity = new CapacityDriver(
                    capacity,
                    effective.thresholds(),
                    run.aggregator::openWindow,
                    run.aggregator::closeWindow,
                    load -> {
                        if (capacity.model() == LoadPlan.CapacityModel.USERS) {
                            run.setTargetUsers(LoadPlan.Capacity.users(load));
                        } else {
                            run.setArrivalRate(load);
                        }
                    },
                    () -> run.beginStop(true, new StopReason.Completed()));
        }
        return run;
    }

    private CapacityDriver capacity; // null unless a capacity search; cluster thread

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
                throw new dev.throng.engine.run.RunStartException(missingMessage(wanted));
            }
            Event e = events.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            if (e != null) {
                handle(e);
            }
        }
    }

    private String missingMessage(int wanted) {
        var text = new StringBuilder();
        text.append(peers.size())
                .append(" of ")
                .append(wanted)
                .append(wanted == 1 ? " agent" : " agents")
                .append(" joined within ")
                .append(cluster.agentTimeout().toSeconds())
                .append(" s");
        text.append(peers.isEmpty() ? "" : " (" + String.join(", ", peers.keySet()) + ")");
        text.append("; ")
                .append(wanted - peers.size())
                .append(" missing. Start them with: throng agent --controller ")
                .append(endpoint)
                .append(cluster.insecure() ? " --insecure" : " --keys DIR")
                .append(", or lower --agents.");
        if (!refused.isEmpty()) {
            text.append(" Refused: ").append(String.join("; ", refused)).append('.');
        }
        return text.toString();
    }

    /**
     * Hands out the shares, waits (at most {@value #READY_WAIT_NANOS} ns) until every agent has prepared its part,
     * then starts them together and starts the run's thread. On the caller's thread.
     */
    void begin() throws InterruptedException {
        slotUsed = new boolean[Math.max(1, peers.size())];
        var order = Shares.spread(peers.values().stream().map(Peer::member).toList());
        for (Shares.Member m : order) {
            Peer p = peers.get(m.id());
            p.slot = freeSlot();
            p.inRun = p.slot >= 0;
        }
        dispatch(null);
        sentOnce = true;
        long readyDeadline = clock.nanoTime() + READY_WAIT_NANOS;
        while (!inRun().stream().allMatch(p -> p.link.state() == PeerState.READY)
                && clock.nanoTime() - readyDeadline < 0) {
            Event e = events.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
            if (e != null) {
                handle(e);
            }
        }
        startNanos = clock.nanoTime();
        started = Instant.ofEpochMilli(clock.currentTimeMillis());
        startMillis = clock.currentTimeMillis();
        nextTickNanos = startNanos + TICK_NANOS;
        phase = RunPhase.RUNNING;
        for (Peer p : inRun()) {
            p.link.send(new Message.Start(runId, startMillis));
        }
        if (redispatchAtStart) {
            dispatch(null);
        }
        cluster.log()
                .accept("run " + runId + " started on " + inRun().size() + " agents: "
                        + String.join(
                                ", ",
                                inRun().stream()
                                        .map(p -> p.link.id() + " (" + p.shareUsers + " users)")
                                        .toList()));
        latest = snapshotOf(latest.stats());
        thread.start();
    }

    private int freeSlot() {
        for (int i = 0; i < slotUsed.length; i++) {
            if (!slotUsed[i]) {
                slotUsed[i] = true;
                return i;
            }
        }
        return uniqueData ? -1 : 0;
    }

    // ---------------------------------------------------------------- RunHandle

    @Override
    public RunSnapshot snapshot() {
        return latest;
    }

    @Override
    public void setTargetUsers(int users) {
        events.add(new Command(() -> {
            liveTarget = Math.max(0, users);
            dispatch(null);
        }));
    }

    @Override
    public void setSpawnRate(double usersPerSecond) {
        events.add(new Command(() -> {
            liveSpawnRate = Math.max(0, usersPerSecond);
            dispatch(null);
        }));
    }

    @Override
    public void setArrivalRate(double arrivalsPerSecond) {
        events.add(new Command(() -> {
            liveArrivalRate = Math.max(0, arrivalsPerSecond);
            dispatch(null);
        }));
    }

    @Override
    public void setProfileWeights(Map<String, Double> weights) {
        var copy = Map.copyOf(weights);
        events.add(new Command(() -> {
            liveWeights.putAll(copy);
            for (Peer p : inRun()) {
                p.link.send(new Message.Change(runId, null, null, null, Map.copyOf(liveWeights), null));
            }
        }));
    }

    @Override
    public void resetStatistics() {
        aggregator.reset();
    }

    @Override
    public void stop(boolean graceful) {
        events.add(new Command(() -> beginStop(graceful, new StopReason.StoppedByUser())));
    }

    @Override
    public CompletionStage<RunResult> completion() {
        return completion.copy();
    }

    @Override
    public RunResult await(Duration timeout) throws InterruptedException {
        try {
            return completion.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the distributed run ended on an internal error", e.getCause());
        }
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
                long wait = Math.max(0, Math.min(POLL_NANOS, nextTickNanos - clock.nanoTime()));
                Event e = events.poll(wait, TimeUnit.NANOSECONDS);
                if (e != null) {
                    handle(e);
                }
                if (clock.nanoTime() - nextTickNanos >= 0) {
                    nextTickNanos += TICK_NANOS;
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

    private void handle(Event event) {
        switch (event) {
            case Joined j -> joined(j.link());
            case Received r -> received(r.agentId(), r.message());
            case Lost l -> lost(l.agentId(), l.reason());
            case Refused r -> refused.add(r.who() + ": " + r.reason());
            case Command c -> {
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
            p.slot = freeSlot();
            if (p.slot < 0) {
                warn("agent " + link.id() + " joined late and runs nothing: the project's unique data rows are"
                        + " already partitioned among the first agents");
                return;
            }
            p.inRun = true;
            dispatch(p);
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
                long requests = 0;
                for (IntervalStats.Row row : interval.rows()) {
                    if (!row.method().isEmpty()) {
                        requests += row.requests();
                    }
                }
                p.users = s.users();
                p.rps = requests;
                p.cpu = s.cpu();
                p.memory = s.memoryBytes();
            }
            case Message.Error e -> {
                cluster.log().accept("agent " + agentId + " reports: " + e.message());
                warn("agent " + agentId + ": " + e.message());
                if (p.inRun && phase != RunPhase.STOPPING && e.message().startsWith(AgentWorker.CANNOT_RUN)) {
                    p.inRun = false;
                    p.users = 0;
                    if (phase == RunPhase.RUNNING) {
                        dispatch(null);
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
        if (p == null) {
            return;
        }
        markLost(p, reason);
    }

    private void markLost(Peer p, String reason) {
        boolean wasInRun = p.inRun;
        if (wasInRun && phase == RunPhase.STARTING) {
            redispatchAtStart = true;
        }
        p.lostAtMillis = clock.currentTimeMillis();
        cluster.log().accept("agent " + p.link.id() + " lost: " + reason);
        if (p.inRun) {
            departed.add(p);
        }
        p.inRun = false;
        if (wasInRun && phase == RunPhase.RUNNING) {
            warn("agent " + p.link.id() + " was lost after " + elapsedMillis() / 1000 + " s (" + reason + "); its "
                    + p.shareUsers + " users went to the others");
            dispatch(null);
        }
    }

    private List<Peer> inRun() {
        return peers.values().stream().filter(p -> p.inRun).toList();
    }

    /**
     * Computes every agent's share and sends it: a project shipment and a start to {@code newcomer} (every agent at
     * the start, when {@code newcomer} is null and nothing was sent yet), a change to the others.
     */
    private void dispatch(Peer newcomer) {
        List<Peer> members = inRun();
        if (members.isEmpty()) {
            if (phase == RunPhase.RUNNING) {
                warn("no agent is left to run the load; waiting for agents to join");
            }
            sentOnce = true;
            return;
        }
        boolean first = !sentOnce;
        int total = globalUsers();
        Map<String, Integer> split =
                Shares.split(total, members.stream().map(Peer::member).toList());
        LoadPlan plan = project.loadPlan();
        for (Peer p : members) {
            int users = split.get(p.link.id());
            p.shareUsers = users;
            double fraction = total > 0 ? (double) users / total : 1.0 / members.size();
            if (first || p == newcomer) {
                ship(p, users, fraction, plan, first);
            } else {
                change(p, users, total, members.size(), fraction);
            }
        }
        sentOnce = true;
    }

    private boolean sentOnce;

    private void ship(Peer p, int users, double fraction, LoadPlan plan, boolean first) {
        long remaining = Math.max(0, durationNanos / 1_000_000 - elapsedMillis());
        LoadPlan own = Shares.planOf(plan, users, fraction, remaining);
        if (!first && plan instanceof LoadPlan.Closed c && !c.stages().isEmpty()) {
            own = new LoadPlan.Closed(
                    users, spawnRateFor(users), List.of(), Duration.ofMillis(remaining), c.gracefulStop());
        }
        String json = ProjectFiles.write(project.withLoadPlan(own));
        int[] counts = ProfilePlacement.of(project.profiles()).countsAt(users);
        var perProfile = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < counts.length; i++) {
            perProfile.put(project.profiles().get(i).name(), counts[i]);
        }
        int slots = slotUsed.length;
        int slot = Math.min(p.slot, slots - 1);
        var rows = new LinkedHashMap<String, RowPartition>();
        for (DataSource ds : project.dataSources()) {
            if (ds.policy() == DataSource.Policy.UNIQUE) {
                rows.put(ds.id(), new RowPartition.Strided(slot, slots));
            }
        }
        var share = new AgentShare(perProfile, slot, slots, rows);
        var params = new PlanParameters(
                null,
                null,
                remaining,
                overrides.host(),
                options.seed() ^ (0x9E3779B97F4A7C15L * (p.slot + 1)),
                Math.max(1, options.maxNames()));
        p.link.send(new Message.ProjectShipment(runId, json, dataFiles, share, params));
        if (!first) {
            p.link.send(new Message.Start(runId, clock.currentTimeMillis()));
        }
        if (!liveWeights.isEmpty()) {
            p.link.send(new Message.Change(runId, null, null, null, Map.copyOf(liveWeights), null));
        }
        if (liveArrivalRate != null) {
            p.link.send(new Message.Change(runId, null, null, liveArrivalRate * fraction, null, null));
        }
    }

    private void change(Peer p, int users, int total, int agents, double fraction) {
        switch (project.loadPlan()) {
            case LoadPlan.Closed c ->
                p.link.send(new Message.Change(
                        runId, users, Shares.rate(globalSpawnRate(), users, total, agents), null, null, null));
            case LoadPlan.Open o ->
                p.link.send(new Message.Change(runId, null, null, globalArrivalRate() * fraction, null, null));
            case LoadPlan.Capacity k -> throw new IllegalStateException("a capacity plan runs as its base plan");
        }
    }

    private double spawnRateFor(int users) {
        int total = Math.max(1, globalUsers());
        return globalSpawnRate() * users / total;
    }

    /** The users the whole run wants now (closed model), or 0 (open model). */
    private int globalUsers() {
        if (liveTarget != null) {
            return liveTarget;
        }
        return switch (project.loadPlan()) {
            case LoadPlan.Closed c when c.stages().isEmpty() -> c.users();
            case LoadPlan.Closed c ->
                phase == RunPhase.RUNNING && sentOnce
                        ? ClosedSchedule.of(c).usersAt(clock.nanoTime() - startNanos)
                        : c.stages().stream()
                                .mapToInt(LoadPlan.Stage::target)
                                .max()
                                .orElse(c.users());
            case LoadPlan.Open o -> 0;
            case LoadPlan.Capacity k -> throw new IllegalStateException("a capacity plan runs as its base plan");
        };
    }

    private double globalSpawnRate() {
        if (liveSpawnRate != null) {
            return liveSpawnRate;
        }
        if (project.loadPlan() instanceof LoadPlan.Closed c && c.stages().isEmpty() && c.spawnRate() > 0) {
            return c.spawnRate();
        }
        return Math.max(1, globalUsers());
    }

    private double globalArrivalRate() {
        if (liveArrivalRate != null) {
            return liveArrivalRate;
        }
        if (project.loadPlan() instanceof LoadPlan.Open o) {
            return OpenSchedule.of(o).arrivalRateAt(clock.nanoTime() - startNanos);
        }
        return 0;
    }

    private void tick() {
        StatsSnapshot s = aggregator.snapshot();
        if (capacity != null && phase == RunPhase.RUNNING) {
            capacity.tick(elapsedMillis());
        }
        if (phase == RunPhase.RUNNING || phase == RunPhase.STOPPING) {
            var t = s.intervalTotal();
            double seconds = Math.max(1e-9, s.intervalMillis() / 1000.0);
            history.add(new HistoryPoint(
                    elapsedMillis(),
                    liveUsers(),
                    t.rps(),
                    t.failures() / seconds,
                    t.latency().p50Ms(),
                    t.latency().p95Ms(),
                    t.latency().p99Ms(),
                    0));
        }
        latest = snapshotOf(s);
        if (phase == RunPhase.RUNNING) {
            long elapsed = clock.nanoTime() - startNanos;
            boolean allEnded = inRun().stream()
                    .allMatch(p -> p.link.state() == PeerState.IDLE && p.link.lastHeardMillis() > startMillis + 1000);
            if (elapsed >= durationNanos && (allEnded || elapsed >= durationNanos + END_SLACK_NANOS)) {
                beginStop(true, new StopReason.Completed());
            } else {
                checkAbortRules();
            }
        }
        if (phase == RunPhase.STOPPING) {
            checkStopped();
        }
    }

    private void checkAbortRules() {
        List<Threshold> abort =
                project.thresholds().stream().filter(Threshold::abortOnFail).toList();
        if (abort.isEmpty() || capacity != null) {
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
        stopSentMillis = clock.currentTimeMillis();
        stopDeadlineNanos = clock.nanoTime() + (graceful ? gracefulNanos : 0) + STOP_SLACK_NANOS;
        broadcastStop(graceful);
        cluster.log().accept("stopping the agents (" + (graceful ? "gracefully" : "at once") + ")");
        latest = snapshotOf(latest.stats());
    }

    private void broadcastStop(boolean graceful) {
        for (Peer p : inRun()) {
            p.link.send(new Message.Stop(runId, graceful));
        }
    }

    /** Finishes once every agent of the run reported it stopped (and its last interval had time to come). */
    private void checkStopped() {
        long now = clock.nanoTime();
        boolean allStopped = true;
        for (Peer p : inRun()) {
            PeerState state = p.link.state();
            boolean stopped =
                    (state == PeerState.IDLE || state == PeerState.READY) && p.link.lastHeardMillis() > stopSentMillis;
            allStopped &= stopped;
        }
        if (allStopped && allStoppedNanos < 0) {
            allStoppedNanos = now;
        }
        if ((allStoppedNanos >= 0 && now - allStoppedNanos >= LAST_STATS_NANOS) || now - stopDeadlineNanos >= 0) {
            if (allStoppedNanos < 0) {
                warn("some agents did not report that they stopped; their last statistics may be missing");
            }
            finish(stopReason);
        }
    }

    private void finish(StopReason reason) {
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
                history,
                agentStatuses(),
                aggregator.encodedHistograms(),
                search));
    }

    private long elapsedMillis() {
        return started == null ? 0 : Math.max(0, (clock.nanoTime() - startNanos) / 1_000_000);
    }

    private int liveUsers() {
        return inRun().stream().mapToInt(p -> p.users).sum();
    }

    private void warn(String message) {
        warnings.add(message);
    }

    private List<AgentStatus> agentStatuses() {
        var out = new ArrayList<AgentStatus>();
        for (Peer p : departed) {
            out.add(statusOf(p));
        }
        for (Peer p : peers.values()) {
            out.add(statusOf(p));
        }
        return out;
    }

    private static AgentStatus statusOf(Peer p) {
        String state = p.lostAtMillis != null
                ? "lost"
                : p.inRun ? p.link.state().name().toLowerCase(Locale.ROOT) : "idle";
        return new AgentStatus(
                p.link.id(),
                state,
                p.lostAtMillis != null ? 0 : p.users,
                p.lostAtMillis != null ? 0 : p.rps,
                p.cpu,
                p.memory,
                p.link.lastHeardMillis(),
                p.lostAtMillis);
    }

    private RunSnapshot snapshotOf(StatsSnapshot s) {
        var all = new ArrayList<>(warnings);
        all.addAll(s.warnings());
        for (Peer p : peers.values()) {
            if (p.lostAtMillis == null && p.cpu > BUSY_CPU) {
                all.add(String.format(
                        Locale.ROOT,
                        "agent %s is at %.0f%% CPU: its response times include its own queueing; add agents or give"
                                + " it fewer users",
                        p.link.id(),
                        p.cpu * 100));
            }
        }
        int target = switch (project.loadPlan()) {
            case LoadPlan.Closed c -> started == null ? 0 : globalUsers();
            case LoadPlan.Open o -> 0;
            case LoadPlan.Capacity k -> 0;
        };
        return new RunSnapshot(
                phase,
                elapsedMillis(),
                durationNanos / 1_000_000,
                liveUsers(),
                target,
                project.loadPlan() instanceof LoadPlan.Open ? globalArrivalRate() : 0,
                0,
                s,
                agentStatuses(),
                all,
                capacity == null ? null : capacity.report());
    }
}
