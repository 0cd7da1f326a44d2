package dev.throng.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurlImporterTest {

    @Test
    void plainGet() {
        var r = CurlImporter.parse("curl https://shop.example/product/42");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.url()).isEqualTo("https://shop.example/product/42");
        assertThat(r.id()).isEqualTo("get-product");
        assertThat(r.body()).isEqualTo(Body.NONE);
    }

    @Test
    void browserCopyWithHeadersAndContinuations() {
        var r = CurlImporter.parse("curl 'https://shop.example/api/cart' \\\n  -H 'Accept: application/json' \\\n"
                + "  -H \"X-Token: a b\" --compressed -X PUT");
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.headers()).containsExactly(new Header("Accept", "application/json"), new Header("X-Token", "a b"));
    }

    @Test
    void formDataBecomesAPostForm() {
        var r = CurlImporter.parse("curl http://h/login -d user=ann -d 'pass=s%20x'");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.body()).isEqualTo(new Body.Form(List.of(new Header("user", "ann"), new Header("pass", "s x"))));
    }

    @Test
    void jsonBodies() {
        var raw = CurlImporter.parse("curl http://h/api -H 'Content-Type: application/json' --data-raw '{\"a\": 1}'");
        assertThat(raw.body()).isEqualTo(new Body.Json("{\"a\": 1}"));
        var json = CurlImporter.parse("curl --json '{\"b\":2}' http://h/api");
        assertThat(json.method()).isEqualTo("POST");
        assertThat(json.body()).isEqualTo(new Body.Json("{\"b\":2}"));
        assertThat(json.headers()).contains(new Header("Content-Type", "application/json"));
    }

    @Test
    void textBodyKeepsItsContentType() {
        var r = CurlImporter.parse("curl http://h/x -H 'Content-Type: text/plain' --data-binary 'hello world'");
        assertThat(r.body()).isEqualTo(new Body.Text("text/plain", "hello world"));
    }

    @Test
    void basicAuthAndCookies() {
        var r = CurlImporter.parse("curl -u ann:secret -b 'sid=1; theme=dark' http://h/me");
        assertThat(r.headers())
                .containsExactly(
                        new Header("Authorization", "Basic YW5uOnNlY3JldA=="),
                        new Header("Cookie", "sid=1; theme=dark"));
    }

    @Test
    void getMovesDataToTheQuery() {
        var r = CurlImporter.parse("curl -G http://h/search -d q=shoes -d page=2");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.url()).isEqualTo("http://h/search?q=shoes&page=2");
    }

    @Test
    void clearErrors() {
        assertThatThrownBy(() -> CurlImporter.parse("wget http://h/"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("start with 'curl'");
        assertThatThrownBy(() -> CurlImporter.parse("curl -d @body.json http://h/"))
                .hasMessageContaining("reads the body from a file");
        assertThatThrownBy(() -> CurlImporter.parse("curl --frobnicate http://h/"))
                .hasMessageContaining("--frobnicate is not supported");
        assertThatThrownBy(() -> CurlImporter.parse("curl -H 'X: 1")).hasMessageContaining("unclosed single quote");
        assertThatThrownBy(() -> CurlImporter.parse("curl -s")).hasMessageContaining("no URL");
    }
}
