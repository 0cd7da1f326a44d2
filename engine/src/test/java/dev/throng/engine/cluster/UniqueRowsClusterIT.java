package dev.throng.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of a unique data source across agents in this process (the controller's path without sockets), against a
 * loopback server that notes each row it is sent: no row is used twice, also when agents leave, are cut off or join
 * late.
 */
@Timeout(90)
class UniqueRowsClusterIT {
    private static final int ROWS = 900;

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            seen.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger())
                    .incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        var rows = new StringBuilder("code\n");
        for (int i = 0; i < ROWS; i++) {
            rows.append("c").append(i).append('\n');
        }
        Files.writeString(dir.resolve("codes.csv"), rows);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Project project() {
        var source =
                new DataSource("codes", "codes.csv", ',', DataSource.Policy.UNIQUE, DataSource.Exhausted.STOP_USER);
        var use = Step.Request.of("use", "GET", "/code/${code}");
        var main = new Flow(
                "main", "main", List.of(use), List.of(Edge.of(Flow.START, "use", 1), Edge.of("use", Flow.END, 1)));
        var profile = UserProfile.of("p", 1, "main")
                .withThinkTime(new ThinkTime.Constant(Duration.ofMillis(50)))
                .withData(List.of(new DataBinding("codes", DataBinding.When.EACH_ITERATION)));
        return Project.empty("rows")
                .withSettings(Settings.defaults()
                        .withBaseUrls(List.of(
                                "http://127.0.0.1:" + server.getAddress().getPort())))
                .withProfiles(List.of(profile))
                .withFlows(List.of(main))
                .withDataSources(List.of(source))
                .withLoadPlan(new LoadPlan.Closed(6, 100, List.of(), Duration.ofSeconds(30), Duration.ofSeconds(2)));
    }

    private InProcessRun start(int agents) throws InterruptedException {
        return Controller.startInProcess(
                project(), RunOptions.of(dir).withSeed(11), Overrides.NONE, agents, dir.resolve("work"), log::add);
    }

    @Test
    void anAgentThatLeavesHandsItsUnusedRowsOnAndNoRowIsUsedTwice() throws Exception {
        try (InProcessRun run = start(3)) {
            await(run, s -> s.users() == 6 && seen.size() >= 60, "6 users and some rows used");
            run.leave("local-2");
            await(run, s -> s.agents().stream().anyMatch(a -> a.lostAtMillis() != null), "local-2 gone");
            run.join("late-1");
            await(run, s -> s.agents().stream().anyMatch(a -> a.id().equals("late-1")), "late-1 joined");
            // every row used: those of local-2 it had not used by its leaving were handed to the others
            await(run, s -> seen.size() == ROWS, "every row used");
            run.stop(true);
            RunResult result = run.await(Duration.ofSeconds(30));
            assertThat(result).as(String.join("\n", log)).isNotNull();
            assertThat(seen.values()).as("rows used twice").allMatch(n -> n.get() == 1);
            assertThat(result.finalStats().cumulativeTotal().requests()).isEqualTo(ROWS);
            assertThat(String.join("\n", log)).contains("unique rows agent local-2 did not use go to the others");
        }
    }

    @Test
    void theRowsOfAnAgentCutOffAreNotHandedOnAndTheRunSaysSo() throws Exception {
        try (InProcessRun run = start(2)) {
            await(run, s -> s.users() == 6 && seen.size() >= 60, "6 users and some rows used");
            run.disconnect("local-1");
            RunSnapshot warned = await(
                    run,
                    s -> s.warnings().stream().anyMatch(w -> w.contains("are not handed on")),
                    "a warning about local-1's rows");
            assertThat(warned.warnings())
                    .anySatisfy(w -> assertThat(w).contains("agent local-1 was lost before it said"));
            // the survivor runs out of its own rows; no row of the cut agent's share is used twice
            await(run, s -> s.users() == 0, "the survivor's users out of rows");
            run.stop(true);
            assertThat(run.await(Duration.ofSeconds(30))).isNotNull();
            assertThat(seen.values()).as("rows used twice").allMatch(n -> n.get() == 1);
            assertThat(seen.size()).isLessThan(ROWS);
        }
    }

    private RunSnapshot await(InProcessRun run, Predicate<RunSnapshot> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            RunSnapshot s = run.snapshot();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no snapshot with " + what + "; last " + run.snapshot() + ", " + seen.size()
                + " rows used\n" + String.join("\n", log));
    }
}
