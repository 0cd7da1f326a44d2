package dev.throng.engine.report;

import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.RowRecorder;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.stats.StatsSnapshot;
import dev.throng.engine.stats.ThresholdVerdict;
import dev.throng.engine.time.FakeClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Run results made by really recording requests into a collector, for the report and history tests. */
public final class SampleResults {
    /** A name that must be escaped everywhere. */
    public static final String NASTY = "/search?q=<script>alert('x')</script>&a=\"b\",c";

    private SampleResults() {}

    /** A 10 s run; {@code slowdown} multiplies the product page's latency, {@code extraFailures} adds home failures. */
    public static RunResult run(double slowdown, int extraFailures) {
        FakeClock clock = new FakeClock(Instant.parse("2026-11-29T14:00:00Z").toEpochMilli());
        StatsCollector stats = new StatsCollector(clock);
        RowRecorder home = stats.row("/", "GET");
        RowRecorder product = stats.row("/product/{id}", "GET");
        RowRecorder cart = stats.row("/cart", "POST");
        RowRecorder search = stats.row(NASTY, "GET");
        List<HistoryPoint> history = new ArrayList<>();
        StatsSnapshot last = null;
        for (int second = 1; second <= 10; second++) {
            for (int i = 0; i < 100; i++) {
                boolean failed = i < extraFailures / 10;
                home.record(5_000 + i * 10, 2048, failed, i == 0 ? 300 : -1, -1, 4_000, 0);
                if (failed) {
                    home.recordFailure("http-status", "503 Service Unavailable", "GET http://127.0.0.1/ -> 503");
                }
                product.record((long) ((10_000 + i * 100) * slowdown), 4096, false);
                if (i % 4 == 0) {
                    cart.record(20_000, 100, i == 0);
                    if (i == 0) {
                        cart.recordFailure("check", "body does not contain <ok>", "POST /cart\n<html>nope</html>");
                    }
                    stats.recordGroup("checkout", 60_000, i == 0);
                }
                if (i % 10 == 0) {
                    search.record(1_000, 10, false);
                }
            }
            clock.advanceMillis(1000);
            last = stats.snapshot();
            history.add(new HistoryPoint(
                    last.elapsedMillis(),
                    second * 10,
                    last.intervalTotal().rps(),
                    last.intervalTotal().failures() / (last.intervalMillis() / 1000.0),
                    last.intervalTotal().latency().p50Ms(),
                    last.intervalTotal().latency().p95Ms(),
                    last.intervalTotal().latency().p99Ms(),
                    0));
        }
        List<Threshold> rules = List.of(
                Threshold.parse("p95<300ms"),
                Threshold.parse("error_rate<1%").withAbortOnFail(true),
                Threshold.parse("name~/prodcut:p95<100ms"),
                Threshold.parse("rps>100"));
        List<ThresholdResult> thresholds =
                stats.evaluate(rules).stream().map(SampleResults::result).toList();
        return new RunResult(
                "Demo <shop> & co",
                Instant.parse("2026-11-29T14:00:00Z"),
                10_000,
                new StopReason.Completed(),
                last,
                thresholds,
                history,
                List.of(
                        new AgentStatus("local", "running", 100, 50, 0.2, 1 << 20, 0, null),
                        new AgentStatus("agent-2", "lost", 0, 0, -1, -1, 0, 1_800_000_005_000L)),
                stats.encodedHistograms());
    }

    /** {@link #run} as if it had been a capacity search that found 190 users, with a name to escape. */
    public static RunResult capacity() {
        RunResult r = run(1.0, 0);
        var steps = List.of(
                new CapacityStep(1, 100, false, 0, 3000, 300, 100, 5, 20, 30, 0, true, List.of(), List.of(), false),
                new CapacityStep(
                        2,
                        200,
                        false,
                        3000,
                        6000,
                        390,
                        195,
                        40,
                        140,
                        200,
                        0.02,
                        false,
                        List.of("p95<100ms", "error_rate<1%"),
                        List.of("GET " + NASTY, "GET /"),
                        false),
                new CapacityStep(3, 150, true, 6000, 9000, 450, 150, 8, 60, 80, 0, true, List.of(), List.of(), false),
                new CapacityStep(4, 190, true, 9000, 12000, 588, 196, 9, 90, 99, 0, true, List.of(), List.of(), false));
        var report = new CapacityReport(
                LoadPlan.CapacityModel.USERS,
                List.of("p95<100ms", "error_rate<1%"),
                190,
                196,
                "p95<100ms",
                List.of("GET " + NASTY, "GET /"),
                false,
                true,
                steps);
        return new RunResult(
                r.projectName(),
                r.started(),
                r.durationMillis(),
                r.reason(),
                r.finalStats(),
                r.thresholds(),
                r.history(),
                r.agents(),
                r.histograms(),
                report);
    }

    private static ThresholdResult result(ThresholdVerdict v) {
        return new ThresholdResult(v.threshold(), v.passed(), v.value());
    }
}
