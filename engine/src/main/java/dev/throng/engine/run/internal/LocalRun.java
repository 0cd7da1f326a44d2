package dev.throng.engine.run.internal;

import dev.throng.engine.load.ClosedSchedule;
import dev.throng.engine.load.OpenSchedule;
import dev.throng.engine.load.ProfilePlacement;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunPhase;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.ShareHandle;
import dev.throng.engine.run.ShareInterval;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.IntervalStats;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.stats.StatsSnapshot;
import dev.throng.engine.time.Clock;
import dev.throng.engine.user.Transport;
import dev.throng.engine.user.UserControl;
import dev.throng.engine.user.UserEnvironment;
import dev.throng.engine.user.VirtualUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A run in this process: one platform thread carries out the schedule (starting and stopping users, spawning
 * arrivals), one platform thread takes a snapshot every second, and each user is a virtual thread.
 *
 * <p>Thread-safe as {@link RunHandle} requires: control methods only queue a command for the scheduler thread;
 * {@link #snapshot()} reads a volatile. Every loop is bounded by the plan's duration plus its graceful stop; after
 * {@link #close()} returns no thread of the run is left.
 */
public final class LocalRun implements ShareHandle {
    /** How often the scheduler looks at its schedule and commands at most, ns. */
    private static final long STEP_NANOS = 20_000_000L;

    /** How often the scheduler looks while a closed ramp starts or stops users: one batch is then a ms of the ramp. */
    private static final long RAMP_STEP_NANOS = 1_000_000L;

    private static final long TICK_NANOS = 1_000_000_000L;

    /** The longest real time close() waits for threads to end, ns. */
    private static final long CLOSE_WAIT_NANOS = 10_000_000_000L;

    sealed interface Command {}

    private record SetUsers(int users) implements Command {}

    private record SetSpawnRate(double rate) implements Command {}

    private record SetArrivalRate(double rate) implements Command {}

    private record SetWeights(Map<String, Double> weights) implements Command {}

    record Stop(boolean graceful, StopReason reason) implements Command {}

    private final Project project;
    private final UserEnvironment env;
    private final Supplier<Transport> transports;
    private final AutoCloseable resources;
    private final StatsCollector stats;
    private final Clock clock;
    private final long seed;
    private final LoadPlan plan;
    private final long durationNanos;
    private final long gracefulNanos;
    private final List<UserProfile> profiles;
    private final UserPool pool;
    private final List<String> startWarnings;
    private final LinkedHashSet<String> runWarnings = new LinkedHashSet<>(); // guarded by itself
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    private final List<HistoryPoint> history = new ArrayList<>(); // guarded by itself
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread scheduler;
    private final Thread ticker;

    // scheduler thread only
    private ClosedSchedule closedSchedule;
    private OpenSchedule openSchedule;
    private long scheduleOffsetNanos;
    private long arrivalsOfSchedule;
    private long[] arrivalsPerProfile;
    private ProfilePlacement placement;
    private double spawnRate;
    private long nextUserIndex;
    private long nextWakeNanos;
    private int liveTarget = -1;
    private final AtomicInteger usersStoppedByData = new AtomicInteger();

    private volatile RunSnapshot latest;
    private volatile RunPhase phase = RunPhase.STARTING;
    private volatile long startNanos;
    private volatile Instant started;
    private volatile int targetUsers;
    private volatile double arrivalRate;
    private volatile String failure;
    private volatile String brokenRule;
    private long droppedAtLastTick; // ticker thread only

    /**
     * Makes a run; {@link #start()} sets it going.
     *
     * @param transports makes each new user's transport (throws {@link IllegalStateException} once closing)
     * @param resources closed when the run ends (the HTTP engine)
     * @param durationNanos the run's length (the plan's, or the override)
     * @param startWarnings warnings found before the start (open files, ...)
     */
    public LocalRun(
            Project project,
            UserEnvironment env,
            Supplier<Transport> transports,
            AutoCloseable resources,
            StatsCollector stats,
            Clock clock,
            long seed,
            long durationNanos,
            List<String> startWarnings) {
        this.project = project;
        this.env = env;
        this.transports = transports;
        this.resources = resources;
        this.stats = stats;
        this.clock = clock;
        this.seed = seed;
        this.plan = project.loadPlan();
        this.durationNanos = durationNanos;
        this.gracefulNanos = Math.max(0, plan.gracefulStop().toNanos());
        this.profiles = project.profiles();
        this.pool = new UserPool(profiles.size());
        this.startWarnings = List.copyOf(startWarnings);
        this.placement = ProfilePlacement.of(profiles);
        this.arrivalsPerProfile = new long[profiles.size()];
        switch (plan) {
            case LoadPlan.Closed c -> {
                closedSchedule = ClosedSchedule.of(c);
                spawnRate = c.stages().isEmpty() ? c.spawnRate() : 0;
            }
            case LoadPlan.Open o -> openSchedule = OpenSchedule.of(o);
            case LoadPlan.Capacity k ->
                throw new IllegalArgumentException(
                        "a capacity search runs on the controller; an agent runs its base plan");
        }
        this.latest = snapshotOf(RunPhase.STARTING, 0, emptyStats(), List.of());
        this.scheduler = Thread.ofPlatform().name("throng-scheduler").daemon().unstarted(this::runScheduler);
        this.ticker = Thread.ofPlatform().name("throng-ticker").daemon().unstarted(this::runTicker);
    }

    private volatile Consumer<ShareInterval> intervalSink;
    private volatile ShareRows shareRows;

    /**
     * Makes this run an agent's part: each tick takes the interval ({@link StatsCollector#takeInterval()}) and hands
     * it, with the users, dropped arrivals, rows taken and warnings, to {@code sink} instead of keeping the figures
     * (the run's own snapshots then stay empty), and a last interval is handed over once every user has ended. Called
     * before {@link #start()}; the sink is called on the ticker thread, then once on the scheduler thread, and must
     * not block.
     *
     * @param rows the part's unique rows (reported with each interval; extended by {@link #addUniqueRows})
     */
    public void reportIntervalsTo(Consumer<ShareInterval> sink, ShareRows rows) {
        this.intervalSink = Objects.requireNonNull(sink, "sink");
        this.shareRows = Objects.requireNonNull(rows, "rows");
    }

    @Override
    public void addUniqueRows(String sourceId, java.util.function.LongPredicate rows) {
        ShareRows share = shareRows;
        if (share == null) {
            throw new IllegalArgumentException("this run has no unique data source '" + sourceId + "' to extend");
        }
        share.add(sourceId, rows);
    }

    private void handOver(Consumer<ShareInterval> sink) {
        IntervalStats interval = stats.takeInterval();
        var warnings = new ArrayList<>(startWarnings);
        synchronized (runWarnings) {
            warnings.addAll(runWarnings);
        }
        sink.accept(new ShareInterval(interval, pool.aliveCount(), dropped.get(), shareRows.taken(), warnings));
    }

    /** Starts the scheduler and the ticker. */
    public void start() {
        startNanos = clock.nanoTime();
        started = Instant.ofEpochMilli(clock.currentTimeMillis());
        phase = RunPhase.RUNNING;
        publish(latest.stats());
        scheduler.start();
        ticker.start();
    }

    // ---------------------------------------------------------------- RunHandle

    @Override
    public RunSnapshot snapshot() {
        return latest;
    }

    @Override
    public void setTargetUsers(int users) {
        commands.add(new SetUsers(Math.max(0, users)));
    }

    @Override
    public void setSpawnRate(double usersPerSecond) {
        commands.add(new SetSpawnRate(usersPerSecond));
    }

    @Override
    public void setArrivalRate(double arrivalsPerSecond) {
        commands.add(new SetArrivalRate(arrivalsPerSecond));
    }

    @Override
    public void setProfileWeights(Map<String, Double> weights) {
        commands.add(new SetWeights(Map.copyOf(weights)));
    }

    @Override
    public void resetStatistics() {
        stats.reset();
    }

    @Override
    public void stop(boolean graceful) {
        commands.add(new Stop(graceful, new StopReason.StoppedByUser()));
        scheduler.interrupt();
    }

    @Override
    public CompletionStage<RunResult> completion() {
        return completion.copy();
    }

    @Override
    public void close() {
        if (!completion.isDone()) {
            commands.add(new Stop(false, new StopReason.StoppedByUser()));
            scheduler.interrupt();
            try {
                completion.get(CLOSE_WAIT_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // cut everything below
            }
        }
        pool.killAll();
        closeResources();
        scheduler.interrupt();
        ticker.interrupt();
        try {
            pool.awaitAllGone(CLOSE_WAIT_NANOS);
            scheduler.join(Duration.ofSeconds(10));
            ticker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeResources() {
        try {
            resources.close();
        } catch (Exception e) {
            warn("closing the HTTP engine failed: " + e.getMessage());
        }
    }

    /** Called from a user's thread when the run must fail (a unique data source ran out under FAIL_RUN). */
    public void fail(String message) {
        if (failure == null) {
            failure = message;
        }
        scheduler.interrupt();
    }

    // ---------------------------------------------------------------- scheduler thread

    private void runScheduler() {
        StopReason reason;
        boolean graceful = true;
        try {
            Stop stop = loop();
            reason = stop.reason();
            graceful = stop.graceful();
        } catch (RuntimeException e) {
            reason = new StopReason.Failed("internal error of the scheduler: " + e);
            graceful = false;
        }
        phase = RunPhase.STOPPING;
        publish(latest.stats());
        if (graceful) {
            pool.stopAll();
            long deadline = clock.nanoTime() + gracefulNanos;
            while (pool.aliveCount() > 0 && clock.nanoTime() - deadline < 0 && !immediateAsked()) {
                try {
                    pool.awaitChange(Math.min(STEP_NANOS, deadline - clock.nanoTime()));
                } catch (InterruptedException e) {
                    // a command: look again
                }
            }
        }
        pool.killAll();
        try {
            pool.awaitAllGone(CLOSE_WAIT_NANOS);
        } catch (InterruptedException e) {
            pool.killAll();
        }
        finish(reason);
    }

    /** Whether an immediate stop was asked while stopping gracefully (other commands are dropped then). */
    private boolean immediateAsked() {
        boolean immediate = false;
        Command c;
        while ((c = commands.poll()) != null) {
            immediate |= c instanceof Stop s && !s.graceful();
        }
        return immediate;
    }

    /** Carries out the schedule until it ends or a stop; returns how to stop. */
    private Stop loop() {
        while (true) {
            Thread.interrupted(); // interrupts only wake this thread up
            Stop stop = step();
            if (stop != null) {
                return stop;
            }
            try {
                clock.sleepUntil(nextWakeNanos);
            } catch (InterruptedException e) {
                // a command or a failure: look again
            }
        }
    }

    /**
     * One pass of the scheduler: applies the queued commands, then starts and stops users (or spawns the arrivals)
     * the schedule wants at the clock's time. Returns the stop to carry out, or {@code null} with
     * {@link #nextWakeNanos} set. Scheduler thread only (or a test driving the run by hand).
     */
    Stop step() {
        Command c;
        while ((c = commands.poll()) != null) {
            if (c instanceof Stop s) {
                return s;
            }
            apply(c);
        }
        if (failure != null) {
            return new Stop(true, new StopReason.Failed(failure));
        }
        if (brokenRule != null) {
            return new Stop(true, new StopReason.ThresholdBroken(brokenRule));
        }
        long now = clock.nanoTime();
        long elapsed = now - startNanos;
        if (elapsed >= durationNanos) {
            if (openSchedule != null) {
                // a late wake-up must not lose the arrivals that were due before the end (neither sent nor dropped)
                spawnArrivals(elapsed);
            }
            return new Stop(true, new StopReason.Completed());
        }
        long wakeAt;
        if (closedSchedule != null) {
            adjustUsers(elapsed, now);
            long since = elapsed - scheduleOffsetNanos;
            boolean ramping = closedSchedule.usersAt(since + STEP_NANOS) != closedSchedule.usersAt(since);
            wakeAt = now + (ramping ? RAMP_STEP_NANOS : STEP_NANOS);
        } else {
            wakeAt = spawnArrivals(elapsed);
        }
        pool.killOverdue(now);
        nextWakeNanos = Math.min(wakeAt, Math.min(now + STEP_NANOS, startNanos + durationNanos));
        return null;
    }

    /** Sets the start without starting the threads, for a test that calls {@link #step()} itself. */
    void beginByHand() {
        startNanos = clock.nanoTime();
        started = Instant.ofEpochMilli(clock.currentTimeMillis());
        phase = RunPhase.RUNNING;
    }

    /** Kills every user and waits for them, for a test that drove the run by hand. */
    void killByHand() throws InterruptedException {
        pool.killAll();
        pool.awaitAllGone(CLOSE_WAIT_NANOS);
        closeResources();
    }

    /** Active users per profile (in the profiles' order). */
    int[] activeUsersPerProfile() {
        return pool.counts();
    }

    /** Arrivals dropped so far. */
    long droppedArrivals() {
        return dropped.get();
    }

    private void apply(Command c) {
        long elapsed = clock.nanoTime() - startNanos;
        switch (c) {
            case SetUsers s -> {
                if (closedSchedule != null) {
                    liveRamp(s.users(), spawnRate, elapsed);
                }
            }
            case SetSpawnRate s -> {
                if (closedSchedule != null) {
                    spawnRate = s.rate();
                    int target = liveTarget >= 0
                            ? liveTarget
                            : ((LoadPlan.Closed) plan).stages().isEmpty()
                                    ? ((LoadPlan.Closed) plan).users()
                                    : closedSchedule.usersAt(elapsed - scheduleOffsetNanos);
                    liveRamp(target, s.rate(), elapsed);
                }
            }
            case SetArrivalRate s -> {
                if (openSchedule != null) {
                    openSchedule = OpenSchedule.constant(s.rate(), Math.max(0, durationNanos - elapsed));
                    scheduleOffsetNanos = elapsed;
                    // the new rate's first arrival comes one interval after the change, not at the change itself
                    arrivalsOfSchedule = 1;
                }
            }
            case SetWeights w -> {
                placement = placement.withWeights(w.weights());
                rebalance(clock.nanoTime());
            }
            case Stop s -> throw new IllegalStateException("handled by the loop");
        }
    }

    private void liveRamp(int target, double rate, long elapsed) {
        int current = pool.activeCount();
        liveTarget = target;
        closedSchedule = ClosedSchedule.ramp(current, target, rate, Math.max(0, durationNanos - elapsed));
        scheduleOffsetNanos = elapsed;
    }

    private void adjustUsers(long elapsed, long now) {
        int wanted = Math.max(0, closedSchedule.usersAt(elapsed - scheduleOffsetNanos) - usersStoppedByData.get());
        targetUsers = wanted;
        int[] counts = pool.counts();
        int running = sum(counts);
        while (running < wanted) {
            int p = placement.chooseToAdd(counts);
            if (p < 0 || !startUser(p)) {
                return;
            }
            counts[p]++;
            running++;
        }
        while (running > wanted) {
            int p = placement.chooseToRemove(counts);
            if (p < 0 || !pool.retireNewest(p, now + gracefulNanos)) {
                return;
            }
            counts[p]--;
            running--;
        }
    }

    /** Moves users between profiles to match new weights: stops the surplus, starts the missing. */
    private void rebalance(long now) {
        if (closedSchedule == null) {
            return;
        }
        int[] counts = pool.counts();
        int[] target = placement.countsAt(sum(counts));
        for (int p = 0; p < counts.length; p++) {
            for (int k = counts[p]; k > target[p]; k--) {
                pool.retireNewest(p, now + gracefulNanos);
            }
        }
        for (int p = 0; p < counts.length; p++) {
            for (int k = counts[p]; k < target[p]; k++) {
                startUser(p);
            }
        }
    }

    /** Starts the open model's due arrivals; returns when the next one is due (absolute ns). */
    private long spawnArrivals(long elapsed) {
        arrivalRate = openSchedule.arrivalRateAt(elapsed - scheduleOffsetNanos);
        int max = ((LoadPlan.Open) plan).maxConcurrentUsers();
        while (true) {
            long at = openSchedule.nextArrivalAfter(arrivalsOfSchedule);
            if (at == OpenSchedule.NEVER) {
                return Long.MAX_VALUE;
            }
            long intended = startNanos + scheduleOffsetNanos + at;
            if (intended - clock.nanoTime() > 0) {
                return intended;
            }
            arrivalsOfSchedule++;
            if (intended - startNanos >= durationNanos) {
                return Long.MAX_VALUE;
            }
            if (max > 0 && inFlight.get() >= max) {
                dropped.incrementAndGet();
                continue;
            }
            int p = placement.nextWeighted(arrivalsPerProfile);
            arrivalsPerProfile[p]++;
            startArrival(p, intended);
        }
    }

    private boolean startUser(int profileIndex) {
        return launch(profileIndex, true, Long.MIN_VALUE);
    }

    private void startArrival(int profileIndex, long intendedStartNanos) {
        launch(profileIndex, false, intendedStartNanos);
    }

    private boolean launch(int profileIndex, boolean closedModel, long intendedStartNanos) {
        long index = nextUserIndex++;
        var control = new UserControl();
        Transport transport;
        try {
            transport = transports.get();
        } catch (IllegalStateException e) {
            return false; // the engine is closing
        }
        var user = new VirtualUser(
                env,
                profiles.get(profileIndex),
                index,
                new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)),
                transport,
                control);
        var member = new UserPool.Member(index, profileIndex, control);
        pool.add(member, closedModel);
        if (!closedModel) {
            inFlight.incrementAndGet();
        }
        Consumer<RuntimeException> ended = error -> {
            if (error != null) {
                warn("a user of profile '" + user.profile().name() + "' stopped on an internal error: " + error);
            }
            if (user.stoppedByData() && closedModel) {
                dataStop();
            }
            if (!closedModel) {
                inFlight.decrementAndGet();
            }
            pool.exited(member);
        };
        if (closedModel) {
            user.startClosed(ended);
        } else {
            user.startOnce(intendedStartNanos, ended);
        }
        return true;
    }

    private void dataStop() {
        usersStoppedByData.incrementAndGet();
        synchronized (runWarnings) {
            runWarnings.add("users stop when a unique data source has no rows left; they are not replaced");
        }
    }

    private void warn(String message) {
        synchronized (runWarnings) {
            runWarnings.add(message);
        }
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    // ---------------------------------------------------------------- ticker thread

    private void runTicker() {
        long next = startNanos + TICK_NANOS;
        while (!completion.isDone() && phase != RunPhase.FINISHED) {
            try {
                clock.sleepUntil(next);
            } catch (InterruptedException e) {
                return;
            }
            if (phase == RunPhase.FINISHED || tickerStopped) {
                return;
            }
            tick();
            next += TICK_NANOS;
        }
    }

    private volatile boolean tickerStopped;

    private synchronized void tick() {
        Consumer<ShareInterval> sink = intervalSink;
        if (sink != null) {
            // an agent's part: the interval is the controller's; a snapshot here would take (and lose) what users
            // record after the hand-over
            handOver(sink);
            publish(latest.stats());
            return;
        }
        StatsSnapshot s = stats.snapshot();
        long droppedNow = dropped.get();
        long droppedInterval = droppedNow - droppedAtLastTick;
        droppedAtLastTick = droppedNow;
        RowStats t = s.intervalTotal();
        double seconds = Math.max(1e-9, s.intervalMillis() / 1000.0);
        var point = new HistoryPoint(
                (clock.nanoTime() - startNanos) / 1_000_000,
                pool.aliveCount(),
                t.rps(),
                t.failures() / seconds,
                t.latency().p50Ms(),
                t.latency().p95Ms(),
                t.latency().p99Ms(),
                droppedInterval);
        synchronized (history) {
            history.add(point);
        }
        publish(s);
        checkAbortRules();
    }

    private void checkAbortRules() {
        List<Threshold> abort =
                project.thresholds().stream().filter(Threshold::abortOnFail).toList();
        if (abort.isEmpty() || brokenRule != null) {
            return;
        }
        for (var v : stats.evaluate(abort)) {
            if (!v.passed() && !Double.isNaN(v.value())) {
                brokenRule = v.threshold().rule();
                scheduler.interrupt();
                return;
            }
        }
    }

    private void publish(StatsSnapshot s) {
        var warnings = new ArrayList<>(startWarnings);
        synchronized (runWarnings) {
            warnings.addAll(runWarnings);
        }
        warnings.addAll(s.warnings());
        latest = snapshotOf(phase, (clock.nanoTime() - startNanos) / 1_000_000, s, warnings);
    }

    private RunSnapshot snapshotOf(RunPhase p, long elapsedMillis, StatsSnapshot s, List<String> warnings) {
        int users = pool.aliveCount();
        double rps = s.intervalTotal().rps();
        var agent = localAgent(p, users, rps);
        return new RunSnapshot(
                p,
                Math.max(0, elapsedMillis),
                durationNanos / 1_000_000,
                users,
                targetUsers,
                arrivalRate,
                dropped.get(),
                s,
                List.of(agent),
                warnings);
    }

    private AgentStatus localAgent(RunPhase p, int users, double rps) {
        var runtime = Runtime.getRuntime();
        double cpu = -1;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuLoad();
        }
        return new AgentStatus(
                "local",
                p.name().toLowerCase(java.util.Locale.ROOT),
                users,
                rps,
                cpu,
                runtime.totalMemory() - runtime.freeMemory(),
                clock.currentTimeMillis(),
                null);
    }

    private static StatsSnapshot emptyStats() {
        var total = new RowStats("Total", "", 0, 0, 0, 0, LatencySummary.EMPTY, null);
        return new StatsSnapshot(0, 0, 0, List.of(), total, List.of(), total, List.of(), List.of());
    }

    // ---------------------------------------------------------------- the end

    private void finish(StopReason reason) {
        tickerStopped = true;
        ticker.interrupt();
        try {
            ticker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StatsSnapshot last;
        synchronized (this) {
            Consumer<ShareInterval> sink = intervalSink;
            if (sink != null) {
                handOver(sink);
                last = latest.stats();
            } else {
                last = stats.snapshot();
            }
        }
        var thresholds = new ArrayList<ThresholdResult>();
        for (var v : stats.evaluate(project.thresholds())) {
            thresholds.add(new ThresholdResult(v.threshold(), v.passed(), v.value()));
        }
        long durationMillis = (clock.nanoTime() - startNanos) / 1_000_000;
        phase = RunPhase.FINISHED;
        publish(last);
        List<HistoryPoint> points;
        synchronized (history) {
            points = List.copyOf(history);
        }
        var result = new RunResult(
                project.name(),
                started,
                durationMillis,
                reason,
                last,
                thresholds,
                points,
                latest.agents(),
                stats.encodedHistograms());
        closeResources();
        completion.complete(result);
    }
}
