package dev.throng.app.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitSharesTest {

    private static Flow flow(List<String> steps, Edge... edges) {
        return new Flow(
                "f",
                "f",
                steps.stream()
                        .map(s -> (Step) Step.Request.of(s, "GET", "/" + s))
                        .toList(),
                Arrays.asList(edges));
    }

    @Test
    void locustStyleTasksShareByWeight() {
        Flow f = flow(List.of("a", "b"), Edge.of(Flow.START, "a", 3), Edge.of(Flow.START, "b", 1));
        var shares = VisitShares.shares(f);
        assertThat(shares.get("a")).isCloseTo(0.75, within(1e-9));
        assertThat(shares.get("b")).isCloseTo(0.25, within(1e-9));
        assertThat(VisitShares.visitsPerIteration(f).get("a")).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void aChainVisitsEveryStepOnce() {
        Flow f = flow(
                List.of("a", "b", "c"),
                Edge.of(Flow.START, "a", 1),
                Edge.of("a", "b", 1),
                Edge.of("b", "c", 1),
                Edge.of("c", Flow.END, 1));
        var shares = VisitShares.shares(f);
        assertThat(shares.values()).allSatisfy(v -> assertThat(v).isCloseTo(1.0 / 3, within(1e-9)));
    }

    @Test
    void aJourneyWithBranchesAndALoop() {
        // home -> product 70%, cart 20%, end 10%; product -> home 50%, cart 50%; cart -> end.
        // Per iteration: h = 1 + 0.5 p, p = 0.7 h  => h = 1/0.65, p = 0.7/0.65, c = 0.2 h + 0.5 p = 0.55/0.65.
        Flow f = flow(
                List.of("home", "product", "cart"),
                Edge.of(Flow.START, "home", 1),
                Edge.of("home", "product", 70),
                Edge.of("home", "cart", 20),
                Edge.of("home", Flow.END, 10),
                Edge.of("product", "home", 1),
                Edge.of("product", "cart", 1),
                Edge.of("cart", Flow.START, 1));
        var visits = VisitShares.visitsPerIteration(f);
        assertThat(visits.get("home")).isCloseTo(1 / 0.65, within(1e-9));
        assertThat(visits.get("product")).isCloseTo(0.7 / 0.65, within(1e-9));
        assertThat(visits.get("cart")).isCloseTo(0.55 / 0.65, within(1e-9));
        double total = (1 + 0.7 + 0.55) / 0.65;
        assertThat(VisitShares.shares(f).get("cart")).isCloseTo(0.55 / 0.65 / total, within(1e-9));
    }

    @Test
    void unreachableStepsGetNothingAndProbabilitiesAreWeightOverSum() {
        Flow f = flow(
                List.of("a", "lonely"), Edge.of(Flow.START, "a", 2), Edge.of("a", Flow.END, 1), Edge.of("a", "a", 3));
        assertThat(VisitShares.shares(f).get("lonely")).isZero();
        assertThat(VisitShares.shares(f).get("a")).isCloseTo(1, within(1e-9));
        assertThat(VisitShares.visitsPerIteration(f).get("a")).isCloseTo(4, within(1e-9));
        assertThat(VisitShares.probability(f, f.edges().get(2))).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void nothingFromStartMeansNoVisits() {
        Flow f = flow(List.of("a"));
        assertThat(VisitShares.shares(f).get("a")).isZero();
    }
}
