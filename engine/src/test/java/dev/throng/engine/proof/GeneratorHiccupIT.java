package dev.throng.engine.proof;

import static dev.throng.engine.proof.ProofRuns.atLeast;
import static dev.throng.engine.proof.ProofRuns.chain;
import static dev.throng.engine.proof.ProofRuns.histogram;
import static dev.throng.engine.proof.ProofRuns.project;
import static dev.throng.engine.proof.ProofRuns.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.Runs;
import dev.throng.engine.stats.LatencySummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coordinated omission on the client's side: when the load generator itself pauses (here its scheduler oversleeps
 * by {@link #HICCUP_MS} ms through an injected clock, as a GC pause would hold it), the requests due during the pause
 * are sent late, all at once, to a shop that answers them at once. Measured from when they were sent they look fast;
 * measured from when they were meant to start (the open model's rule) they are as late as the pause made them, which
 * is what their users would have seen. At R arrivals/s, about R × (1000 − X) / 1000 of them are at least X ms late.
 *
 * <p>This is the test that fails when latency is measured from the actual send instead of the intended start (tried:
 * the worst latency fell to 300 ms, the burst's own queueing, and no request was 500 ms late); the shop-stall test ({@link StallIT}) passes either way, because Throng
 * never makes an arrival wait for a free user (beyond the concurrency cap arrivals are dropped and counted).
 */
@Timeout(60)
class GeneratorHiccupIT {
    static final long HICCUP_MS = 1000;
    static final int RATE = 50;

    @RegisterExtension
    static final WarmShop warm = new WarmShop();

    private DemoShop shop;

    @TempDir
    Path dir;

    @BeforeEach
    void shop() {
        shop = warm.get();
    }

    @Test
    void requestsTheGeneratorSentLateAreReportedFromWhenTheyWereDue() throws Exception {
        var plan = new LoadPlan.Open(RATE, List.of(), 1000, Duration.ofSeconds(4), Duration.ofSeconds(10));
        var project = project(
                shop.baseUri(),
                plan,
                UserProfile.of("p", 1, "main"),
                chain("main", Step.Request.of("r", "GET", "/delay/5").withName("/delay/{ms}")));
        var clock = new HiccupClock(
                "throng-scheduler",
                Duration.ofMillis(1500).toNanos(),
                Duration.ofMillis(HICCUP_MS).toNanos());
        shop.counters().reset();

        RunResult result;
        long dropped;
        try (RunHandle run = Runs.startLocal(project, ProofRuns.options(dir).withClock(clock))) {
            result = ProofRuns.awaitEnd(run);
            dropped = run.snapshot().dropped();
        }

        assertThat(clock.happened())
                .as("the scheduler thread (throng-scheduler) paused")
                .isTrue();
        var r = row(result, "GET /delay/{ms}");
        LatencySummary l = r.latency();
        Histogram h = histogram(result, "GET /delay/{ms}");
        long over100 = atLeast(h, 100);
        long over500 = atLeast(h, 500);
        System.out.printf(
                "generator hiccup %d ms at %d/s: %d requests, p50 %.1f p95 %.1f p99 %.1f max %.1f ms;"
                        + " >=100 ms: %d, >=500 ms: %d%n",
                HICCUP_MS, RATE, r.requests(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs(), over100, over500);

        // nothing is lost: every arrival of the plan was sent (late or not) and served
        assertThat(dropped).isZero();
        assertThat(r.requests()).isEqualTo(4L * RATE).isEqualTo(shop.counters().total());
        // the arrivals due in the pause are late by up to the pause: R × 0.9 s by 100 ms or more, R × 0.5 s by 500
        assertThat(l.maxMs()).as("max, ms").isBetween(HICCUP_MS - 50.0, HICCUP_MS + StallIT.SLACK_MS);
        assertThat(l.p99Ms()).as("p99, ms").isGreaterThanOrEqualTo(HICCUP_MS - 100.0);
        long most = (long) (RATE * (HICCUP_MS + StallIT.SLACK_MS) / 1000);
        assertThat(over100).as("requests at least 100 ms late").isBetween(RATE * 8L / 10, most);
        assertThat(over500).as("requests at least 500 ms late").isBetween(RATE / 2L - 2, most);
        assertThat(l.p50Ms()).as("p50, ms").isBetween(5.0, HICCUP_MS / 2.0);
    }
}
