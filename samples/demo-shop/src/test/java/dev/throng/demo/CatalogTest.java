package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void productsAreStableAndNamedUniquely() {
        Catalog catalog = new Catalog(300);
        Set<String> names = new HashSet<>();
        for (int id = 1; id <= 300; id++) {
            Product p = catalog.find(id);
            assertThat(p).isEqualTo(Catalog.product(id));
            assertThat(p.priceCents()).isBetween(499L, 9998L);
            assertThat(names.add(p.name())).as(p.name()).isTrue();
        }
        assertThat(catalog.find(0)).isNull();
        assertThat(catalog.find(301)).isNull();
    }

    @Test
    void findsIdsOnlyFromDigits() {
        Catalog catalog = new Catalog(10);
        assertThat(catalog.find("7")).isEqualTo(Catalog.product(7));
        assertThat(catalog.find("007")).isEqualTo(Catalog.product(7));
        assertThat(catalog.find("-7")).isNull();
        assertThat(catalog.find("7a")).isNull();
        assertThat(catalog.find("")).isNull();
        assertThat(catalog.find("12345678901")).isNull();
    }

    @Test
    void productJsonAndPrices() {
        assertThat(new Product(1, "Blue \"Mug\"", 1250).json())
                .isEqualTo("{\"id\":1,\"name\":\"Blue \\\"Mug\\\"\",\"price\":12.5}");
        assertThat(Product.units(1300)).isEqualTo("13");
        assertThat(Product.units(5)).isEqualTo("0.05");
        assertThat(Product.units(0)).isEqualTo("0");
    }

    @Test
    void listHasEveryProductInOrder() {
        Catalog catalog = new Catalog(3);
        String list = new String(catalog.listResponse().body(), StandardCharsets.UTF_8);
        assertThat(list)
                .isEqualTo("[" + Catalog.product(1).json() + ","
                        + Catalog.product(2).json() + "," + Catalog.product(3).json() + "]");
        assertThat(catalog.productResponse("4").status()).isEqualTo(404);
    }
}
