package dev.throng.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Send once" through the engine against the demo shop on loopback. */
class SendOnceIT {
    @TempDir
    Path dir;

    @Test
    void sendsOneRequestAndShowsTheResponseAndExtractedValues() throws Exception {
        try (var shop = DemoShop.start("127.0.0.1", 0)) {
            var project = SampleProjects.builtInShop();
            project = project.withSettings(
                    project.settings().withBaseUrls(List.of(shop.baseUri().toString())));
            var request = Step.Request.of("product", "GET", "/product/${productId}")
                    .withExtractors(List.of(new Extractor("name", Extractor.Kind.JSONPATH, "$.name", null)));
            var exchange = new EngineRequestSender().send(project, dir, request);
            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.url()).isEqualTo(shop.baseUri() + "/product/42");
            assertThat(exchange.body()).contains("\n  \"name\": ");
            assertThat(exchange.extracted()).containsKey("name");
            assertThat(exchange.timingsMs()).containsKey("total");
            assertThat(exchange.failure()).isNull();
            assertThat(shop.counters().routes()).containsEntry("GET /product/{id}", 1L);
        }
    }
}
