package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterTest {
    private final Counters counters = new Counters(() -> {});
    private final Router router = new Router(counters, new Stall())
            .add("GET", "/", r -> null)
            .add("GET", "/product/{id}", r -> null)
            .add("GET", "/products", r -> null)
            .add("POST", "/login", r -> null)
            .add("GET", "/_demo/counters", r -> null);

    @Test
    void findsLiteralAndParameterRoutes() {
        assertThat(router.match("GET", "/").route().name()).isEqualTo("GET /");
        assertThat(router.match("GET", "/products").route().name()).isEqualTo("GET /products");

        Router.Match product = router.match("GET", "/product/42");
        assertThat(product.route().name()).isEqualTo("GET /product/{id}");
        assertThat(product.param()).isEqualTo("42");
    }

    @Test
    void unknownPathsWrongMethodsAndEmptyParametersAreUnmatched() {
        assertThat(router.match("GET", "/product/").route().name()).isEqualTo("GET (unmatched)");
        assertThat(router.match("GET", "/product/1/2").route().name()).isEqualTo("GET (unmatched)");
        assertThat(router.match("GET", "/products/").route().name()).isEqualTo("GET (unmatched)");
        assertThat(router.match("DELETE", "/products").route().name()).isEqualTo("DELETE (unmatched)");
        assertThat(router.match("GET", "/login").route().name()).isEqualTo("GET (unmatched)");
        assertThat(router.match("GET", "/login").route().counter())
                .isSameAs(router.match("GET", "/nowhere").route().counter());
    }

    @Test
    void demoControlsAreNotCountedEvenWhenUnknown() {
        assertThat(router.match("GET", "/_demo/counters").route().counter()).isNull();
        assertThat(router.match("GET", "/_demo/nothing").route().counter()).isNull();
        assertThat(router.match("POST", "/_demo/counters").route().counter()).isNull();
        assertThat(router.match("GET", "/").route().counter()).isNotNull();
    }

    @Test
    void refusesRoutesItCannotMatch() {
        assertThatThrownBy(() -> router.add("GET", "/a/{x}/b", r -> null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.add("GET", "/products", r -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }
}
