package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.http.HttpFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
    private static final HttpOptions OPTIONS =
            HttpOptions.defaults().withTimeouts(Duration.ofMillis(1500), Duration.ofMillis(2500), null);
    private static final String TARGET = "shop.example:443";

    private static HttpFailure classify(Throwable t, int phase) {
        return FailureClassifier.classify(t, phase, TARGET, OPTIONS);
    }

    private static HttpFailure classify(Throwable t) {
        return classify(t, ExchangeContext.PHASE_NONE);
    }

    @Test
    void connectionProblemsHaveTheirOwnKinds() {
        assertThat(classify(new HttpHostConnectException("Connection refused"), ExchangeContext.PHASE_CONNECT))
                .isEqualTo(new HttpFailure(
                        Kind.CONNECTION_REFUSED, "connection refused by shop.example:443 (is the server up?)"));
        assertThat(classify(new ConnectException("Connection timed out"), ExchangeContext.PHASE_CONNECT)
                        .kind())
                .isEqualTo(Kind.CONNECT_TIMEOUT);
        assertThat(classify(new ConnectTimeoutException("Connect timed out"), ExchangeContext.PHASE_CONNECT))
                .isEqualTo(new HttpFailure(Kind.CONNECT_TIMEOUT, "no connection to shop.example:443 within 1500 ms"));
        assertThat(classify(new SocketException("Connection reset")).kind()).isEqualTo(Kind.CONNECTION_RESET);
        assertThat(classify(new SocketException("Broken pipe")).kind()).isEqualTo(Kind.CONNECTION_RESET);
        assertThat(classify(new UnknownHostException("shop.example: Name or service not known")))
                .isEqualTo(new HttpFailure(Kind.UNKNOWN_HOST, "unknown host: shop.example"));
    }

    @Test
    void aTimeoutIsAConnectTimeoutWhileConnectingAndAResponseTimeoutAfter() {
        SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");

        assertThat(classify(timeout))
                .isEqualTo(new HttpFailure(Kind.RESPONSE_TIMEOUT, "no data from shop.example:443 for 2500 ms"));
        assertThat(classify(timeout, ExchangeContext.PHASE_TLS))
                .isEqualTo(new HttpFailure(
                        Kind.CONNECT_TIMEOUT, "TLS handshake with shop.example:443 did not finish within 1500 ms"));
        assertThat(classify(new SSLHandshakeException("x", timeout), ExchangeContext.PHASE_TLS)
                        .kind())
                .isEqualTo(Kind.CONNECT_TIMEOUT);
    }

    @Test
    void handshakeFailuresAreTls() {
        HttpFailure f = classify(new SSLHandshakeException("PKIX path building failed"), ExchangeContext.PHASE_TLS);

        assertThat(f.kind()).isEqualTo(Kind.TLS);
        assertThat(f.message())
                .startsWith("TLS handshake with shop.example:443 failed")
                .contains("not trusted");
        assertThat(classify(new SocketException("Connection reset"), ExchangeContext.PHASE_TLS)
                        .kind())
                .isEqualTo(Kind.TLS);
    }

    @Test
    void wrappedCausesAreFound() {
        assertThat(classify(new ClientProtocolException(new RedirectException("Maximum redirects (3) exceeded"))))
                .isEqualTo(new HttpFailure(Kind.TOO_MANY_REDIRECTS, "more than 10 redirects from shop.example:443"));
        assertThat(classify(new IOException("wrapper", new SocketException("Connection reset by peer")))
                        .kind())
                .isEqualTo(Kind.CONNECTION_RESET);
    }

    @Test
    void serverMisbehaviourIsClosedOrProtocol() {
        assertThat(classify(new NoHttpResponseException("The target server failed to respond"))
                        .kind())
                .isEqualTo(Kind.CONNECTION_CLOSED);
        assertThat(classify(new ConnectionClosedException("Premature end")).kind())
                .isEqualTo(Kind.CONNECTION_CLOSED);
        assertThat(classify(new MalformedChunkCodingException("Bad chunk header")))
                .isEqualTo(new HttpFailure(Kind.PROTOCOL, "invalid HTTP from shop.example:443: Bad chunk header"));
    }

    @Test
    void anythingElseIsIo() {
        assertThat(classify(new IOException("disk on fire")))
                .isEqualTo(new HttpFailure(Kind.IO, "I/O error with shop.example:443: IOException: disk on fire"));
        assertThat(classify(new IllegalStateException("odd")).message()).startsWith("unexpected error with");
    }

    @Test
    void labelsAreStable() {
        assertThat(Kind.CONNECTION_REFUSED.label()).isEqualTo("connection-refused");
        assertThat(Kind.CONNECTION_RESET.label()).isEqualTo("connection-reset");
        assertThat(Kind.CONNECTION_CLOSED.label()).isEqualTo("connection-closed");
        assertThat(Kind.CONNECT_TIMEOUT.label()).isEqualTo("connect-timeout");
        assertThat(Kind.RESPONSE_TIMEOUT.label()).isEqualTo("response-timeout");
        assertThat(Kind.TOTAL_TIMEOUT.label()).isEqualTo("total-timeout");
        assertThat(Kind.TLS.label()).isEqualTo("tls");
        assertThat(Kind.BODY_TOO_LARGE.label()).isEqualTo("body-too-large");
        assertThat(Kind.UNKNOWN_HOST.label()).isEqualTo("unknown-host");
        assertThat(Kind.TOO_MANY_REDIRECTS.label()).isEqualTo("too-many-redirects");
        assertThat(Kind.PROTOCOL.label()).isEqualTo("protocol");
        assertThat(Kind.IO.label()).isEqualTo("io");
        assertThat(Kind.CANCELLED.label()).isEqualTo("cancelled");
    }
}
