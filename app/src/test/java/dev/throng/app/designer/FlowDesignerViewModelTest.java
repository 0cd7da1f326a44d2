package dev.throng.app.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.throng.app.designer.FlowDesignerViewModel.Kind;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowDesignerViewModelTest {
    @TempDir
    Path dir;

    dev.throng.app.project.ProjectDocument doc;
    FlowDesignerViewModel vm;

    @BeforeEach
    void setUp() {
        doc = Fixtures.document(dir);
        vm = new FlowDesignerViewModel(doc);
        vm.showFlow("main");
    }

    private Flow flow() {
        return doc.project().flow("main").orElseThrow();
    }

    @Test
    void nodesIncludeStartAndEndAndArrowsCarryProbabilities() {
        assertThat(vm.nodes())
                .extracting(FlowDesignerViewModel.Node::kind)
                .containsExactly(Kind.START, Kind.REQUEST, Kind.REQUEST, Kind.END);
        assertThat(vm.nodes().getFirst().y()).isLessThan(vm.nodes().get(1).y());
        var homeToCart = vm.arrows().get(1);
        assertThat(homeToCart.probability()).isCloseTo(0.75, within(1e-12));
        var cart = vm.nodes().get(2);
        // home once per iteration, cart 0.75: share 0.75 / 1.75
        assertThat(cart.share()).isCloseTo(0.75 / 1.75, within(1e-9));
    }

    @Test
    void everyEditIsUndoable() {
        var original = doc.project();
        String id = vm.addStep(FlowEdits.NewStep.REQUEST, 300, 150);
        assertThat(id).isEqualTo("request1");
        assertThat(vm.selection()).containsExactly("request1");
        vm.connect("cart", id);
        vm.connect(id, Flow.END);
        assertThat(vm.setWeight(3, 2.5)).isNull();
        assertThat(vm.setWeight(3, -1)).contains("0 or more");
        assertThat(flow().edges().get(3)).isEqualTo(Edge.of("cart", "request1", 2.5));
        vm.moveBy(Set.of(id), 10, 20);
        assertThat(flow().step(id).orElseThrow().position().y()).isEqualTo(170);
        for (int i = 0; i < 5; i++) {
            doc.undo();
        }
        assertThat(doc.project()).isEqualTo(original);
        assertThat(doc.dirtyProperty().get()).isFalse();
        doc.redo();
        assertThat(flow().steps()).hasSize(3);
        assertThat(doc.dirtyProperty().get()).isTrue();
    }

    @Test
    void deleteRemovesStepsWithTheirArrows() {
        vm.select("cart", false);
        vm.deleteSelection();
        assertThat(flow().steps()).extracting(Step::id).containsExactly("home");
        assertThat(flow().edges()).containsExactly(Edge.of(Flow.START, "home", 1), Edge.of("home", Flow.END, 1));
        vm.selectArrow(1);
        vm.deleteSelection();
        assertThat(flow().edges()).containsExactly(Edge.of(Flow.START, "home", 1));
    }

    @Test
    void rubberBandAndShiftSelect() {
        vm.selectArea(0, 100, 400, 200, false);
        assertThat(vm.selection()).containsExactly("home");
        vm.select("cart", true);
        assertThat(vm.selection()).containsExactlyInAnyOrder("home", "cart");
        vm.select("home", true);
        assertThat(vm.selection()).containsExactly("cart");
    }

    @Test
    void copyPasteMakesFreshIdsAndKeepsInnerArrows() {
        vm.selectAll();
        assertThat(vm.copySelection()).isTrue();
        vm.paste();
        assertThat(flow().steps()).extracting(Step::id).containsExactly("home", "cart", "home1", "cart1");
        assertThat(flow().edges()).contains(Edge.of("home1", "cart1", 3));
        assertThat(vm.selection()).containsExactlyInAnyOrder("home1", "cart1");
        assertThat(flow().step("home1").orElseThrow().position().x()).isEqualTo(90);
    }

    @Test
    void autoLayoutPlacesStepsInLayersByDepth() {
        vm.moveBy(Set.of("home"), 500, 500);
        vm.autoLayout();
        var home = flow().step("home").orElseThrow().position();
        var cart = flow().step("cart").orElseThrow().position();
        assertThat(home.y()).isLessThan(cart.y());
        assertThat(home.x()).isEqualTo(cart.x());
    }

    @Test
    void findSelectsMatches() {
        assertThat(vm.find("CART")).isEqualTo(List.of("cart"));
        assertThat(vm.selection()).containsExactly("cart");
        assertThat(vm.find("nothing")).isEmpty();
    }

    @Test
    void theRunOverlayFollowsTheSnapshotsTheMeasureAndTheShownFlow() {
        assertThat(vm.overlayProperty().get()).isNull();
        var stats = dev.throng.engine.report.SampleResults.run(1, 50).finalStats();

        vm.showRunStats(stats);
        RunOverlay o = vm.overlayProperty().get();
        assertThat(o.measure()).isEqualTo(RunOverlay.Measure.P95);
        assertThat(o.step("home")).isNotNull();
        assertThat(o.step("cart")).isNotNull();

        vm.overlayMeasureProperty().set(RunOverlay.Measure.ERROR_RATE);
        assertThat(vm.overlayProperty().get().measure()).isEqualTo(RunOverlay.Measure.ERROR_RATE);
        assertThat(vm.overlayProperty().get().step("home").level()).isEqualTo(RunOverlay.Level.BAD);

        vm.showFlow(null);
        assertThat(vm.overlayProperty().get()).isNull();
        vm.showFlow("main");
        assertThat(vm.overlayProperty().get()).isNotNull();
        vm.showRunStats(null);
        assertThat(vm.overlayProperty().get()).isNull();
    }
}
