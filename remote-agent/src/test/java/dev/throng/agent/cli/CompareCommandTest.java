package dev.throng.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code throng compare}: the regression check before a big feature ships. */
class CompareCommandTest extends CliTest {
    @TempDir
    Path dir;

    private Path saved(String name, double p95Ms, long failures) throws Exception {
        var latency = new LatencySummary(10, 20, p95Ms, p95Ms + 10, p95Ms + 20, p95Ms + 30, 15);
        var row = new RowStats("/product/{id}", "GET", 1000, failures, 50_000, 100, latency, null);
        var total = new RowStats("Total", "", 1000, failures, 50_000, 100, latency, null);
        var stats = new StatsSnapshot(10, 10_000, 1000, List.of(row), total, List.of(row), total, List.of(), List.of());
        var result = new RunResult(
                "shop",
                Instant.parse("2026-11-29T12:00:00Z"),
                10_000,
                new StopReason.Completed(),
                stats,
                List.of(),
                List.of(),
                List.of(),
                Map.of());
        Path file = dir.resolve(name + ".json");
        ResultsJson.write(result, file);
        return file;
    }

    @Test
    void sameFiguresAreNoRegression() throws Exception {
        Path a = saved("a", 100, 0);
        Path b = saved("b", 102, 0);
        assertThat(execute("compare", a.toString(), b.toString()))
                .as(out + "\n" + err)
                .isZero();
        assertThat(out.toString()).contains("/product/{id}").contains("No regression.");
    }

    @Test
    void slowerP95IsARegressionAndExitsOne() throws Exception {
        Path a = saved("a", 100, 0);
        Path b = saved("b", 150, 0);
        assertThat(execute("compare", a.toString(), b.toString())).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(out.toString()).contains("Regression");
        // A looser limit lets the same change pass.
        assertThat(execute("compare", a.toString(), b.toString(), "--max-p95-increase", "60"))
                .isZero();
    }

    @Test
    void moreErrorsIsARegression() throws Exception {
        Path a = saved("a", 100, 0);
        Path b = saved("b", 100, 50);
        assertThat(execute("compare", a.toString(), b.toString())).isEqualTo(ExitCodes.THRESHOLD_FAILED);
    }

    @Test
    void aMissingRunIsBadInput() {
        assertThat(execute(
                        "compare",
                        dir.resolve("nope").toString(),
                        dir.resolve("nope2").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no saved run at");
    }
}
