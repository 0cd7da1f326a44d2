package dev.throng.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.engine.history.RowDelta;
import dev.throng.engine.history.RunHistory;
import dev.throng.engine.history.SavedRun;
import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.report.SampleResults;
import dev.throng.engine.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {
    @TempDir
    Path dir;

    private Path project() {
        return dir.resolve("shop.throng.json");
    }

    private static RunResult later(RunResult r, long seconds) {
        return new RunResult(
                r.projectName(),
                r.started().plusSeconds(seconds),
                r.durationMillis(),
                r.reason(),
                r.finalStats(),
                r.thresholds(),
                r.history(),
                r.agents(),
                r.histograms());
    }

    private HistoryViewModel vm() {
        return new HistoryViewModel(this::project, BackgroundTasks.inline());
    }

    @Test
    void listsTheSavedRunsNewestFirst() throws Exception {
        RunResult first = SampleResults.run(1.0, 0);
        RunHistory.save(project(), first);
        RunHistory.save(project(), later(SampleResults.run(1.0, 50), 60));
        HistoryViewModel vm = vm();

        vm.refresh();

        assertThat(vm.runs()).hasSize(2);
        assertThat(vm.runs().get(0).started()).isEqualTo(first.started().plusSeconds(60));
        assertThat(vm.runs().get(0).failures()).isGreaterThan(vm.runs().get(1).failures());
        assertThat(vm.messageProperty().get()).startsWith("2 saved runs in ");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void anUnsavedProjectHasNoHistoryAndSaysWhy() {
        HistoryViewModel vm = new HistoryViewModel(() -> null, BackgroundTasks.inline());
        vm.refresh();
        assertThat(vm.runs()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Save the project");
    }

    @Test
    void comparesTheOlderSelectedRunWithTheNewerAndMarksRegressions() throws Exception {
        RunHistory.save(project(), later(SampleResults.run(1.5, 0), 60));
        RunHistory.save(project(), SampleResults.run(1.0, 0));
        HistoryViewModel vm = vm();
        vm.refresh();
        assertThat(vm.canCompareProperty().get()).isFalse();

        vm.selected().setAll(vm.runs());
        assertThat(vm.canCompareProperty().get()).isTrue();
        assertThat(vm.canOpenProperty().get()).isFalse();
        vm.compare();

        // The slower run is the newer one, so it is "after" even though it was selected first.
        assertThat(vm.comparisonProperty().get()).isNotNull();
        assertThat(vm.deltas()).hasSize(vm.comparisonProperty().get().rows().size() + 1);
        assertThat(vm.deltas().getLast().label()).isEqualTo("Total");
        RowDelta product = vm.deltas().stream()
                .filter(d -> d.label().equals("GET /product/{id}"))
                .findFirst()
                .orElseThrow();
        assertThat(product.isRegression()).isTrue();
        assertThat(product.p95Change()).isPositive();
        assertThat(vm.deltas().stream().filter(RowDelta::isRegression).map(RowDelta::label))
                .containsExactly("GET /product/{id}", "Total");
        assertThat(vm.messageProperty().get()).endsWith("2 regressions");
        assertThat(vm.openedProperty().get()).isNull();
    }

    @Test
    void opensOneRunAndExportsItsReports() throws Exception {
        RunHistory.save(project(), SampleResults.run(1.0, 3));
        HistoryViewModel vm = vm();
        vm.refresh();
        vm.selected().setAll(vm.runs().getFirst());

        vm.open();
        assertThat(vm.openedProperty().get().finalStats().cumulativeTotal().failures())
                .isEqualTo(vm.runs().getFirst().failures());

        Path html = dir.resolve("out/report.html");
        Files.createDirectories(html.getParent());
        vm.export(ReportFormat.HTML, html);
        assertThat(Files.readString(html)).contains("<html");
        assertThat(vm.messageProperty().get()).isEqualTo("Report written to " + html);

        vm.export(ReportFormat.CSV, dir.resolve("out/report.csv"));
        assertThat(dir.resolve("out/report_stats.csv")).exists();
        assertThat(dir.resolve("out/report_history.csv")).exists();
        assertThat(dir.resolve("out/report_failures.csv")).exists();

        Path json = dir.resolve("out/report.json");
        vm.export(ReportFormat.JSON, json);
        assertThat(ResultsJson.read(json).finalStats().cumulativeTotal().requests())
                .isEqualTo(vm.runs().getFirst().requests());
        assertThat(vm.suggestedFileName(ReportFormat.HTML)).endsWith(".html").doesNotContain(" ", ":");
    }

    @Test
    void aFailedExportSaysWhichFile() throws Exception {
        RunHistory.save(project(), SampleResults.run(1.0, 0));
        HistoryViewModel vm = vm();
        vm.refresh();
        vm.selected().setAll(List.<SavedRun>of(vm.runs().getFirst()));
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "x");

        vm.export(ReportFormat.HTML, blocked.resolve("report.html"));

        assertThat(vm.errorProperty().get()).startsWith("Could not write the report " + blocked.resolve("report.html"));
    }
}
