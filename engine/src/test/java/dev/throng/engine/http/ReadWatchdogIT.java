package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.http.HttpFailure.Kind;
import dev.throng.engine.time.Clock;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The response timeout kept by {@link ReadWatchdog} (no socket timeout per read), under both connection policies. */
class ReadWatchdogIT {
    @RegisterExtension
    final OpenedInTest opened = new OpenedInTest();

    private HttpSession session(ConnectionPolicy policy, Duration responseTimeout) {
        HttpOptions options = HttpOptions.defaults()
                .withTimeouts(Duration.ofSeconds(5), responseTimeout, null)
                .withConnectionPolicy(policy, 4);
        HttpEngine engine = opened.closeLater(HttpEngine.create(options, Clock.system()));
        return opened.closeLater(engine.newSession());
    }

    @ParameterizedTest
    @EnumSource(ConnectionPolicy.class)
    void aServerThatStallsMidBodyIsResponseTimeout(ConnectionPolicy policy) throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            RawServer.write(s.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            opened.holdUntilCleanUp();
        }));
        HttpResult r = session(policy, Duration.ofMillis(300)).execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
        assertThat(r.failure().message()).contains("300 ms").contains("127.0.0.1:");
        assertThat(r.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(ConnectionPolicy.class)
    void aBodyThatKeepsComingOutlastsTheResponseTimeout(ConnectionPolicy policy) throws Exception {
        int pieces = 12;
        RawServer server = opened.closeLater(new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + pieces + "\r\n\r\n");
            for (int i = 0; i < pieces; i++) {
                Clock.system().sleep(TimeUnit.MILLISECONDS.toNanos(100));
                RawServer.write(out, "x");
            }
        }));
        // 1.2 s of body in all, never more than 100 ms without data: a read timeout of 600 ms is never reached
        HttpResult r = session(policy, Duration.ofMillis(600)).execute(HttpCall.get(server.uri("/")));

        assertThat(r.failure()).isNull();
        assertThat(r.bodyBytes()).isEqualTo(pieces);
    }

    @ParameterizedTest
    @EnumSource(ConnectionPolicy.class)
    void anIdleKeptAliveConnectionIsNotClosedByTheWatchdog(ConnectionPolicy policy) throws Exception {
        RawServer server = opened.closeLater(new RawServer(s -> {
            while (RawServer.readHead(s.getInputStream()) != null) {
                RawServer.write(s.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        }));
        HttpSession session = session(policy, Duration.ofMillis(200));
        HttpResult first = session.execute(HttpCall.get(server.uri("/")));
        Clock.system().sleep(TimeUnit.MILLISECONDS.toNanos(600)); // three times the timeout, with no read in progress
        HttpResult second = session.execute(HttpCall.get(server.uri("/")));

        assertThat(first.failure()).isNull();
        assertThat(second.failure()).isNull();
        assertThat(second.timings().connectNanos()).as("the same connection").isEqualTo(Timings.NONE);
        assertThat(server.connections.get()).isEqualTo(1);
    }
}
