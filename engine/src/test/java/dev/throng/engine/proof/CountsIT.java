package dev.throng.engine.proof;

import static dev.throng.engine.proof.ProofRuns.chain;
import static dev.throng.engine.proof.ProofRuns.project;
import static dev.throng.engine.proof.ProofRuns.row;
import static dev.throng.engine.proof.ProofRuns.runToEnd;
import static dev.throng.engine.proof.ProofRuns.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.Body;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.Runs;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.stats.RowStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Throng counts is what the shop served, request for request: the total, every route, and the failures, in the
 * closed and the open model. The shop counts a request just before it answers, so after a run that ended gracefully
 * (every request answered) both sides must agree exactly.
 */
@Timeout(90)
class CountsIT {
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

    /** The reported row (by label) and the shop's route that serves it. */
    private static final Map<String, String> ROUTES = routes();

    private static Map<String, String> routes() {
        var m = new LinkedHashMap<String, String>();
        m.put("GET /", "GET /");
        m.put("GET /products", "GET /products");
        m.put("GET /product/{id}", "GET /product/{id}");
        m.put("GET /api/v1/products", "GET /api/v1/products");
        m.put("GET /delay/{ms}", "GET /delay/{ms}");
        m.put("GET /slow", "GET /slow");
        m.put("GET /no/such/page", "GET (unmatched)");
        m.put("POST /login", "POST /login");
        return m;
    }

    private static Map<Step.Request, Double> mix() {
        var steps = new LinkedHashMap<Step.Request, Double>();
        steps.put(Step.Request.of("home", "GET", "/"), 2.0);
        steps.put(Step.Request.of("products", "GET", "/products"), 1.0);
        steps.put(
                Step.Request.of("product", "GET", "/product/${__randomInt(1,100)}")
                        .withName("/product/{id}"),
                3.0);
        steps.put(Step.Request.of("api", "GET", "/api/v1/products"), 1.0);
        steps.put(Step.Request.of("delay", "GET", "/delay/15").withName("/delay/{ms}"), 1.0);
        steps.put(
                Step.Request.of("slow", "GET", "/slow?delay_ms=5&error_rate=0.1")
                        .withName("/slow"),
                1.0);
        steps.put(Step.Request.of("missing", "GET", "/no/such/page"), 0.5);
        steps.put(
                Step.Request.of("login", "POST", "/login")
                        .withBody(new Body.Form(
                                List.of(new Header("username", "nobody"), new Header("password", "wrong")))),
                0.5);
        return steps;
    }

    @Test
    void aClosedRunOverEightRoutesReportsExactlyWhatTheShopServed() throws Exception {
        var profile = UserProfile.of("mix", 1, "mix").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(10)));
        var plan = new LoadPlan.Closed(10, 100, List.of(), Duration.ofSeconds(3), Duration.ofSeconds(10));

        RunResult result = runToEnd(project(shop.baseUri(), plan, profile, weighted("mix", mix())), dir);

        assertThat(result.reason()).isEqualTo(new StopReason.Completed());
        assertThat(result.finalStats().cumulative().stream().map(RowStats::label))
                .containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        assertSameCounts(result);
        assertThat(result.finalStats().cumulativeTotal().requests()).isGreaterThan(300);

        // failures: /slow fails exactly floor(N * 0.1) of its N requests; the 404s and 401s always fail
        RowStats slow = row(result, "GET /slow");
        assertThat(slow.failures()).isEqualTo(slow.requests() / 10);
        assertThat(row(result, "GET /no/such/page").failures())
                .isEqualTo(row(result, "GET /no/such/page").requests());
        assertThat(row(result, "POST /login").failures())
                .isEqualTo(row(result, "POST /login").requests());
        for (String ok : List.of("GET /", "GET /products", "GET /product/{id}", "GET /api/v1/products")) {
            assertThat(row(result, ok).failures()).as(ok).isZero();
        }
        assertThat(result.finalStats().cumulativeTotal().failures())
                .isEqualTo(slow.failures()
                        + row(result, "GET /no/such/page").requests()
                        + row(result, "POST /login").requests());
    }

    @Test
    void anOpenRunMakesEveryPlannedArrivalFinishItsJourneyAndReportsExactlyWhatTheShopServed() throws Exception {
        // 40 arrivals/s for 3 s: 120 arrivals, each one iteration of a three-request journey of about 130 ms, so
        // the last few arrivals are still on their way when the plan ends: a graceful end lets them finish
        var journey = chain(
                "journey",
                Step.Request.of("home", "GET", "/"),
                Step.Request.of("product", "GET", "/delay/100").withName("/delay/{ms}"),
                Step.Request.of("slow", "GET", "/slow?delay_ms=20&error_rate=0.25")
                        .withName("/slow"));
        var plan = new LoadPlan.Open(40, List.of(), 500, Duration.ofSeconds(3), Duration.ofSeconds(10));
        var project = project(shop.baseUri(), plan, UserProfile.of("visitor", 1, "journey"), journey);

        RunResult result;
        long dropped;
        try (RunHandle run = Runs.startLocal(project, ProofRuns.options(dir))) {
            result = ProofRuns.awaitEnd(run);
            dropped = run.snapshot().dropped();
        }

        assertThat(result.reason()).isEqualTo(new StopReason.Completed());
        assertThat(dropped).as("dropped arrivals").isZero();
        assertSameCounts(result);
        assertThat(row(result, "GET /").requests()).isEqualTo(120);
        assertThat(row(result, "GET /delay/{ms}").requests()).isEqualTo(120);
        assertThat(row(result, "GET /slow").requests()).isEqualTo(120);
        assertThat(row(result, "GET /slow").failures()).isEqualTo(30);
        assertThat(result.finalStats().cumulativeTotal().requests()).isEqualTo(360);
        assertThat(result.finalStats().cumulativeTotal().failures()).isEqualTo(30);
    }

    /** Every reported row equals the shop's count of its route, and the totals agree. */
    private void assertSameCounts(RunResult result) {
        var counters = shop.counters();
        for (RowStats r : result.finalStats().cumulative()) {
            String route = ROUTES.get(r.label());
            assertThat(route).as("a route for the row '%s'", r.label()).isNotNull();
            assertThat(r.requests())
                    .as("%s reported vs served (%s)", r.label(), counters.routes())
                    .isPositive()
                    .isEqualTo(counters.count(route));
        }
        assertThat(result.finalStats().cumulativeTotal().requests())
                .as("total reported vs served (%s)", counters.routes())
                .isEqualTo(counters.total());
    }
}
