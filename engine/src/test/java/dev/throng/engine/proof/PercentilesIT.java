package dev.throng.engine.proof;

import static dev.throng.engine.proof.ProofRuns.atLeast;
import static dev.throng.engine.proof.ProofRuns.chain;
import static dev.throng.engine.proof.ProofRuns.histogram;
import static dev.throng.engine.proof.ProofRuns.project;
import static dev.throng.engine.proof.ProofRuns.row;
import static dev.throng.engine.proof.ProofRuns.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunResult;
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
 * The reported percentiles sit where the shop's delays put them. {@code /mixed?fast_ms=20&slow_ms=200&slow_every=10}
 * makes exactly every tenth request (shop-wide) wait 200 ms and the others 20 ms, so the true median is 20 ms plus
 * the cost of a loopback round trip, and the true p95 and p99 are 200 ms plus that cost.
 *
 * <p>What is asserted, and why it holds on a loaded machine:
 *
 * <ul>
 *   <li>Lower bounds are exact: a response cannot come back before the shop's delay has passed (the client measures
 *       on the same monotonic clock the shop sleeps on), and a reported percentile is the highest value of its
 *       HdrHistogram bucket, never below the values in it. So p50 ≥ 20 ms and p95, p99 ≥ 200 ms, with no slack, and
 *       no request is under 20 ms.
 *   <li>p50 and p95 may be {@link #OVERHEAD_MS} above the delay: HdrHistogram's precision (3 significant digits: at
 *       most 0.13 ms at 200 ms) plus a loopback round trip and the scheduling of the client's and the shop's threads.
 *       Each is the median of its cluster (p95 is the middle of the slow tenth), so a busy machine moves it by
 *       milliseconds: measured on the 2-core build machine at a load average of 10 to 12, p50 was 22.3 to 23.7 ms and
 *       p95 201.9 to 204.5 ms.
 *   <li>p99 may be {@link #TAIL_OVERHEAD_MS} above: it is the 90th percentile of the slow requests, so it carries the
 *       tail of the scheduling delays; at the same load it was 207 to 266 ms. The bound still tells 200 ms from
 *       anything else a wrong computation would give (an average, a wrong unit, the fast delay).
 *   <li>The requests of at least 200 ms, counted in the saved histogram, are the shop's slow requests: every slow
 *       request counts (the lower bound is exact: floor(N/10) of N), and a 20 ms request counts too only when it was
 *       held up by 180 ms more. At a load average of 10 to 12 that happened to 0 to 3 requests in about 470, so one
 *       request plus 1% of N is allowed above.
 * </ul>
 */
@Timeout(60)
class PercentilesIT {
    /** Allowed above a server delay for p50 and p95, ms. */
    static final double OVERHEAD_MS = 15;

    /** Allowed above the slow delay for p99, ms. */
    static final double TAIL_OVERHEAD_MS = 100;

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
    void p50IsTheFastDelayAndP95AndP99TheSlowOneWithTheSlowShareExact() throws Exception {
        var mixed = Step.Request.of("mixed", "GET", "/mixed?fast_ms=20&slow_ms=200&slow_every=10")
                .withName("/mixed");
        // 5 users without think time: about 130 requests/s, some 500 requests in 4 s
        var plan = new LoadPlan.Closed(5, 100, List.of(), Duration.ofSeconds(4), Duration.ofSeconds(10));
        var project = project(shop.baseUri(), plan, UserProfile.of("p", 1, "main"), chain("main", mixed));
        shop.counters().reset();

        RunResult result = runToEnd(project, dir);

        long served = shop.counters().count("GET /mixed");
        var mixedRow = row(result, "GET /mixed");
        assertThat(mixedRow.requests()).isEqualTo(served).isGreaterThan(200);
        assertThat(mixedRow.failures()).isZero();
        LatencySummary l = mixedRow.latency();
        System.out.printf(
                "percentiles of %d requests: p50 %.3f, p90 %.3f, p95 %.3f, p99 %.3f, max %.3f ms%n",
                served, l.p50Ms(), l.p90Ms(), l.p95Ms(), l.p99Ms(), l.maxMs());

        assertThat(l.p50Ms()).as("p50, ms").isBetween(20.0, 20.0 + OVERHEAD_MS);
        assertThat(l.p95Ms()).as("p95, ms").isBetween(200.0, 200.0 + OVERHEAD_MS);
        assertThat(l.p99Ms()).as("p99, ms").isBetween(200.0, 200.0 + TAIL_OVERHEAD_MS);
        assertThat(l.maxMs()).as("max, ms").isGreaterThanOrEqualTo(200.0);

        Histogram h = histogram(result, "GET /mixed");
        assertThat(h.getTotalCount()).isEqualTo(served);
        long slow = served / 10; // the shop's exact slow count: every 10th of its sequence
        long measuredSlow = atLeast(h, 200);
        System.out.printf("requests >= 200 ms: %d of %d (the shop made %d slow)%n", measuredSlow, served, slow);
        assertThat(measuredSlow).as("requests of at least 200 ms").isBetween(slow, slow + 1 + served / 100);
        assertThat(h.getCountBetweenValues(0, 19_999))
                .as("requests under 20 ms")
                .isZero();
    }
}
