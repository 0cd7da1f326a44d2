package dev.throng.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarImporterTest {
    @TempDir
    Path dir;

    private static String entry(String time, double ms, String method, String url, String mime, String extra) {
        return """
                {"startedDateTime": "%s", "time": %s,
                 "request": {"method": "%s", "url": "%s", "headers": [
                    {"name": ":authority", "value": "shop.example"},
                    {"name": "Accept", "value": "text/html"},
                    {"name": "Cookie", "value": "sid=1"},
                    {"name": "Connection", "value": "keep-alive"}]%s},
                 "response": {"status": 200, "content": {"mimeType": "%s"}}}
                """.formatted(time, ms, method, url, extra, mime);
    }

    private Path har(String... entries) throws Exception {
        Path file = dir.resolve("shop.har");
        Files.writeString(file, "{\"log\": {\"version\": \"1.2\", \"entries\": [" + String.join(",", entries) + "]}}");
        return file;
    }

    @Test
    void oneRequestPerEntryChainedFromStartToEnd() throws Exception {
        Path file = har(
                entry("2024-05-01T10:00:00.000Z", 100, "GET", "https://shop.example/", "text/html", ""),
                entry("2024-05-01T10:00:00.200Z", 50, "GET", "https://shop.example/cart", "text/html", ""));
        Flow flow = HarImporter.importFlow(file, HarImporter.Options.defaults());
        assertThat(flow.steps()).extracting(Step::id).containsExactly("get-root", "get-cart");
        assertThat(flow.edges())
                .containsExactly(
                        Edge.of(Flow.START, "get-root", 1),
                        Edge.of("get-root", "get-cart", 1),
                        Edge.of("get-cart", Flow.END, 1));
        var first = (Step.Request) flow.steps().getFirst();
        assertThat(first.headers()).containsExactly(new Header("Accept", "text/html"));
        assertThat(first.url()).isEqualTo("https://shop.example/");
    }

    @Test
    void staticAssetsAreLeftOutUnlessAsked() throws Exception {
        Path file = har(
                entry("2024-05-01T10:00:00.000Z", 10, "GET", "https://shop.example/", "text/html", ""),
                entry("2024-05-01T10:00:00.010Z", 10, "GET", "https://shop.example/logo.png", "image/png", ""),
                entry("2024-05-01T10:00:00.020Z", 10, "GET", "https://shop.example/app", "text/css", ""),
                entry("2024-05-01T10:00:00.030Z", 10, "GET", "https://cdn.example/f.woff2?v=1", "", ""));
        var result = HarImporter.importHar(file, HarImporter.Options.defaults());
        assertThat(result.flow().steps()).hasSize(1);
        assertThat(result.skipped()).isEqualTo(3);
        var all = HarImporter.importHar(file, HarImporter.Options.defaults().withKeepStaticAssets(true));
        assertThat(all.flow().steps()).hasSize(4);
    }

    @Test
    void gapsAboveTheThresholdBecomePauses() throws Exception {
        Path file = har(
                entry("2024-05-01T10:00:00.000Z", 500, "GET", "https://shop.example/a", "text/html", ""),
                entry("2024-05-01T10:00:03.000Z", 100, "GET", "https://shop.example/b", "text/html", ""),
                entry("2024-05-01T10:00:03.600Z", 100, "GET", "https://shop.example/c", "text/html", ""));
        Flow flow = HarImporter.importFlow(file, HarImporter.Options.defaults());
        assertThat(flow.steps()).hasSize(4);
        var pause = (Step.Pause) flow.steps().get(1);
        assertThat(pause.min()).isEqualTo(Duration.ofMillis(2500));
        assertThat(pause.max()).isEqualTo(pause.min());
    }

    @Test
    void idsInPathsBecomeVariablesAndTheNameIsTheTemplate() throws Exception {
        Path file = har(
                entry("2024-05-01T10:00:00.000Z", 1, "GET", "https://shop.example/products/42", "text/html", ""),
                entry("2024-05-01T10:00:00.010Z", 1, "GET", "https://shop.example/products/43?x=1", "text/html", ""),
                entry(
                        "2024-05-01T10:00:00.020Z",
                        1,
                        "GET",
                        "https://shop.example/orders/123e4567-e89b-12d3-a456-426614174000",
                        "text/html",
                        ""));
        var result = HarImporter.importHar(file, HarImporter.Options.defaults());
        var steps = result.flow().steps().stream().map(s -> (Step.Request) s).toList();
        assertThat(steps.get(0).url()).isEqualTo("https://shop.example/products/${productId}");
        assertThat(steps.get(1).url()).isEqualTo("https://shop.example/products/${productId2}?x=1");
        assertThat(steps.get(0).name()).isEqualTo("GET /products/${productId}");
        assertThat(steps).extracting(Step.Request::id).containsExactly("get-products", "get-products-2", "get-orders");
        assertThat(steps.get(1).name()).isEqualTo(steps.get(0).name());
        assertThat(steps.get(2).url()).isEqualTo("https://shop.example/orders/${orderId}");
        assertThat(result.variables())
                .containsExactly(
                        new Variable("productId", "42"),
                        new Variable("productId2", "43"),
                        new Variable("orderId", "123e4567-e89b-12d3-a456-426614174000"));
        assertThat(result.baseUrl()).isEqualTo("https://shop.example");
    }

    @Test
    void bodies() throws Exception {
        Path file = har(
                entry(
                        "2024-05-01T10:00:00.000Z",
                        1,
                        "POST",
                        "https://shop.example/login",
                        "text/html",
                        ", \"postData\": {\"mimeType\": \"application/x-www-form-urlencoded\", \"params\": "
                                + "[{\"name\": \"user\", \"value\": \"ann\"}]}"),
                entry(
                        "2024-05-01T10:00:00.010Z",
                        1,
                        "POST",
                        "https://shop.example/api/cart",
                        "application/json",
                        ", \"postData\": {\"mimeType\": \"application/json\", \"text\": \"{\\\"sku\\\": 1}\"}"));
        var steps = HarImporter.importFlow(file, HarImporter.Options.defaults()).steps();
        assertThat(((Step.Request) steps.get(0)).body()).isEqualTo(new Body.Form(List.of(new Header("user", "ann"))));
        assertThat(((Step.Request) steps.get(1)).body()).isEqualTo(new Body.Json("{\"sku\": 1}"));
    }

    @Test
    void errorsNameTheFile() throws Exception {
        Path bad = dir.resolve("bad.har");
        Files.writeString(bad, "{\"log\": {}}");
        assertThatThrownBy(() -> HarImporter.importFlow(bad, HarImporter.Options.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("bad.har")
                .hasMessageContaining("$.log.entries");
        assertThatThrownBy(() -> HarImporter.importFlow(dir.resolve("none.har"), HarImporter.Options.defaults()))
                .hasMessageContaining("no such file");
    }
}
