package dev.throng.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.throng.engine.report.SampleResults;
import dev.throng.engine.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunComparisonTest {
    private final RunResult baseline = SampleResults.run(1.0, 0);

    @Test
    void theSameRunTwiceHasNoRegression() {
        RunComparison c = RunComparison.compare(baseline, SampleResults.run(1.0, 0), Limits.DEFAULT);

        assertThat(c.hasRegression()).isFalse();
        assertThat(c.rows()).hasSize(5);
        assertThat(c.rows()).allSatisfy(r -> assertThat(r.p95Change()).isZero());
        assertThat(c.format()).contains("No regression");
    }

    @Test
    void aSlowerPageIsARegressionOfItsRowAndOfTheTotal() {
        RunComparison c = RunComparison.compare(baseline, SampleResults.run(1.5, 0), Limits.DEFAULT);

        assertThat(c.hasRegression()).isTrue();
        RowDelta product = c.rows().stream()
                .filter(r -> r.label().equals("GET /product/{id}"))
                .findFirst()
                .orElseThrow();
        assertThat(product.p95Change()).isCloseTo(0.5, within(0.01));
        assertThat(product.regressions()).singleElement().asString().startsWith("p95 +50");
        assertThat(c.regressions()).extracting(RowDelta::label).containsExactly("GET /product/{id}", "Total");
        assertThat(c.format()).contains("REGRESSION: p95 +50.0%", "2 rows regressed");
    }

    @Test
    void limitsDecideWhatCounts() {
        RunResult slower = SampleResults.run(1.5, 0);

        assertThat(RunComparison.compare(baseline, slower, Limits.DEFAULT.withP95Increase(0.6))
                        .hasRegression())
                .isFalse();
        // +50% of 10-20 ms is more than 1 ms, but not more than 20 ms.
        assertThat(RunComparison.compare(baseline, slower, Limits.DEFAULT.withMinLatencyChangeMs(20))
                        .hasRegression())
                .isFalse();
        assertThat(RunComparison.compare(baseline, slower, Limits.DEFAULT.withP50Increase(0.2)).rows().stream()
                        .filter(RowDelta::isRegression)
                        .findFirst()
                        .orElseThrow()
                        .regressions())
                .hasSize(2);
        assertThatThrownBy(() -> Limits.DEFAULT.withRpsDecrease(-1)).hasMessageContaining("rpsDecrease");
    }

    @Test
    void moreErrorsThanOnePointMoreIsARegression() {
        RunComparison c = RunComparison.compare(baseline, SampleResults.run(1.0, 50), Limits.DEFAULT);

        RowDelta home = c.rows().stream()
                .filter(r -> r.label().equals("GET /"))
                .findFirst()
                .orElseThrow();
        assertThat(home.errorRateChange()).isCloseTo(0.05, within(1e-9));
        assertThat(home.regressions()).containsExactly("errors +5.0 pt");
    }

    @Test
    void rowsInOneRunOnlyAreListedButAreNotRegressions() {
        RunResult fewer = new RunResult(
                baseline.projectName(),
                baseline.started(),
                baseline.durationMillis(),
                baseline.reason(),
                new dev.throng.engine.stats.StatsSnapshot(
                        1,
                        10_000,
                        1000,
                        List.of(),
                        baseline.finalStats().intervalTotal(),
                        baseline.finalStats().cumulative().subList(0, 2),
                        baseline.finalStats().cumulativeTotal(),
                        List.of(),
                        List.of()),
                List.of(),
                List.of(),
                List.of(),
                java.util.Map.of());

        RunComparison c = RunComparison.compare(fewer, baseline, Limits.DEFAULT);

        assertThat(c.rows()).hasSize(5);
        assertThat(c.hasRegression()).isFalse();
        assertThat(c.rows().stream().filter(r -> r.before() == null)).hasSize(3);
        assertThat(c.format()).contains("only in the second run");
    }
}
