package dev.throng.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.io.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample project runs briefly against the demo shop, and what it reports is what the shop served. */
class SamplesRunIT {
    private static DemoShop shop;

    @BeforeAll
    static void startShop() throws IOException {
        shop = DemoShop.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("samples")) && Files.exists(dir.resolve("engine"))) {
                return dir.resolve("samples");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no samples directory above " + Path.of("").toAbsolutePath());
    }

    static List<Path> projects() throws IOException {
        try (Stream<Path> files = Files.list(samples())) {
            return files.filter(p -> p.getFileName().toString().endsWith(ProjectFiles.EXTENSION))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("projects")
    void runsBriefly(Path file) throws Exception {
        var read = ProjectFiles.read(file);
        assertThat(read.project()).as("%s: %s", file, read.problems()).isNotNull();
        shop.counters().reset();
        // a capacity search sets its users itself (--users is refused): only its length is cut
        boolean search = read.project().loadPlan() instanceof LoadPlan.Capacity;
        var overrides = new Overrides(
                search ? null : 4,
                search ? null : 20.0,
                Duration.ofSeconds(2),
                shop.baseUri().toString());
        var options = RunOptions.of(file.getParent()).withSeed(1).withEnvironment(Map.of());
        try (var run = Runs.startLocal(read.project(), options, overrides)) {
            var result = run.await(Duration.ofSeconds(30));
            assertThat(result).isNotNull();
            assertThat(result.reason()).isEqualTo(new StopReason.Completed());
            long requests = result.finalStats().cumulativeTotal().requests();
            assertThat(requests).as("%s made requests", file.getFileName()).isPositive();
            assertThat(requests).isEqualTo(shop.counters().total());
        }
    }
}
