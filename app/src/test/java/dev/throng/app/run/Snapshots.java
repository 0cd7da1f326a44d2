package dev.throng.app.run;

import dev.throng.engine.run.AgentStatus;
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
}
