package dev.throng.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void formatsLikeACompiler() {
        var p = Problem.error("$.flows[1].edges[0].to", "edge to unknown step 'cart2' (did you mean 'cart'?)");
        assertThat(p.format()).isEqualTo("$.flows[1].edges[0].to: edge to unknown step 'cart2' (did you mean 'cart'?)");
        assertThat(p.at("shop.throng.json", 42, 17).format())
                .isEqualTo("shop.throng.json:42:17: $.flows[1].edges[0].to: edge to unknown step 'cart2' (did you"
                        + " mean 'cart'?)");
        assertThat(p.at("shop.throng.json", 0, 0).format()).startsWith("shop.throng.json: $.flows");
        assertThat(Problem.warning("$.x", "hm").format()).isEqualTo("$.x: warning: hm");
    }

    @Test
    void didYouMeanSuggestsOnlyCloseNames() {
        assertThat(DidYouMean.suffix("cart2", List.of("cart", "home"))).isEqualTo(" (did you mean 'cart'?)");
        assertThat(DidYouMean.suffix("wieght", List.of("weight", "name"))).isEqualTo(" (did you mean 'weight'?)");
        assertThat(DidYouMean.suffix("zzz", List.of("cart", "home"))).isEmpty();
        assertThat(DidYouMean.distance("ab", "ba")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }
}
