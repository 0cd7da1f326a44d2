package dev.throng.app.run;

import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunPhase;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import dev.throng.engine.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A run handle that makes up snapshots on its own thread, once per {@code tickMillis}, with {@code names} distinct
 * rows: load without a server, for the dashboard benchmark. Thread-safe.
 */
final class SyntheticRun implements RunHandle {
    private final Clock clock = Clock.system();
    private final int names;
    private final long tickMillis;
    private final long plannedMillis;
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    private final Thread thread;
    private volatile RunSnapshot current;
    private volatile int targetUsers;
    private volatile boolean stopping;
    private volatile boolean reset;

    SyntheticRun(int names, int users, long tickMillis, long plannedMillis) {
        this.names = names;
        this.targetUsers = users;
        this.tickMillis = tickMillis;
        this.plannedMillis = plannedMillis;
        this.current = build(0, 0, new long[names], RunPhase.STARTING);
        this.thread = Thread.ofPlatform().daemon().name("synthetic-run").start(this::loop);
    }

    private void loop() {
        long start = clock.nanoTime();
        long[] counts = new long[names];
        try {
            for (long seq = 1; !stopping && seq * tickMillis <= plannedMillis; seq++) {
                clock.sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(seq * tickMillis));
                if (reset) {
                    reset = false;
                    java.util.Arrays.fill(counts, 0);
                }
                current = build(seq, seq * tickMillis, counts, RunPhase.RUNNING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RunSnapshot last = current;
        current = new RunSnapshot(
                RunPhase.FINISHED,
                last.elapsedMillis(),
                plannedMillis,
                0,
                0,
                0,
                0,
                last.stats(),
                last.agents(),
                last.warnings());
        completion.complete(new RunResult(
                "synthetic",
                Instant.EPOCH,
                last.elapsedMillis(),
                stopping ? new StopReason.StoppedByUser() : new StopReason.Completed(),
                last.stats(),
                List.of(),
                List.of(),
                last.agents(),
                Map.of()));
    }

    private RunSnapshot build(long seq, long elapsed, long[] counts, RunPhase phase) {
        int users = targetUsers;
        List<RowStats> interval = new ArrayList<>(names);
        List<RowStats> cumulative = new ArrayList<>(names);
        long total = 0;
        for (int i = 0; i < names; i++) {
            long n = seq == 0 ? 0 : 1 + (i * 31L + seq) % 7;
            counts[i] += n;
            total += n;
            double p50 = 3 + (i % 11);
            interval.add(Snapshots.row("/item/" + i, "GET", n, 0, n * 1000.0 / tickMillis, p50));
            cumulative.add(Snapshots.row("/item/" + i, "GET", counts[i], 0, n, p50));
        }
        StatsSnapshot stats = new StatsSnapshot(
                seq,
                elapsed,
                tickMillis,
                interval,
                Snapshots.row("Total", "", total, 0, total * 1000.0 / tickMillis, 6),
                cumulative,
                Snapshots.row("Total", "", total * Math.max(1, seq), 0, total, 6),
                List.<FailureStats>of(),
                names > 500 ? List.of("More than 500 request names; the rest are folded into (other)") : List.of());
        return new RunSnapshot(
                phase,
                elapsed,
                plannedMillis,
                users,
                users,
                0,
                0,
                stats,
                List.of(new AgentStatus("local", "running", users, total, -1, -1, clock.currentTimeMillis(), null)),
                List.of());
    }

    @Override
    public RunSnapshot snapshot() {
        return current;
    }

    @Override
    public void setTargetUsers(int users) {
        targetUsers = users;
    }

    @Override
    public void setSpawnRate(double usersPerSecond) {}

    @Override
    public void setArrivalRate(double arrivalsPerSecond) {}

    @Override
    public void setProfileWeights(Map<String, Double> weights) {}

    @Override
    public void resetStatistics() {
        reset = true;
    }

    @Override
    public void stop(boolean graceful) {
        stopping = true;
        thread.interrupt();
    }

    @Override
    public CompletionStage<RunResult> completion() {
        return completion;
    }

    @Override
    public void close() {
        stop(false);
    }
}
