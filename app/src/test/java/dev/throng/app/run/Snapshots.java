package dev.throng.app.run;

import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import dev.throng.engine.run.RunPhase;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds engine snapshots with made-up figures for tests and the benchmark. */
final class Snapshots {
    private Snapshots() {}

    static RowStats row(String name, String method, long requests, long failures, double rps, double p50) {
        return new RowStats(
                name,
                method,
                requests,
                failures,
                requests * 100,
                rps,
                new LatencySummary(p50, p50 * 1.5, p50 * 2, p50 * 3, p50 * 4, p50 * 5, p50 * 1.1),
                null);
    }

    /** A running snapshot at tick {@code sequence} (one second each) with {@code names} rows of 10 requests/s. */
    static RunSnapshot running(long sequence, int users, int names, List<String> warnings) {
        List<RowStats> interval = new ArrayList<>(names);
        List<RowStats> cumulative = new ArrayList<>(names);
        for (int i = 0; i < names; i++) {
            String name = "/item/" + i;
            interval.add(row(name, "GET", 10, i % 50 == 0 ? 1 : 0, 10, 5 + i % 7));
            cumulative.add(row(name, "GET", 10 * sequence + i, i % 50 == 0 ? sequence : 0, 10, 5 + i % 7));
        }
        long total = 10L * names;
        StatsSnapshot stats = new StatsSnapshot(
                sequence,
                sequence * 1000,
                1000,
                interval,
                row("Total", "", total, names / 50, total, 6),
                cumulative,
                row("Total", "", total * sequence, names / 50 * sequence, total, 6),
                List.of(new FailureStats("/item/0", "GET", "http-status", "HTTP 500", sequence, 1, 2, "GET /item/0")),
                List.of());
        return new RunSnapshot(
                RunPhase.RUNNING,
                sequence * 1000,
                60_000,
                users,
                users,
                0,
                0,
                stats,
                List.of(new AgentStatus("local", "running", users, total, 0.1, 1 << 20, 1_800_000_000_000L, null)),
                warnings);
    }

    static RunResult result(StopReason reason, RunSnapshot last, int historyPoints) {
        List<dev.throng.engine.run.HistoryPoint> history = new ArrayList<>();
        for (int i = 1; i <= historyPoints; i++) {
            history.add(new dev.throng.engine.run.HistoryPoint(i * 1000L, 5, 50, 0, 5, 10, 20, 0));
        }
        return new RunResult(
                "test",
                Instant.EPOCH,
                last.elapsedMillis(),
                reason,
                last.stats(),
                List.of(),
                history,
                List.of(),
                Map.of());
    }

    /** {@code s} with a capacity search's progress. */
    static RunSnapshot withCapacity(RunSnapshot s, CapacityReport capacity) {
        return new RunSnapshot(
                s.phase(),
                s.elapsedMillis(),
                s.plannedMillis(),
                s.users(),
                s.targetUsers(),
                s.arrivalRate(),
                s.dropped(),
                s.stats(),
                s.agents(),
                s.warnings(),
                capacity);
    }

    /**
     * A judged (or, with {@code running}, held) step of 10 s: about one request per second per user, p95 {@code p95}
     * ms; failed steps broke {@code p95<100ms} and name {@code GET /capacity} as degraded.
     */
    static CapacityStep step(int index, double load, double p95, double errorRate, boolean passed, boolean running) {
        long start = (index - 1) * 10_000L;
        return new CapacityStep(
                index,
                load,
                false,
                start,
                running ? start : start + 10_000,
                (long) (load * 10),
                load * 1.03,
                p95 / 2,
                p95,
                p95 * 1.5,
                errorRate,
                passed,
                passed || running ? List.of() : List.of("p95<100ms"),
                passed || running ? List.of() : List.of("GET /capacity"),
                running);
    }

    /** A users search judged by {@code p95<100ms} and {@code error_rate<1%} with {@code steps} so far. */
    static CapacityReport search(boolean finished, List<CapacityStep> steps) {
        CapacityStep best = steps.stream()
                .filter(s -> s.passed() && !s.running())
                .reduce((a, b) -> b.load() > a.load() ? b : a)
                .orElse(null);
        CapacityStep bad = steps.stream()
                .filter(s -> !s.passed() && !s.running())
                .findFirst()
                .orElse(null);
        return new CapacityReport(
                LoadPlan.CapacityModel.USERS,
                List.of("p95<100ms", "error_rate<1%"),
                best == null ? 0 : best.load(),
                best == null ? 0 : best.requestsPerSecond(),
                bad == null ? null : "p95<100ms",
                bad == null ? List.of() : List.of("GET /capacity"),
                bad == null && finished,
                finished,
                steps);
    }
}
