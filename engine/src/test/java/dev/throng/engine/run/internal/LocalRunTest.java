package dev.throng.engine.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.time.FakeClock;
import dev.throng.engine.user.Transport;
import dev.throng.engine.user.UserEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler driven by hand with a fake clock: users are added and retired as the schedule says, arrivals beyond
 * the concurrency limit are dropped. The users' transports block until the test ends, so no request ever completes
 * and no socket is opened.
 */
class LocalRunTest {
    private final FakeClock clock = new FakeClock();
    private final CountDownLatch release = new CountDownLatch(1);
    private LocalRun run;

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        if (run != null) {
            run.killByHand();
        }
    }

    private Transport blocking() {
        return new Transport() {
            @Override
            public Reply send(Outgoing request) throws InterruptedException {
                release.await();
                return Reply.failure("cancelled", "test over");
            }

            @Override
            public Optional<String> cookie(String name) {
                return Optional.empty();
            }

            @Override
            public void close() {}
        };
    }

    private LocalRun start(LoadPlan plan, UserProfile... profiles) {
        var flows = Arrays.stream(profiles)
                .map(p -> new Flow(
                        p.mainFlow(),
                        p.mainFlow(),
                        List.of(Step.Request.of("r", "GET", "/" + p.mainFlow())),
                        List.of(Edge.of(Flow.START, "r", 1))))
                .distinct()
                .toList();
        var project = Project.empty("unit")
                .withSettings(Settings.defaults().withBaseUrls(List.of("http://target.invalid")))
                .withProfiles(List.of(profiles))
                .withFlows(flows)
                .withLoadPlan(plan);
        var stats = new StatsCollector(clock);
        var env = UserEnvironment.prepare(
                project,
                new UserEnvironment.Config(
                        Path.of("."), Map.of(), null, clock, new CollectorSink(stats), Map.of(), 0, m -> {}));
        run = new LocalRun(
                project,
                env,
                this::blocking,
                () -> {},
                stats,
                clock,
                7,
                plan.duration().toNanos(),
                List.of());
        run.beginByHand();
        return run;
    }

    private static int total(int[] counts) {
        return Arrays.stream(counts).sum();
    }

    @Test
    void closedUsersFollowTheRampAndLiveTargets() {
        var run = start(
                new LoadPlan.Closed(10, 2, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(5)),
                UserProfile.of("p", 1, "main"));
        assertThat(run.step()).isNull();
        assertThat(total(run.activeUsersPerProfile())).isEqualTo(1);
        clock.advanceMillis(1000);
        run.step();
        assertThat(total(run.activeUsersPerProfile())).isEqualTo(3);
        clock.advanceMillis(3500);
        run.step();
        assertThat(total(run.activeUsersPerProfile())).isEqualTo(10);

        run.setTargetUsers(4);
        run.step();
        assertThat(total(run.activeUsersPerProfile())).isEqualTo(9);
        clock.advanceMillis(2500);
        run.step();
        assertThat(total(run.activeUsersPerProfile())).isEqualTo(4);

        run.setSpawnRate(1000);
        run.setTargetUsers(12);
        run.step(); // live changes apply when the scheduler takes them, here and now: one user at once
        assertThat(total(run.activeUsersPerProfile())).isEqualTo(5);
        clock.advanceMillis(20);
        run.step();
        assertThat(total(run.activeUsersPerProfile())).isEqualTo(12);
    }

    @Test
    void newWeightsMoveUsersBetweenProfiles() {
        var run = start(
                new LoadPlan.Closed(8, 100, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(5)),
                UserProfile.of("a", 1, "fa"),
                UserProfile.of("b", 1, "fb"));
        run.step();
        clock.advanceMillis(100);
        run.step();
        assertThat(run.activeUsersPerProfile()).containsExactly(4, 4);
        run.setProfileWeights(Map.of("a", 3.0));
        run.step();
        assertThat(run.activeUsersPerProfile()).containsExactly(6, 2);
        run.setTargetUsers(12);
        run.step();
        clock.advanceMillis(100);
        run.step();
        assertThat(run.activeUsersPerProfile()).containsExactly(9, 3);
    }

    @Test
    void arrivalsBeyondTheConcurrencyLimitAreDropped() {
        var run = start(
                new LoadPlan.Open(10, List.of(), 3, Duration.ofSeconds(10), Duration.ofSeconds(5)),
                UserProfile.of("p", 1, "main"));
        run.step();
        assertThat(run.droppedArrivals()).isZero();
        clock.advanceMillis(1000);
        run.step(); // arrivals 1..10 are due (at 0.1 s .. 1.0 s): two start, eight are dropped
        assertThat(run.droppedArrivals()).isEqualTo(8);
        clock.advanceMillis(1000);
        run.step();
        assertThat(run.droppedArrivals()).isEqualTo(18);
        run.setArrivalRate(2);
        run.step(); // the new rate's first arrival is due 0.5 s after the change
        assertThat(run.droppedArrivals()).isEqualTo(18);
        clock.advanceMillis(1000);
        run.step();
        assertThat(run.droppedArrivals()).isEqualTo(20);
    }

    @Test
    void theRunEndsWithThePlan() {
        var run = start(
                new LoadPlan.Closed(1, 1, List.of(), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                UserProfile.of("p", 1, "main"));
        assertThat(run.step()).isNull();
        clock.advanceMillis(2000);
        assertThat(run.step())
                .isNotNull()
                .satisfies(s -> assertThat(s.graceful()).isTrue());
    }
}
