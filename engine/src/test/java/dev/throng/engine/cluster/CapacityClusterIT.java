package dev.throng.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.run.CapacityProjects;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capacity search across two agents in this process: the controller moves the users of both, judges each step on
 * the merged statistics, and ends the run when the search is done.
 */
class CapacityClusterIT {
    private static final int K = 16;
    private static final long T = 250;

    @TempDir
    Path dir;

    private DemoShop shop;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        shop = DemoShop.start(DemoShop.Options.defaults().withCapacity(K, T));
        CapacityProjects.warmUp(shop.baseUri().toString());
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    /**
     * As in the local test ({@code CapacitySearchIT}), the objective {@code avg<1.5T} holds below 3K = 48 users.
     * Steps of 20 users without narrowing: 20 and 40 pass (about 310 ms), 60 breaks (about 470 ms), so the answer is
     * 40; the users are split 10 and 10, then 20 and 20, then 30 and 30 over the two agents.
     */
    @Test
    void theControllerSearchesOnTheMergedFigures() throws Exception {
        var project = CapacityProjects.of(shop.baseUri().toString(), """
                {"type": "capacity", "start": 20, "step": 20, "hold": "3s", "upperBound": 100, "refinements": 0,
                 "spawnRate": 200, "gracefulStop": "1s"}""", "avg<" + 3 * T / 2 + "ms");
        RunResult result;
        int mostUsersSeen = 0;
        try (InProcessRun run = Controller.startInProcess(
                project,
                RunOptions.of(dir).withSeed(5).withEnvironment(Map.of()),
                Overrides.NONE,
                2,
                dir.resolve("work"),
                log::add)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (run.await(Duration.ofMillis(200)) == null && System.nanoTime() - deadline < 0) {
                mostUsersSeen = Math.max(mostUsersSeen, run.snapshot().users());
            }
            result = run.await(Duration.ofSeconds(10));
        }
        assertThat(result).as(String.join("\n", log)).isNotNull();
        CapacityReport report = result.capacity();
        assertThat(report).as(String.join("\n", log)).isNotNull();
        assertThat(result.reason()).isEqualTo(new StopReason.Completed());
        assertThat(report.finished()).as("%s", report).isTrue();
        assertThat(report.steps()).extracting(CapacityStep::load).containsExactly(20.0, 40.0, 60.0);
        assertThat(report.steps()).extracting(CapacityStep::passed).containsExactly(true, true, false);
        assertThat(report.maxLoad()).isEqualTo(40.0);
        assertThat(report.brokenRule()).isEqualTo("avg<375ms");
        assertThat(report.firstDegradedNames()).as("%s", report).first().isEqualTo("GET /capacity");
        assertThat(mostUsersSeen).as("the agents ran the search's users").isGreaterThanOrEqualTo(50);
        assertThat(result.agents())
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.rps()).isPositive());
        assertThat(result.passed()).isTrue();
    }
}
