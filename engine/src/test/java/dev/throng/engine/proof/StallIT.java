package dev.throng.engine.proof;

import static dev.throng.engine.proof.ProofRuns.atLeast;
import static dev.throng.engine.proof.ProofRuns.chain;
import static dev.throng.engine.proof.ProofRuns.histogram;
import static dev.throng.engine.proof.ProofRuns.project;
import static dev.throng.engine.proof.ProofRuns.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.Runs;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.time.Clock;
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
 * A server stall shows in the high percentiles with the weight it has for the users: every request that should have
 * started during the stall is reported late by the time it waited, not only the few that were in flight (no
 * coordinated omission).
 *
 * <p>The shop is stalled for {@link #STALL_MS} ms ({@code POST /_demo/pause}) in the middle of a 4 s run. A request
 * meant to start at time t inside the stall waits until the stall ends, so its latency is about (stall end − t): the
 * latencies of the requests of the stall spread evenly from 0 to 1000 ms. At a rate of R requests/s, about R × (1000 −
 * X) / 1000 requests have a latency of at least X ms. A closed model without correction, where each user waits for
 * its reply before sending the next request, reports only the requests its users had in flight as slow; the second
 * test shows that, and that the corrected percentiles of paced users recover the requests the stall kept them from
 * sending.
 *
 * <p>The lower bounds are the robust part (the stall is the shop's own time, and latency counts from the intended
 * start); the upper bounds only catch a stall reported bigger than it was, with room for a starved CPU.
 */
@Timeout(60)
class StallIT {
    static final long STALL_MS = 1000;
    static final int RATE = 50;
    /**
     * Allowed above the stall for the worst latencies, ms, and the time after it in which a late request may still
     * count. Releasing ~50 held requests at once takes a few ms on an idle machine; on the 2-core build machine at a
     * load average of 10 to 14 it took up to 220 ms, and once, with the machine held up for most of a second, 800 ms.
     * The upper bounds only catch a stall reported far bigger than it was (twice its length).
     */
    static final double SLACK_MS = 1000;

    private static final Clock CLOCK = Clock.system();

    @RegisterExtension
    static final WarmShop warm = new WarmShop();

    private DemoShop shop;

    @TempDir
    Path dir;

    @BeforeEach
    void shop() {
        shop = warm.get();
        shop.counters().reset();
    }

    private static Step.Request delay5() {
        return Step.Request.of("r", "GET", "/delay/5").withName("/delay/{ms}");
    }

    /** Runs {@code project}, stalls the shop 1.5 s after the start, and returns the result. */
    private RunResult runWithStall(Project project, long[] droppedOut) throws Exception {
        try (RunHandle run = Runs.startLocal(project, ProofRuns.options(dir))) {
            CLOCK.sleep(Duration.ofMillis(1500).toNanos());
            ProofRuns.pauseShop(shop, STALL_MS);
            RunResult result = ProofRuns.awaitEnd(run);
            droppedOut[0] = run.snapshot().dropped();
            return result;
        }
    }

    @Test
    void theOpenModelReportsEveryRequestTheStallDelayed() throws Exception {
        var plan = new LoadPlan.Open(RATE, List.of(), 1000, Duration.ofSeconds(4), Duration.ofSeconds(10));
        var project = project(shop.baseUri(), plan, UserProfile.of("p", 1, "main"), chain("main", delay5()));
        long[] dropped = new long[1];

        RunResult result = runWithStall(project, dropped);

        var r = row(result, "GET /delay/{ms}");
        LatencySummary l = r.latency();
        Histogram h = histogram(result, "GET /delay/{ms}");
        long over100 = atLeast(h, 100);
        long over500 = atLeast(h, 500);
        long over900 = atLeast(h, 900);
        System.out.printf(
                "open model, stall %d ms at %d/s: %d requests, p50 %.1f p95 %.1f p99 %.1f max %.1f ms;"
                        + " >=100 ms: %d, >=500 ms: %d, >=900 ms: %d%n",
                STALL_MS, RATE, r.requests(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs(), over100, over500, over900);
        result.history()
                .forEach(p -> System.out.printf(
                        "  at %d ms: %.1f req/s, p50 %.1f, p99 %.1f ms, %d users%n",
                        p.elapsedMillis(), p.rps(), p.p50Ms(), p.p99Ms(), p.users()));

        assertThat(dropped[0]).isZero();
        assertThat(r.requests()).isEqualTo(4L * RATE).isEqualTo(shop.counters().total());
        // the first request of the stall waited (almost) all of it; p99 is the third highest of 200
        assertThat(l.maxMs()).as("max, ms").isBetween(STALL_MS - 50.0, STALL_MS + SLACK_MS);
        assertThat(l.p99Ms()).as("p99, ms").isBetween(STALL_MS - 100.0, STALL_MS + SLACK_MS);
        // every request meant to start in the stall is late: R × 0.9 s of them by at least 100 ms, R × 0.5 s by
        // 500 ms, R × 0.1 s by 900 ms; at most the arrivals of the stall and the slack after it are
        long most = (long) (RATE * (STALL_MS + SLACK_MS) / 1000);
        assertThat(over100).as("requests of at least 100 ms").isBetween(RATE * 8L / 10, most);
        assertThat(over500).as("requests of at least 500 ms").isBetween(RATE / 2L - 2, most);
        assertThat(over900).as("requests of at least 900 ms").isBetween(RATE / 10L - 2, most);
        // the median is not the stall's: three quarters of the requests were due outside it
        assertThat(l.p50Ms()).as("p50, ms").isBetween(5.0, STALL_MS / 2.0);
        // and the second the stall fell in shows it in its interval percentiles
        assertThat(result.history().stream()
                        .mapToDouble(HistoryPoint::p99Ms)
                        .max()
                        .orElse(0))
                .as("highest interval p99, ms")
                .isGreaterThanOrEqualTo(500);
    }

    @Test
    void aPacedClosedModelShowsTheStallOnlyInItsCorrectedPercentiles() throws Exception {
        // 2 users paced at one request per 20 ms: 100 requests/s while the shop answers
        var profile = UserProfile.of("p", 1, "main").withThinkTime(new ThinkTime.Pacing(Duration.ofMillis(20)));
        var plan = new LoadPlan.Closed(2, 100, List.of(), Duration.ofSeconds(4), Duration.ofSeconds(10));
        var project = project(shop.baseUri(), plan, profile, chain("main", delay5()));

        RunResult result = runWithStall(project, new long[1]);

        var r = row(result, "GET /delay/{ms}");
        assertThat(r.requests()).isEqualTo(shop.counters().total()).isGreaterThan(200);
        Histogram h = histogram(result, "GET /delay/{ms}");
        LatencySummary raw = r.latency();
        LatencySummary corrected = r.corrected();
        System.out.printf(
                "paced closed model, stall %d ms: %d requests, raw p95 %.1f p99 %.1f max %.1f ms, >=500 ms: %d;"
                        + " corrected p95 %.1f p99 %.1f ms%n",
                STALL_MS,
                r.requests(),
                raw.p95Ms(),
                raw.p99Ms(),
                raw.maxMs(),
                atLeast(h, 500),
                corrected == null ? -1 : corrected.p95Ms(),
                corrected == null ? -1 : corrected.p99Ms());

        // what the users sent: each had one request in flight through the stall, and the rest is fast (less than
        // 1% of the requests are slow, so p99 is a fast one)
        assertThat(atLeast(h, 500)).as("sent requests of at least 500 ms").isGreaterThanOrEqualTo(2);
        assertThat(raw.maxMs()).isBetween(STALL_MS - 50.0, STALL_MS + SLACK_MS);
        assertThat(raw.p99Ms()).as("raw p99, ms").isLessThan(500);
        // what the users should have sent: the pacing says 50 requests per user were due during the stall
        assertThat(corrected).as("corrected percentiles of a paced user").isNotNull();
        assertThat(corrected.p99Ms()).as("corrected p99, ms").isBetween(STALL_MS - 150.0, STALL_MS + SLACK_MS);
        assertThat(corrected.p95Ms()).as("corrected p95, ms").isGreaterThanOrEqualTo(500);
    }
}
