package dev.throng.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimalResultsTest {
    private static final String CONTRACT_ONLY = """
            {"format": "throng-results/1", "project": "p", "started": "2026-01-31T12:00:00Z", "duration_s": 60,
             "totals": {"requests": 10, "failures": 1, "rps": 0.5, "p50_ms": 1, "p95_ms": 2, "p99_ms": 3, "max_ms": 4},
             "requests": [{"name": "/a", "method": "GET", "requests": 10, "failures": 1, "rps": 0.5,
                           "p50_ms": 1, "p95_ms": 2, "p99_ms": 3, "max_ms": 4}],
             "failures": [{"name": "/a", "method": "GET", "kind": "http-status", "message": "500", "count": 1}],
             "thresholds": [{"rule": "p95<300ms", "passed": true, "value": 2}],
             "agents": [{"id": "local", "users": 5, "requests": 10, "lost_at": null}]}
            """;

    @Test
    void aDocumentWithOnlyTheContractsFieldsIsRead() throws IOException {
        RunResult r = ResultsJson.parse(CONTRACT_ONLY, "contract.json");

        assertThat(r.durationMillis()).isEqualTo(60_000);
        assertThat(r.reason()).isEqualTo(new StopReason.Completed());
        RowStats row = r.finalStats().cumulative().getFirst();
        assertThat(row.label()).isEqualTo("GET /a");
        assertThat(row.latency().p95Ms()).isEqualTo(2.0);
        assertThat(row.latency().p90Ms()).isNaN();
        assertThat(r.finalStats().failures().getFirst().count()).isEqualTo(1);
        assertThat(r.thresholds().getFirst().passed()).isTrue();
        assertThat(r.agents().getFirst().users()).isEqualTo(5);
        assertThat(r.history()).isEmpty();
        assertThat(r.histograms()).isEmpty();
    }

    @Test
    void anEmptyRunStillMakesEveryReport() throws IOException {
        RowStats total = new RowStats("Total", "", 0, 0, 0, 0, LatencySummary.EMPTY, null);
        RunResult empty = new RunResult(
                "empty",
                Instant.parse("2026-01-31T12:00:00Z"),
                0,
                new StopReason.Failed("no users could start: the data file users.csv is empty"),
                new StatsSnapshot(0, 0, 0, List.of(), total, List.of(), total, List.of(), List.of()),
                List.of(),
                List.of(),
                List.of(),
                Map.of());

        String html = HtmlReport.render(empty);
        assertThat(html).contains("No thresholds were set", "No failures", "users.csv is empty");
        assertThat(CsvReport.stats(empty)).endsWith("total,,Total,0,0,0,0,0,0,0,0,0,0,0,0\n");
        String xml = JunitReport.toXml(empty);
        assertThat(xml).contains("tests=\"1\"", "errors=\"1\"", "<error type=\"run-failed\"");
        RunResult back = ResultsJson.parse(ResultsJson.toJson(empty), "empty");
        assertThat(back.reason()).isEqualTo(empty.reason());
        assertThat(back.finalStats().cumulativeTotal().requests()).isZero();
    }
}
