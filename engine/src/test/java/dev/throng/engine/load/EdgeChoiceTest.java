package dev.throng.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Condition;
import dev.throng.engine.project.Edge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EdgeChoiceTest {

    @Test
    void drawsInProportionToTheWeights() {
        var edges = List.of(Edge.of("start", "home", 70), Edge.of("start", "cart", 20), Edge.of("start", "end", 10));
        var random = new SplittableRandom(42);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            var e = EdgeChoice.choose(edges, c -> true, random).orElseThrow();
            counts.merge(e.to(), 1, Integer::sum);
        }
        assertThat(counts.get("home") / (double) draws).isCloseTo(0.70, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts.get("cart") / (double) draws).isCloseTo(0.20, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts.get("end") / (double) draws).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void skipsEdgesWhoseConditionFailsOrWhoseWeightIsZero() {
        var loggedIn = new Condition("session", Condition.Op.IS_SET, null);
        var edges =
                List.of(new Edge("a", "account", 100, loggedIn), Edge.of("a", "zero", 0), Edge.of("a", "product", 1));
        var random = new SplittableRandom(1);
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            assertThat(EdgeChoice.choose(edges, c -> Conditions.holds(c, vars::get), random)
                            .orElseThrow()
                            .to())
                    .isEqualTo("product");
        }
        vars.put("session", "abc");
        int account = 0;
        for (int i = 0; i < 1000; i++) {
            if (EdgeChoice.choose(edges, c -> Conditions.holds(c, vars::get), random)
                    .orElseThrow()
                    .to()
                    .equals("account")) {
                account++;
            }
        }
        assertThat(account).isGreaterThan(970);
        assertThat(EdgeChoice.choose(List.of(Edge.of("a", "b", 0)), c -> true, random))
                .isEmpty();
        assertThat(EdgeChoice.choose(List.of(), c -> true, random)).isEmpty();
    }

    @Test
    void conditionsCompareVariables() {
        Map<String, String> vars = Map.of("role", "admin", "empty", "");
        assertThat(Conditions.holds(null, vars::get)).isTrue();
        assertThat(Conditions.holds(new Condition("empty", Condition.Op.IS_SET, null), vars::get))
                .isFalse();
        assertThat(Conditions.holds(new Condition("missing", Condition.Op.NOT_SET, null), vars::get))
                .isTrue();
        assertThat(Conditions.holds(new Condition("role", Condition.Op.EQUALS, "admin"), vars::get))
                .isTrue();
        assertThat(Conditions.holds(new Condition("role", Condition.Op.NOT_EQUALS, "admin"), vars::get))
                .isFalse();
        assertThat(Conditions.holds(new Condition("role", Condition.Op.MATCHES, "adm.*"), vars::get))
                .isTrue();
        assertThat(Conditions.holds(new Condition("role", Condition.Op.MATCHES, "dm"), vars::get))
                .isFalse();
        assertThat(Conditions.holds(new Condition("role", Condition.Op.MATCHES, "(("), vars::get))
                .isFalse();
    }
}
