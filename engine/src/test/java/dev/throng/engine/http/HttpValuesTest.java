package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpValuesTest {
    @Test
    void defaultsAreSafeAndBrowserLike() {
        HttpOptions d = HttpOptions.defaults();

        assertThat(d.tls().verify()).isTrue();
        assertThat(d.tls().trustAll()).isFalse();
        assertThat(d.connectionPolicy()).isEqualTo(ConnectionPolicy.PER_USER);
        assertThat(d.followRedirects()).isTrue();
        assertThat(d.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(d.totalTimeout()).isNull();
        assertThat(d.localAddresses()).isEmpty();
        assertThat(d.defaultHeaders()).isEmpty();
    }

    @Test
    void optionsRejectNonsenseWithTheFieldName() {
        HttpOptions d = HttpOptions.defaults();
        assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), null))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> d.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .hasMessageContaining("totalTimeout");
        assertThatThrownBy(() -> d.withRedirects(true, -1)).hasMessageContaining("maxRedirects");
        assertThatThrownBy(() -> d.withConnectionPolicy(ConnectionPolicy.SHARED, 0))
                .hasMessageContaining("sharedPoolSize");
        assertThatThrownBy(() -> d.withMaxBodyBytes(-1)).hasMessageContaining("maxBodyBytes");
    }

    @Test
    void optionsCopyTheirLists() {
        List<Header> headers = new ArrayList<>(List.of(new Header("A", "1")));
        HttpOptions o = HttpOptions.defaults().withDefaultHeaders(headers);
        headers.add(new Header("B", "2"));

        assertThat(o.defaultHeaders()).containsExactly(new Header("A", "1"));
    }

    @Test
    void aCallNeedsAnAbsoluteHttpUri() {
        assertThatThrownBy(() -> HttpCall.get(URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/relative");
        assertThatThrownBy(() -> HttpCall.get(URI.create("ftp://files.example/x")))
                .hasMessageContaining("ftp://files.example/x");
        assertThatThrownBy(() -> new HttpCall(" ", URI.create("http://a.example/"), List.of(), null))
                .hasMessageContaining("method");
        assertThat(HttpCall.get(URI.create("HTTPS://a.example/")).method()).isEqualTo("GET");
    }

    @Test
    void aResultFindsHeadersInAnyCase() {
        HttpResult r = new HttpResult(
                200,
                "OK",
                List.of(new Header("Content-Type", "text/html"), new Header("content-type", "second")),
                new byte[0],
                0,
                new Timings(-1, -1, 5, 6),
                null,
                URI.create("http://a.example/"));

        assertThat(r.header("CONTENT-TYPE")).isEqualTo("text/html");
        assertThat(r.header("Location")).isNull();
        assertThat(r.completed()).isTrue();
    }

    @Test
    void tlsWithersChangeOneThing() {
        TlsOptions t = TlsOptions.defaults().withTrustAll(true).withVerify(false);

        assertThat(t).isEqualTo(new TlsOptions(false, null, null, null, null, true));
    }
}
