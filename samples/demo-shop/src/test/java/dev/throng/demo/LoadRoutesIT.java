package dev.throng.demo;

import static dev.throng.demo.ShopClient.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The routes with known timing: /slow, /delay, /mixed, /capacity and the server stall of /_demo/pause. */
class LoadRoutesIT {
    private DemoShop shop;
    private ShopClient client;

    private void start(DemoShop.Options options) throws Exception {
        shop = DemoShop.start(options);
        client = new ShopClient(shop.baseUri());
    }

    @AfterEach
    void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    private List<HttpResponse<String>> concurrently(String path, int count) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(client.getAsync(path));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (var future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    @Test
    void slowFailsExactlyTheRequestedShare() throws Exception {
        start(DemoShop.Options.defaults());

        List<HttpResponse<String>> responses = concurrently("/slow?delay_ms=1&error_rate=0.25", 40);
        assertThat(responses.stream().filter(r -> r.statusCode() == 500)).hasSize(10);
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(30);

        shop.counters().reset(); // also restarts the sequence
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(client.get("/slow?error_rate=0.3").statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 500, 200, 200, 500, 200, 200, 500);
        assertThat(shop.counters().count("GET /slow")).isEqualTo(10);
    }

    @Test
    void slowWithoutErrorsOrOnlyErrors() throws Exception {
        start(DemoShop.Options.defaults());

        assertThat(concurrently("/slow?delay_ms=2", 20)).allMatch(r -> r.statusCode() == 200);
        assertThat(concurrently("/slow?error_rate=1", 20)).allMatch(r -> r.statusCode() == 500);
        assertThat(client.get("/slow?error_rate=1.5").statusCode()).isEqualTo(400);
        assertThat(client.get("/slow?delay_ms=-3").statusCode()).isEqualTo(400);
        assertThat(client.get("/slow?delay_ms=x").statusCode()).isEqualTo(400);
    }

    @Test
    void delayAnswersAfterItsDelay() throws Exception {
        start(DemoShop.Options.defaults());

        HttpResponse<String> delayed = client.get("/delay/15");
        assertThat(delayed.statusCode()).isEqualTo(200);
        assertThat(delayed.body()).isEqualTo("{\"delay_ms\":15}");
        assertThat(client.get("/delay/abc").statusCode()).isEqualTo(400);
        assertThat(client.get("/delay/600001").statusCode()).isEqualTo(400);
        assertThat(shop.counters().count("GET /delay/{ms}")).isEqualTo(3);
    }

    @Test
    void mixedMakesEveryKthRequestSlow() throws Exception {
        start(DemoShop.Options.defaults());

        List<HttpResponse<String>> responses = concurrently("/mixed?fast_ms=0&slow_ms=5&slow_every=3", 30);
        assertThat(responses).allMatch(r -> r.statusCode() == 200);
        assertThat(responses.stream().filter(r -> r.body().contains("\"slow\":true")))
                .hasSize(10)
                .allMatch(r -> number(r.body(), "n") % 3 == 0)
                .allMatch(r -> number(r.body(), "delay_ms") == 5);
        assertThat(client.get("/mixed?slow_every=0").statusCode()).isEqualTo(400);
    }

    @Test
    void capacityNeverServesMoreThanItsSlots() throws Exception {
        start(DemoShop.Options.defaults().withCapacity(3, 40));

        String before = client.get("/_demo/capacity").body();
        assertThat(before)
                .isEqualTo(
                        "{\"slots\":3,\"service_ms\":40,\"max_rps\":75.0,\"in_flight\":0,\"max_in_flight\":0,\"queued\":0}");

        List<HttpResponse<String>> responses = concurrently("/capacity", 24);
        assertThat(responses).allMatch(r -> r.statusCode() == 200);

        String after = client.get("/_demo/capacity").body();
        assertThat(number(after, "max_in_flight")).isEqualTo(3);
        assertThat(number(after, "in_flight")).isZero();
        assertThat(shop.counters().count("GET /capacity")).isEqualTo(24);

        shop.counters().reset();
        assertThat(number(client.get("/_demo/capacity").body(), "max_in_flight"))
                .isZero();
    }

    @Test
    void pauseHoldsCountedRequestsUntilItEnds() throws Exception {
        start(DemoShop.Options.defaults());

        assertThat(client.postForm("/_demo/pause?ms=60000", "").body()).isEqualTo("{\"paused_ms\":60000}");
        CompletableFuture<HttpResponse<String>> held = client.getAsync("/products");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (number(client.get("/_demo/pause").body(), "waiting") == 0) {
            assertThat(System.nanoTime()).as("the request reaches the pause").isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(held).isNotDone();
        assertThat(shop.counters().total())
                .as("not counted before it is answered")
                .isZero();
        assertThat(number(client.get("/_demo/pause").body(), "remaining_ms")).isPositive();

        client.postForm("/_demo/pause?ms=0", "");
        assertThat(held.get().statusCode()).isEqualTo(200);
        assertThat(shop.counters().total()).isEqualTo(1);
        assertThat(client.postForm("/_demo/pause", "").statusCode()).isEqualTo(400);
    }
}
