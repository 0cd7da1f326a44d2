package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.http.HttpFailure.Kind;
import dev.throng.engine.time.Clock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestsIT {
    private TestServer server;
    private HttpEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.http()
                .route(
                        "/echo",
                        exchange -> TestServer.respond(
                                exchange, 200, new String(server.seen.getLast().body(), StandardCharsets.UTF_8)))
                .route("/missing", exchange -> TestServer.respond(exchange, 404, "no such page"))
                .route("/hop/", exchange -> {
                    int n = Integer.parseInt(exchange.getRequestURI().getPath().substring(5));
                    if (n == 0) {
                        TestServer.respond(exchange, 200, "arrived");
                    } else {
                        exchange.getResponseHeaders().set("Location", "/hop/" + (n - 1));
                        exchange.sendResponseHeaders(302, -1);
                    }
                })
                .route("/see-other", exchange -> {
                    exchange.getResponseHeaders().set("Location", "/echo");
                    exchange.sendResponseHeaders(303, -1);
                })
                .route("/gzip", exchange -> {
                    ByteArrayOutputStream packed = new ByteArrayOutputStream();
                    try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
                        gz.write("unpacked text".getBytes(StandardCharsets.UTF_8));
                    }
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    exchange.sendResponseHeaders(200, packed.size());
                    try (OutputStream out = exchange.getResponseBody()) {
                        packed.writeTo(out);
                    }
                })
                .route("/", exchange -> TestServer.respond(exchange, 200, "home"))
                .start();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        server.close();
    }

    private HttpSession session(HttpOptions options) {
        engine = HttpEngine.create(options, Clock.system());
        return engine.newSession();
    }

    @Test
    void defaultHeadersAreSentUnlessTheCallHasItsOwn() {
        HttpSession session = session(HttpOptions.defaults()
                .withDefaultHeaders(List.of(new Header("Accept-Language", "fr"), new Header("X-Team", "games"))));
        session.execute(HttpCall.get(server.uri("/a")));
        session.execute(new HttpCall("GET", server.uri("/b"), List.of(new Header("x-team", "web")), null));

        TestServer.Seen a = server.seen.get(0);
        TestServer.Seen b = server.seen.get(1);
        assertThat(a.header("Accept-Language")).isEqualTo("fr");
        assertThat(a.header("X-Team")).isEqualTo("games");
        assertThat(a.header("User-Agent")).startsWith("Throng/");
        assertThat(b.header("X-Team")).isEqualTo("web");
        assertThat(b.headers().get("X-Team")).hasSize(1);
        assertThat(b.header("Accept-Language")).isEqualTo("fr");
    }

    @Test
    void aBodyIsSentAsGivenWithTheCallsContentType() {
        byte[] json = "{\"user\":\"ada\"}".getBytes(StandardCharsets.UTF_8);
        HttpResult r = session(HttpOptions.defaults())
                .execute(new HttpCall(
                        "POST", server.uri("/echo"), List.of(new Header("Content-Type", "application/json")), json));

        TestServer.Seen seen = server.seen.getFirst();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.header("Content-Length")).isEqualTo(String.valueOf(json.length));
        assertThat(seen.body()).isEqualTo(json);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"user\":\"ada\"}");
        assertThat(r.bodyBytes()).isEqualTo(json.length);
    }

    @Test
    void anErrorStatusIsAResultNotAFailure() {
        HttpResult r = session(HttpOptions.defaults()).execute(HttpCall.get(server.uri("/missing")));

        assertThat(r.failure()).isNull();
        assertThat(r.completed()).isTrue();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.reason()).isEqualTo("Not Found");
        assertThat(r.header("content-type")).startsWith("text/plain");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("no such page");
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() {
        HttpSession session = session(HttpOptions.defaults().withRedirects(true, 3));
        HttpResult within = session.execute(HttpCall.get(server.uri("/hop/3")));
        HttpResult beyond = session.execute(HttpCall.get(server.uri("/hop/4")));

        assertThat(within.failure()).isNull();
        assertThat(within.status()).isEqualTo(200);
        assertThat(new String(within.body(), StandardCharsets.UTF_8)).isEqualTo("arrived");
        assertThat(within.finalUri()).isEqualTo(server.uri("/hop/0"));
        assertThat(beyond.failure().kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS);
        assertThat(beyond.failure().kind().label()).isEqualTo("too-many-redirects");

        HttpResult plain = session.execute(HttpCall.get(server.uri("/")));
        assertThat(plain.finalUri())
                .as("no redirect left over from the last call")
                .isEqualTo(server.uri("/"));
    }

    @Test
    void aSeeOtherAfterAPostIsFollowedWithAGetWithoutTheBody() {
        byte[] form = "a=1".getBytes(StandardCharsets.UTF_8);
        HttpResult r = session(HttpOptions.defaults())
                .execute(new HttpCall(
                        "POST",
                        server.uri("/see-other"),
                        List.of(new Header("Content-Type", "application/x-www-form-urlencoded")),
                        form));

        assertThat(r.failure()).isNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.finalUri()).isEqualTo(server.uri("/echo"));
        TestServer.Seen post = server.seen.get(0);
        TestServer.Seen get = server.seen.get(1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.body()).isEqualTo(form);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.body()).isEmpty();
        assertThat(get.header("Content-Type")).isNull();
    }

    @Test
    void redirectsCanBeLeftToTheCaller() {
        HttpResult r =
                session(HttpOptions.defaults().withRedirects(false, 0)).execute(HttpCall.get(server.uri("/hop/2")));

        assertThat(r.failure()).isNull();
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("/hop/1");
        assertThat(r.finalUri()).isEqualTo(server.uri("/hop/2"));
    }

    @Test
    void gzipBodiesAreDecoded() {
        HttpResult r = session(HttpOptions.defaults()).execute(HttpCall.get(server.uri("/gzip")));

        assertThat(r.failure()).isNull();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("unpacked text");
        assertThat(server.seen.getFirst().header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void headHasNoBody() {
        HttpResult r = session(HttpOptions.defaults()).execute(new HttpCall("HEAD", server.uri("/"), List.of(), null));

        assertThat(r.failure()).isNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.bodyBytes()).isZero();
    }
}
