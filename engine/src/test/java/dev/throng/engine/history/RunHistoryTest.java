package dev.throng.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.report.SampleResults;
import dev.throng.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path dir;

    @Test
    void runsAreSavedBesideTheProjectInAFolderPerStartTime() throws IOException {
        Path project = dir.resolve("shop.throng.json");
        RunResult result = SampleResults.run(1.0, 0);

        Path saved = RunHistory.save(project, result);

        assertThat(saved).isEqualTo(dir.resolve("shop.runs").resolve("2026-11-29T14-00-00Z"));
        assertThat(saved.resolve("results.json")).isRegularFile();
        assertThat(Files.readString(saved.resolve("results.json"))).contains("\"format\" : \"throng-results/1\"");
        RunResult back = RunHistory.load(saved);
        assertThat(back.finalStats().cumulativeTotal().requests())
                .isEqualTo(result.finalStats().cumulativeTotal().requests());
        assertThat(back.histograms()).isEqualTo(result.histograms());
        assertThat(RunHistory.load(saved.resolve("results.json")).projectName()).isEqualTo(result.projectName());
    }

    @Test
    void twoRunsInTheSameSecondGetTwoFoldersAndTheListIsNewestFirst() throws IOException {
        Path project = dir.resolve("shop.throng.json");
        RunResult first = SampleResults.run(1.0, 0);
        RunResult later = withStart(SampleResults.run(1.0, 10), Instant.parse("2026-11-29T15:30:00Z"));

        Path a = RunHistory.save(project, first);
        Path b = RunHistory.save(project, first);
        Path c = RunHistory.save(project, later);
        Files.createDirectories(dir.resolve("shop.runs/not-a-run"));

        assertThat(b.getFileName().toString()).isEqualTo("2026-11-29T14-00-00Z-2");
        List<SavedRun> runs = RunHistory.list(project);
        assertThat(runs).extracting(SavedRun::directory).containsExactly(c, b, a);
        assertThat(runs.getFirst().started()).isEqualTo(Instant.parse("2026-11-29T15:30:00Z"));
        assertThat(runs.getFirst().requests()).isEqualTo(2350);
        assertThat(runs.getFirst().failures()).isEqualTo(20);
    }

    @Test
    void aProjectWithoutRunsHasAnEmptyHistory() throws IOException {
        assertThat(RunHistory.list(dir.resolve("none.throng.json"))).isEmpty();
        assertThat(RunHistory.runsDirectory(dir.resolve("x.json"))).isEqualTo(dir.resolve("x.runs"));
    }

    @Test
    void loadingSomethingThatIsNotARunSaysWhat() {
        assertThatThrownBy(() -> RunHistory.load(dir.resolve("missing")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("results.json");
    }

    static RunResult withStart(RunResult r, Instant started) {
        return new RunResult(
                r.projectName(),
                started,
                r.durationMillis(),
                r.reason(),
                r.finalStats(),
                r.thresholds(),
                r.history(),
                r.agents(),
                r.histograms());
    }
}
