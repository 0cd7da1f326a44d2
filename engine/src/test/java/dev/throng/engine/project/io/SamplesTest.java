package dev.throng.engine.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sample project reads and validates without a problem, and is stored in canonical form. */
class SamplesTest {

    @TempDir
    Path dir;

    @Test
    void theFourSamplesExist() {
        assertThat(Samples.projects().stream().map(p -> p.getFileName().toString()))
                .contains("shop.throng.json", "api-smoke.throng.json", "open-model.throng.json", "journey.throng.json");
    }

    @Test
    void everySampleReadsWithoutErrorsOrWarningsAndIsCanonical() throws IOException {
        Samples.copyTo(dir);
        for (Path sample : Samples.projects()) {
            ReadResult r = ProjectFiles.read(dir.resolve(sample.getFileName()));
            assertThat(r.problems()).as(sample.toString()).isEmpty();
            assertThat(ProjectFiles.write(r.project()))
                    .as("%s is stored as the writer writes it", sample)
                    .isEqualTo(Files.readString(sample));
        }
    }

    @Test
    void theShopSampleHasWhatItPromises() throws IOException {
        Samples.copyTo(dir);
        Project shop = ProjectFiles.read(dir.resolve("shop.throng.json")).project();
        assertThat(shop.profiles())
                .extracting(p -> p.name() + ":" + p.weight())
                .containsExactly("web:3.0", "mobile:1.0");
        var web = shop.profile("web").orElseThrow();
        assertThat(web.startProbability()).isEqualTo(0.3);
        assertThat(shop.dataSource("accounts").orElseThrow().path()).isEqualTo("data/accounts.csv");
        assertThat(shop.loadPlan()).isInstanceOfSatisfying(LoadPlan.Closed.class, c -> {
            assertThat(c.users()).isEqualTo(20);
            assertThat(c.spawnRate()).isEqualTo(10);
            assertThat(c.duration()).hasMinutes(1);
        });
        Flow browse = shop.flow("browse").orElseThrow();
        // dynamic product ids share one statistics row, named like the route
        assertThat(browse.step("product").orElseThrow())
                .isInstanceOfSatisfying(
                        Step.Request.class, r -> assertThat(r.displayName()).isEqualTo("/product/{id}"));
        assertThat(browse.edges().stream().filter(e -> e.condition() != null).toList())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.condition().variable()).isEqualTo("session"));
        assertThat(shop.thresholds()).isNotEmpty();
    }

    @Test
    void theOpenModelSampleRampsArrivals() throws IOException {
        Samples.copyTo(dir);
        Project open = ProjectFiles.read(dir.resolve("open-model.throng.json")).project();
        assertThat(open.loadPlan()).isInstanceOfSatisfying(LoadPlan.Open.class, o -> {
            assertThat(o.startRate()).isEqualTo(5);
            assertThat(o.stages()).extracting(LoadPlan.RateStage::target).containsExactly(20.0, 20.0, 0.0);
            assertThat(o.maxConcurrentUsers()).isPositive();
        });
        assertThat(List.of(open.thresholds().size())).containsExactly(2);
    }

    @Test
    void theCapacitySampleSearchesUsersAgainstItsThresholds() throws IOException {
        Samples.copyTo(dir);
        Project capacity =
                ProjectFiles.read(dir.resolve("capacity.throng.json")).project();
        assertThat(capacity.loadPlan()).isInstanceOfSatisfying(LoadPlan.Capacity.class, k -> {
            assertThat(k.model()).isEqualTo(LoadPlan.CapacityModel.USERS);
            assertThat(k.ladder()).startsWith(3.0, 6.0, 9.0);
            assertThat(k.duration())
                    .as("about a minute at most")
                    .isLessThanOrEqualTo(java.time.Duration.ofSeconds(100));
        });
        assertThat(capacity.thresholds()).extracting(t -> t.rule()).containsExactly("p95<50ms", "error_rate<1%");
    }
}
