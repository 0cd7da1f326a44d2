package dev.throng.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.io.ProjectFiles;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller driving agents in this process (the same path as remote agents, without sockets), against the demo
 * shop: merged figures equal what the shop served; a cut agent's users go to the others.
 */
class InProcessClusterIT {
    @TempDir
    Path dir;

    private DemoShop shop;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        shop = DemoShop.start("127.0.0.1", 0);
        Path samples = samples();
        Files.createDirectories(dir.resolve("project/data"));
        Files.copy(samples.resolve("shop.throng.json"), dir.resolve("project/shop.throng.json"));
        Files.copy(samples.resolve("data/accounts.csv"), dir.resolve("project/data/accounts.csv"));
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void mergedFiguresEqualWhatTheShopServedAndCutAgentsUsersMove() throws Exception {
        Path project = dir.resolve("project/shop.throng.json");
        var overrides =
                new Overrides(6, 12.0, Duration.ofSeconds(60), shop.baseUri().toString());
        try (InProcessRun run = Controller.startInProcess(
                ProjectFiles.read(project).project(),
                RunOptions.of(project.getParent()).withSeed(3),
                overrides,
                3,
                dir.resolve("work"),
                log::add)) {
            assertThat(run.agentIds()).containsExactly("local-1", "local-2", "local-3");
            await(run, s -> s.users() == 6, "6 users");
            run.setTargetUsers(9);
            await(
                    run,
                    s -> s.users() == 9 && s.agents().stream().allMatch(a -> a.users() == 3),
                    "9 users, 3 on each agent");
            run.disconnect("local-2");
            RunSnapshot moved = await(
                    run,
                    s -> s.agents().stream().anyMatch(a -> a.lostAtMillis() != null)
                            && s.agents().stream()
                                            .filter(a -> a.lostAtMillis() == null)
                                            .mapToInt(AgentStatus::users)
                                            .sum()
                                    == 9,
                    "9 users on the two others");
            assertThat(moved.agents()).filteredOn(a -> a.lostAtMillis() == null).hasSize(2);
            run.stop(true);
            RunResult result = run.await(Duration.ofSeconds(30));
            assertThat(result).as(String.join("\n", log)).isNotNull();
            assertThat(result.reason()).isEqualTo(new StopReason.StoppedByUser());
            long reported = result.finalStats().cumulativeTotal().requests();
            long served = shop.counters().total();
            // The cut agent stops at once: its requests in flight and since its last interval are served, unreported.
            assertThat(reported).isPositive().isLessThanOrEqualTo(served);
            assertThat(served - reported).isLessThanOrEqualTo(15);
            assertThat(result.agents())
                    .filteredOn(a -> a.id().equals("local-2"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.state()).isEqualTo("lost"));
        }
    }

    @Test
    void afterARebalanceTheAgentsLeftFollowTheStagesOfTheWholeRun() throws Exception {
        Path file = dir.resolve("project/shop.throng.json");
        // 0 -> 6 users over 2 s, 6 for 2 s, 6 -> 18 over 3 s, 18 for 5 s: a survivor holding its target stays at 6
        var plan = new LoadPlan.Closed(
                18,
                1,
                List.of(
                        new LoadPlan.Stage(Duration.ofSeconds(2), 6, null),
                        new LoadPlan.Stage(Duration.ofSeconds(2), 6, null),
                        new LoadPlan.Stage(Duration.ofSeconds(3), 18, null),
                        new LoadPlan.Stage(Duration.ofSeconds(5), 18, null)),
                Duration.ofSeconds(12),
                Duration.ofSeconds(2));
        var project = ProjectFiles.read(file).project().withLoadPlan(plan);
        var overrides = new Overrides(null, null, null, shop.baseUri().toString());
        try (InProcessRun run = Controller.startInProcess(
                project, RunOptions.of(file.getParent()).withSeed(5), overrides, 3, dir.resolve("work"), log::add)) {
            await(run, s -> s.users() == 6, "6 users");
            run.disconnect("local-3");
            RunSnapshot grown = await(
                    run,
                    s -> s.agents().stream()
                                    .filter(a -> a.lostAtMillis() == null)
                                    .mapToInt(AgentStatus::users)
                                    .sum()
                            >= 15,
                    "the two agents left growing past 15 users along the stages");
            assertThat(grown.targetUsers()).isGreaterThanOrEqualTo(14);
            RunResult result = run.await(Duration.ofSeconds(30));
            assertThat(result).as(String.join("\n", log)).isNotNull();
            assertThat(result.reason()).isEqualTo(new StopReason.Completed());
        }
    }

    private static Path samples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("samples")) && Files.exists(d.resolve("engine"))) {
                return d.resolve("samples");
            }
        }
        throw new IllegalStateException(
                "no samples directory above " + Path.of("").toAbsolutePath());
    }

    private RunSnapshot await(InProcessRun run, Predicate<RunSnapshot> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() - deadline < 0) {
            RunSnapshot s = run.snapshot();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "no snapshot with " + what + "; last " + run.snapshot() + "\n" + String.join("\n", log));
    }
}
