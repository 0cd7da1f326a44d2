package dev.throng.demo;

import static dev.throng.demo.ShopClient.cookieOf;
import static dev.throng.demo.ShopClient.number;
import static dev.throng.demo.ShopClient.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shop's pages, login, cart, mobile API and counters, over real loopback HTTP. */
class DemoShopIT {
    private DemoShop shop;
    private ShopClient client;

    @BeforeEach
    void start() throws Exception {
        shop = DemoShop.start("127.0.0.1", 0);
        client = new ShopClient(shop.baseUri());
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void listensOnTheLoopbackPortItReports() {
        assertThat(shop.port()).isPositive();
        assertThat(shop.baseUri()).hasToString("http://127.0.0.1:" + shop.port());
        assertThat(shop.httpsUri()).isNull();
    }

    @Test
    void homePageIsHtmlLinkingProducts() throws Exception {
        HttpResponse<String> home = client.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(home.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(home.body()).contains("href=\"/product/1\"", "href=\"/products\"");
    }

    @Test
    void productsListsTheWholeCatalogue() throws Exception {
        HttpResponse<String> products = client.get("/products");

        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(products.body()).startsWith("[{\"id\":1,\"name\":").endsWith("}]");
        assertThat(products.body().split("\"id\":")).hasSize(101);
    }

    @Test
    void productByIdAndUnknownIds() throws Exception {
        HttpResponse<String> seven = client.get("/product/7");
        assertThat(seven.statusCode()).isEqualTo(200);
        assertThat(seven.body()).isEqualTo(Catalog.product(7).json());

        for (String id : List.of("0", "101", "abc", "99999999999")) {
            HttpResponse<String> unknown = client.get("/product/" + id);
            assertThat(unknown.statusCode()).as(id).isEqualTo(404);
            assertThat(unknown.body()).as(id).startsWith("{\"error\":");
        }
    }

    @Test
    void loginChecksTheTestAccounts() throws Exception {
        HttpResponse<String> ok = client.postForm("/login", "username=user0042&password=pass0042");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"user\":\"user0042\"}");
        assertThat(ok.headers().firstValue("Set-Cookie").orElseThrow())
                .matches("session=[A-Za-z0-9_-]{20,}; Path=/; HttpOnly")
                .doesNotContainIgnoringCase("secure");

        assertThat(client.postForm("/login", "username=user0042&password=pass0043")
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.postForm("/login", "username=user0000&password=pass0000")
                        .statusCode())
                .isEqualTo(401);
        assertThat(client.postForm("/login", "username=user0042").statusCode()).isEqualTo(400);
    }

    @Test
    void accountAndCartNeedASession() throws Exception {
        for (String path : List.of("/account", "/cart", "/api/v1/cart")) {
            assertThat(client.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(client.get(path, "Cookie", "session=made-up").statusCode())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(client.postForm("/cart/add", "id=1").statusCode()).isEqualTo(401);
        assertThat(client.postForm("/checkout", "").statusCode()).isEqualTo(401);
    }

    @Test
    void cartFillsChecksOutAndEmpties() throws Exception {
        String cookie = client.login("user0042");

        assertThat(client.get("/account", "Cookie", cookie).body()).contains("\"user\":\"user0042\"");
        assertThat(client.get("/cart", "Cookie", cookie).body()).contains("\"count\":0");
        assertThat(number(client.postForm("/cart/add", "id=3", "Cookie", cookie).body(), "count"))
                .isEqualTo(1);
        assertThat(number(
                        client.postForm("/cart/add?id=5", "", "Cookie", cookie).body(), "count"))
                .isEqualTo(2);
        assertThat(client.postForm("/cart/add", "id=500", "Cookie", cookie).statusCode())
                .isEqualTo(404);
        assertThat(client.postForm("/cart/add", "", "Cookie", cookie).statusCode())
                .isEqualTo(400);

        String cart = client.get("/cart", "Cookie", cookie).body();
        assertThat(cart)
                .contains(
                        "\"count\":2",
                        Catalog.product(3).json(),
                        Catalog.product(5).json());
        long total = Catalog.product(3).priceCents() + Catalog.product(5).priceCents();
        assertThat(cart).contains("\"total\":" + Product.units(total) + ",");

        HttpResponse<String> order = client.postForm("/checkout", "", "Cookie", cookie);
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(number(order.body(), "order")).isEqualTo(1);
        assertThat(number(order.body(), "items")).isEqualTo(2);
        assertThat(client.get("/cart", "Cookie", cookie).body()).contains("\"count\":0");
        assertThat(number(client.get("/account", "Cookie", cookie).body(), "orders"))
                .isEqualTo(1);

        HttpResponse<String> logout = client.get("/logout", "Cookie", cookie);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(client.get("/cart", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void twoUsersHaveTheirOwnCarts() throws Exception {
        String first = client.login("user0001");
        String second = client.login("user9999");
        client.postForm("/cart/add", "id=1", "Cookie", first);

        assertThat(client.get("/cart", "Cookie", first).body()).contains("\"count\":1");
        assertThat(client.get("/cart", "Cookie", second).body()).contains("\"user\":\"user9999\"", "\"count\":0");
    }

    @Test
    void mobileApiLogsInWithJsonAndAcceptsTheBearerToken() throws Exception {
        assertThat(client.get("/api/v1/products").body()).startsWith("{\"count\":100,\"products\":[{\"id\":1,");
        assertThat(client.get("/api/v1/product/9").body())
                .isEqualTo(Catalog.product(9).json());
        assertThat(client.get("/api/v1/product/0").statusCode()).isEqualTo(404);

        HttpResponse<String> login = client.post(
                "/api/v1/login", "application/json", "{\"username\": \"user0100\", \"password\": \"pass0100\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        String token = string(login.body(), "token");
        assertThat(cookieOf(login)).isEqualTo("session=" + token);

        assertThat(client.get("/api/v1/cart", "Authorization", "Bearer " + token)
                        .body())
                .contains("\"user\":\"user0100\"");
        assertThat(client.get("/api/v1/cart", "Cookie", cookieOf(login)).statusCode())
                .isEqualTo(200);
        assertThat(client.get("/cart", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);

        assertThat(client.post("/api/v1/login", "application/json", "{\"username\":\"user0100\",\"password\":\"x\"}")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> broken = client.post("/api/v1/login", "application/json", "{\"username\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("not a flat JSON object");
    }

    @Test
    void unknownPathsAndMethodsAreAnsweredAndCountedAsUnmatched() throws Exception {
        HttpResponse<String> missing = client.get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("GET /no/such/page");

        HttpResponse<String> wrongMethod = client.postForm("/products", "");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");

        assertThat(shop.counters().routes()).isEqualTo(Map.of("GET (unmatched)", 1L, "POST (unmatched)", 1L));
    }

    @Test
    void countersAreExactExcludeDemoControlsAndReset() throws Exception {
        for (int i = 0; i < 3; i++) {
            client.get("/products");
        }
        client.get("/product/5");
        client.get("/product/6");
        client.get("/product/999");
        client.get("/nowhere");
        client.get("/_demo/counters");
        client.get("/_demo/nowhere");
        client.get("/_demo/capacity");

        String expected =
                "{\"total\":7,\"routes\":{\"GET (unmatched)\":1,\"GET /product/{id}\":3,\"GET /products\":3}}";
        assertThat(client.get("/_demo/counters").body()).isEqualTo(expected);
        assertThat(shop.counters().total()).isEqualTo(7);
        assertThat(shop.counters().count("GET /product/{id}")).isEqualTo(3);
        assertThat(shop.counters().routes())
                .containsExactly(
                        Map.entry("GET (unmatched)", 1L),
                        Map.entry("GET /product/{id}", 3L),
                        Map.entry("GET /products", 3L));

        HttpResponse<String> reset = client.postForm("/_demo/counters/reset", "");
        assertThat(reset.body()).isEqualTo("{\"total\":0,\"routes\":{}}");
        assertThat(shop.counters().total()).isZero();

        client.get("/");
        assertThat(client.get("/_demo/counters").body()).isEqualTo("{\"total\":1,\"routes\":{\"GET /\":1}}");
        shop.counters().reset();
        assertThat(client.get("/_demo/counters").body()).isEqualTo("{\"total\":0,\"routes\":{}}");
    }

    @Test
    void everyConcurrentlyCompletedRequestIsAlreadyCounted() throws Exception {
        int requests = 400;
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(client.getAsync(i % 2 == 0 ? "/products" : "/product/" + (1 + i % 100)));
        }
        for (var future : futures) {
            assertThat(future.get().statusCode()).isEqualTo(200);
        }

        assertThat(shop.counters().total()).isEqualTo(requests);
        assertThat(shop.counters().routes())
                .isEqualTo(Map.of("GET /products", requests / 2L, "GET /product/{id}", requests / 2L));
    }

    @Test
    void catalogueSizeFollowsTheOptions() throws Exception {
        try (DemoShop small = DemoShop.start(DemoShop.Options.defaults().withProducts(5))) {
            ShopClient smallClient = new ShopClient(small.baseUri());
            assertThat(smallClient.get("/products").body().split("\"id\":")).hasSize(6);
            assertThat(smallClient.get("/product/6").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aDelayedRequestDoesNotHoldUpOthers() throws Exception {
        CompletableFuture<HttpResponse<String>> delayed = client.getAsync("/delay/600000");
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/product/1").statusCode()).isEqualTo(200);
        }
        assertThat(delayed).isNotDone();
        shop.close(); // interrupts the delayed request
        shop.close(); // and a second close does nothing
        assertThat(shop.counters().count("GET /delay/{ms}")).isZero();
    }

    @Test
    void aBusyPortIsRefusedWithAMessageNamingIt() {
        assertThatThrownBy(() -> DemoShop.start("127.0.0.1", shop.port()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + shop.port())
                .hasMessageContaining("0 for a free one");
    }

    @Test
    void theCommandLineAnnouncesTheAddress() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DemoShop announced = DemoShop.startForMain(
                DemoShop.Options.defaults(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Demo shop listening on http://127.0.0.1:" + announced.port() + System.lineSeparator());
        }
    }
}
