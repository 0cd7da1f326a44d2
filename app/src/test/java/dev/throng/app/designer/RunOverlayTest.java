package dev.throng.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.designer.RunOverlay.Level;
import dev.throng.app.designer.RunOverlay.Measure;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.report.SampleResults;
import dev.throng.engine.stats.StatsSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOverlayTest {
    /** The sample run's rows: GET / (5-6 ms), GET /product/{id} (slowed), POST /cart (20 ms, 1 in 25 fails). */
    private static final Flow FLOW = new Flow(
            "browse",
            "Browse",
            List.of(
                    Step.Request.of("home", "GET", "/"),
                    Step.Request.of("product", "GET", "/product/{id}"),
                    Step.Request.of("cart", "POST", "/cart"),
                    Step.Request.of("cart-get", "GET", "/cart"),
                    Step.Request.of("search", "GET", SampleResults.NASTY)),
            List.of(
                    Edge.of(Flow.START, "home", 1),
                    Edge.of("home", "product", 1),
                    Edge.of("product", "cart", 1),
                    Edge.of("product", "search", 1)));

    private static StatsSnapshot stats(double slowdown, int extraFailures) {
        return SampleResults.run(slowdown, extraFailures).finalStats();
    }

    @Test
    void withoutThresholdsTheSlowStepIsRedAgainstTheFlowsMedian() {
        RunOverlay o = RunOverlay.of(FLOW, List.of(), stats(5, 0), Measure.P95);

        assertThat(o.step("home").level()).isEqualTo(Level.GOOD);
        assertThat(o.step("product").level()).isEqualTo(Level.BAD);
        assertThat(o.step("product").p95Ms()).isGreaterThan(o.step("home").p95Ms() * 3);
        assertThat(o.step("product").text()).startsWith("p95 ").endsWith(" ms · 0.0% err");
        assertThat(o.legend()).contains("median");
    }

    @Test
    void rowsAreMatchedByDisplayNameAndMethod() {
        RunOverlay o = RunOverlay.of(FLOW, List.of(), stats(1, 0), Measure.P95);

        assertThat(o.step("cart")).isNotNull();
        assertThat(o.step("cart-get")).as("same name, other method: no row").isNull();
        assertThat(o.step("search"))
                .as("names with odd characters match as they are")
                .isNotNull();
        assertThat(o.size()).isEqualTo(4);
        var named = new Step.Request(
                "named",
                "Product page",
                "GET",
                "/product/{id}",
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                null);
        Flow renamed = new Flow("f", "f", List.of(named), List.of());
        assertThat(RunOverlay.of(renamed, List.of(), stats(1, 0), Measure.P95).step("named"))
                .as("an explicit name is the row's name, not the URL")
                .isNull();
    }

    @Test
    void thresholdsDecideTheColoursWhenThereAreAny() {
        List<Threshold> rules = List.of(Threshold.parse("p95<50ms"), Threshold.parse("name~/cart:p95<15ms"));

        RunOverlay o = RunOverlay.of(FLOW, rules, stats(5, 0), Measure.P95);

        assertThat(o.step("home").level()).isEqualTo(Level.GOOD);
        assertThat(o.step("product").level()).as("about 100 ms against 50 ms").isEqualTo(Level.BAD);
        assertThat(o.step("cart").level()).as("20 ms against its own 15 ms").isEqualTo(Level.BAD);
        assertThat(o.legend()).contains("thresholds");
    }

    @Test
    void errorRatesAreColouredByThemselvesOrAgainstTheThreshold() {
        RunOverlay plain = RunOverlay.of(FLOW, List.of(), stats(1, 50), Measure.ERROR_RATE);
        assertThat(plain.step("product").level()).isEqualTo(Level.GOOD);
        assertThat(plain.step("cart").level()).as("4% failed").isEqualTo(Level.WARN);
        assertThat(plain.step("home").level()).as("5% failed").isEqualTo(Level.BAD);

        RunOverlay limited =
                RunOverlay.of(FLOW, List.of(Threshold.parse("error_rate<8%")), stats(1, 50), Measure.ERROR_RATE);
        assertThat(limited.step("home").level()).isEqualTo(Level.WARN);
        assertThat(limited.step("product").level()).isEqualTo(Level.GOOD);
    }

    @Test
    void arrowsAreAsThickAsTheTrafficOfTheStepTheyLeadTo() {
        RunOverlay o = RunOverlay.of(FLOW, List.of(), stats(1, 0), Measure.P95);

        assertThat(o.arrowWidth("product")).isEqualTo(RunOverlay.MAX_WIDTH);
        assertThat(o.arrowWidth("search")).isBetween(RunOverlay.MIN_WIDTH, o.arrowWidth("cart"));
        assertThat(o.arrowWidth("cart")).isLessThan(o.arrowWidth("product"));
        assertThat(o.arrowWidth(Flow.END)).isEqualTo(RunOverlay.MIN_WIDTH);
    }
}
