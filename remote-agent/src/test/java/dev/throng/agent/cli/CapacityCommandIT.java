package dev.throng.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.run.CapacityProjects;
import dev.throng.engine.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code throng run} of a capacity search against the demo shop: a line per judged step, the answer, exit 0. */
class CapacityCommandIT extends CliTest {
    @TempDir
    Path dir;

    private DemoShop shop;
    private Path project;

    /**
     * The shop's {@code /capacity} serves 4 requests at once for 50 ms each; every iteration of the engine's capacity
     * test project ({@link CapacityProjects}) is one {@code /capacity} and one cheap request. With N users the average
     * over all requests is about N·50/(2·4) ms (see the engine's {@code CapacitySearchIT}), so {@code avg<100ms} holds
     * below 16 users: steps 4 and 12 pass, 20 breaks.
     */
    @BeforeEach
    void start() throws Exception {
        shop = DemoShop.start(DemoShop.Options.defaults().withCapacity(4, 50));
        project = dir.resolve("capacity.throng.json");
        Files.writeString(project, CapacityProjects.json(shop.baseUri().toString(), """
                {"type": "capacity", "start": 4, "step": 8, "hold": "2s", "upperBound": 40,
                 "refinements": 0, "spawnRate": 100, "gracefulStop": "1s"}""", "avg<100ms"));
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void printsEachStepAndTheAnswerAndPasses() throws Exception {
        Path json = dir.resolve("out.json");
        int code = execute("run", project.toString(), "--json", json.toString(), "--no-history");

        String text = out.toString();
        assertThat(code).as(text + "\n" + err).isZero();
        assertThat(text)
                .containsPattern("step 1: 4 users \\| [0-9.]+ req/s \\| p95 [0-9.]+ ms \\| errors 0\\.00% \\| PASS")
                .contains("step 2: 12 users")
                .containsPattern("step 3: 20 users .*\\| FAIL avg<100ms")
                .contains("Capacity: carries 12 users (")
                .contains("avg<100ms broke first at 20 users; first degraded: GET /capacity")
                .contains("Result: PASSED");
        assertThat(text.indexOf("step 1:")).isLessThan(text.indexOf("step 2:"));
        RunResult result = ResultsJson.read(json);
        assertThat(result.capacity().maxLoad()).isEqualTo(12.0);
        assertThat(result.capacity().steps()).hasSize(3);
    }

    @Test
    void usersAreRefusedForACapacitySearch() {
        int code = execute("run", project.toString(), "--users", "10", "--no-history");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--users does not apply to a capacity search");
    }
}
