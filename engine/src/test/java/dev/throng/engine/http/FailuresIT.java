package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.http.HttpFailure.Kind;
import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FailuresIT {
    @RegisterExtension
    final OpenedInTest opened = new OpenedInTest();

    private HttpSession session(HttpOptions options) {
        HttpEngine engine = opened.closeLater(HttpEngine.create(options, Clock.system()));
        return engine.newSession();
    }

    private static HttpOptions quick() {
        return HttpOptions.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), null);
    }

    @Test
    void nothingListeningIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpResult r = session(quick()).execute(HttpCall.get(URI.create("http://127.0.0.1:" + port + "/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.CONNECTION_REFUSED);
        assertThat(r.failure().message()).contains("127.0.0.1:" + port);
        assertThat(r.status()).isZero();
        assertThat(r.timings().firstByteNanos()).isEqualTo(Timings.NONE);
    }

    @Test
    void aServerThatResetsIsConnectionReset() throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            s.setSoLinger(true, 0);
        }));
        HttpResult r = session(quick()).execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.CONNECTION_RESET);
    }

    @Test
    void anInvalidHostIsUnknownHost() {
        HttpResult r = session(quick()).execute(HttpCall.get(URI.create("http://no-such-shop.invalid/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.UNKNOWN_HOST);
        assertThat(r.failure().message()).contains("no-such-shop.invalid");
        assertThat(r.failure().kind().label()).isEqualTo("unknown-host");
    }

    @Test
    void aFullAcceptQueueIsConnectTimeout() throws Exception {
        ServerSocket full = opened.closeLater(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
        for (int i = 0; i < 4; i++) { // fill the accept queue; later connects are not answered
            Socket filler = opened.closeLater(new Socket());
            try {
                filler.connect(address, 200);
            } catch (IOException ignored) {
                break;
            }
        }
        HttpOptions options = HttpOptions.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5), null);
        HttpResult r = session(options).execute(HttpCall.get(URI.create("http://127.0.0.1:" + full.getLocalPort())));

        assertThat(r.failure().kind()).isEqualTo(Kind.CONNECT_TIMEOUT);
        assertThat(r.failure().message()).contains("300 ms");
    }

    @Test
    void aSilentServerIsResponseTimeout() throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            opened.holdUntilCleanUp();
        }));
        HttpResult r = session(quick()).execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
        assertThat(r.timings().connectNanos()).isPositive();
    }

    @Test
    void theTotalTimeoutAbortsAWaitingCall() throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            opened.holdUntilCleanUp();
        }));
        HttpOptions options = HttpOptions.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300));
        HttpResult r = session(options).execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.TOTAL_TIMEOUT);
        assertThat(r.failure().message()).contains("300 ms");
    }

    @Test
    void theTotalTimeoutAbortsABodyThatTrickles() throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            RawServer.write(s.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            opened.holdUntilCleanUp();
        }));
        HttpOptions options = HttpOptions.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300));
        HttpSession session = session(options);
        HttpResult r = session.execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.TOTAL_TIMEOUT);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.timings().firstByteNanos()).isPositive();
    }

    @Test
    void aBodyOverTheLimitFailsAndIsNotReadToItsEnd() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        RawServer server = opened.closeLater(new RawServer(s -> {
            try {
                RawServer.readHead(s.getInputStream());
                OutputStream out = s.getOutputStream();
                RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n");
                byte[] chunk = new byte[64 * 1024];
                while (written.get() < 1L << 30) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } finally {
                serverDone.countDown();
            }
        }));
        HttpSession session = session(quick().withMaxBodyBytes(1_000_000));
        HttpResult r = session.execute(HttpCall.get(server.uri("/big")));

        assertThat(r.failure().kind()).isEqualTo(Kind.BODY_TOO_LARGE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).hasSize(1_000_000);
        assertThat(r.bodyBytes()).isGreaterThan(1_000_000);
        assertThat(serverDone.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(written.get()).as("the client dropped the connection").isLessThan(64L << 20);
    }

    @Test
    void aChunkedBodyOverTheLimitFailsAndTheSessionGoesOn() throws Exception {
        TestServer server = opened.closeLater(TestServer.http()
                .route("/big", exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] chunk = new byte[16 * 1024];
                        for (int i = 0; i < 256; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException ignored) {
                        // the client went away, as it should
                    }
                })
                .route("/small", exchange -> TestServer.respond(exchange, 200, "small"))
                .start());
        HttpSession session = session(quick().withMaxBodyBytes(100_000));

        HttpResult big = session.execute(HttpCall.get(server.uri("/big")));
        HttpResult small = session.execute(HttpCall.get(server.uri("/small")));

        assertThat(big.failure().kind()).isEqualTo(Kind.BODY_TOO_LARGE);
        assertThat(big.body()).hasSize(100_000);
        assertThat(small.failure()).isNull();
        assertThat(new String(small.body())).isEqualTo("small");
        assertThat(small.timings().connectNanos()).as("a new connection").isPositive();
    }

    @Test
    void aTruncatedBodyIsConnectionClosed() throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            RawServer.write(s.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
        }));
        HttpResult r = session(quick()).execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.CONNECTION_CLOSED);
    }

    @Test
    void aBadChunkIsAProtocolError() throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            RawServer.write(
                    s.getOutputStream(), "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n");
        }));
        HttpResult r = session(quick()).execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure().kind()).isEqualTo(Kind.PROTOCOL);
    }

    @Test
    void aKeepAliveConnectionClosedByTheServerIsReplacedSilently() throws Exception {
        // serves one request per connection, announcing keep-alive, then closes: the next call finds it stale
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            RawServer.write(s.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        }));
        HttpSession session = session(quick());

        HttpResult first = session.execute(HttpCall.get(server.uri("/1")));
        HttpResult second = session.execute(HttpCall.get(server.uri("/2")));

        assertThat(first.failure()).isNull();
        assertThat(second.failure()).isNull();
        assertThat(new String(second.body())).isEqualTo("ok");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void interruptingTheCallerCancelsTheCall() throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            opened.holdUntilCleanUp();
        }));
        HttpSession session = session(HttpOptions.defaults());
        AtomicReference<HttpResult> result = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread user = Thread.ofVirtual().start(() -> {
            result.set(session.execute(HttpCall.get(server.uri("/"))));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        while (server.connections.get() == 0 && user.isAlive()) {
            Thread.onSpinWait();
        }
        user.interrupt();
        user.join(10_000);

        assertThat(result.get().failure().kind()).isEqualTo(Kind.CANCELLED);
        assertThat(stillInterrupted.get()).isTrue();
    }
}
