package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.time.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionPolicyIT {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.http()
                .route("/", exchange -> TestServer.respond(exchange, 200, "hello"))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs {@code users} sessions at once, each making {@code requests} calls; returns the results. */
    private static List<HttpResult> runUsers(HttpEngine engine, TestServer server, int users, int requests)
            throws Exception {
        List<HttpResult> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<HttpResult>>> futures = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                futures.add(threads.submit(() -> {
                    List<HttpResult> mine = new ArrayList<>();
                    try (HttpSession session = engine.newSession()) {
                        for (int r = 0; r < requests; r++) {
                            mine.add(session.execute(HttpCall.get(server.uri("/item/" + r))));
                        }
                    }
                    return mine;
                }));
            }
            for (Future<List<HttpResult>> f : futures) {
                results.addAll(f.get(30, TimeUnit.SECONDS));
            }
        }
        return results;
    }

    @Test
    void perUserPolicyGivesEachSessionItsOwnKeepAliveConnection() throws Exception {
        try (HttpEngine engine = HttpEngine.create(HttpOptions.defaults(), Clock.system())) {
            List<HttpResult> results = runUsers(engine, server, 6, 5);

            assertThat(results).hasSize(30).allSatisfy(r -> {
                assertThat(r.failure()).isNull();
                assertThat(r.status()).isEqualTo(200);
            });
            assertThat(server.seen).hasSize(30);
            assertThat(server.clients).as("one client port per user").hasSize(6);
            // each user's requests all came over one connection
            Set<InetSocketAddress> firstRequests = ConcurrentHashMap.newKeySet();
            server.seen.stream().filter(s -> s.path().equals("/item/0")).forEach(s -> firstRequests.add(s.client()));
            assertThat(firstRequests).hasSize(6);
        }
    }

    @Test
    void aSessionReusesItsConnectionAndReportsNoConnectTimeThen() throws Exception {
        try (HttpEngine engine = HttpEngine.create(HttpOptions.defaults(), Clock.system());
                HttpSession session = engine.newSession()) {
            HttpResult first = session.execute(HttpCall.get(server.uri("/a")));
            HttpResult second = session.execute(HttpCall.get(server.uri("/b")));

            assertThat(first.timings().connectNanos()).isPositive();
            assertThat(first.timings().tlsNanos()).isEqualTo(Timings.NONE);
            assertThat(second.timings().connectNanos()).isEqualTo(Timings.NONE);
            assertThat(second.timings().firstByteNanos()).isPositive();
            assertThat(second.timings().totalNanos())
                    .isGreaterThanOrEqualTo(second.timings().firstByteNanos());
            assertThat(server.clients).hasSize(1);
        }
    }

    @Test
    void anIdleSessionParksItsConnectionAndTheNextCallGoesOnOverTheSameSocket() throws Exception {
        try (HttpEngine engine = HttpEngine.create(HttpOptions.defaults(), Clock.system());
                HttpSession session = engine.newSession()) {
            HttpResult first = session.execute(HttpCall.get(server.uri("/a")));
            session.idle();
            HttpResult second = session.execute(HttpCall.get(server.uri("/b")));
            session.idle();
            session.idle(); // twice in a row: nothing more happens
            HttpResult third = session.execute(new HttpCall(
                    "POST", server.uri("/c"), List.of(new Header("Content-Type", "text/plain")), "x".getBytes()));

            assertThat(List.of(first, second, third)).allSatisfy(r -> {
                assertThat(r.failure()).isNull();
                assertThat(r.status()).isEqualTo(200);
                assertThat(new String(r.body())).isEqualTo("hello");
            });
            assertThat(second.timings().connectNanos()).as("no new connection").isEqualTo(Timings.NONE);
            assertThat(third.timings().connectNanos()).isEqualTo(Timings.NONE);
            assertThat(server.clients).as("one socket for the three calls").hasSize(1);
        }
    }

    @Test
    void closingASessionReleasesItsConnection() throws Exception {
        try (HttpEngine engine = HttpEngine.create(HttpOptions.defaults(), Clock.system())) {
            HttpSession session = engine.newSession();
            session.execute(HttpCall.get(server.uri("/a")));
            session.close();
            try (HttpSession next = engine.newSession()) {
                next.execute(HttpCall.get(server.uri("/b")));
            }
            assertThat(server.clients).hasSize(2);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.execute(HttpCall.get(server.uri("/c"))))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void sharedPolicyUsesAtMostThePoolSize() throws Exception {
        HttpOptions options = HttpOptions.defaults().withConnectionPolicy(ConnectionPolicy.SHARED, 2);
        try (HttpEngine engine = HttpEngine.create(options, Clock.system())) {
            List<HttpResult> results = runUsers(engine, server, 8, 5);

            assertThat(results)
                    .hasSize(40)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(server.clients).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void newConnectionsTakeTheLocalAddressesInTurn() throws Exception {
        HttpOptions options = HttpOptions.defaults()
                .withLocalAddresses(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2")));
        try (HttpEngine engine = HttpEngine.create(options, Clock.system())) {
            runUsers(engine, server, 4, 2);

            Set<String> sources = server.clients.stream()
                    .map(a -> a.getAddress().getHostAddress())
                    .collect(Collectors.toSet());
            assertThat(sources).containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2");
            assertThat(server.clients).hasSize(4);
        }
    }
}
