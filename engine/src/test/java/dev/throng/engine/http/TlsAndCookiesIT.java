package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import dev.throng.engine.http.HttpFailure.Kind;
import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsAndCookiesIT {
    @TempDir
    static Path dir;

    static Path serverKeys;
    static Path clientKeys;
    static Path trust;
    static TestServer https;
    static TestServer http;
    static TestServer otherName;
    static TestServer needsClientCertificate;

    @BeforeAll
    static void startServers() throws Exception {
        // two keytool runs at once; the client's key pair also serves as a server certificate for another name
        CompletableFuture<Path> client = CompletableFuture.supplyAsync(() -> keyPair("client", "dns:client.test"));
        serverKeys = keyPair("server", "ip:127.0.0.1,dns:localhost");
        clientKeys = client.get(60, TimeUnit.SECONDS);
        Path otherKeys = clientKeys;
        trust = TestCertificates.trustStore(dir.resolve("trust.p12"), serverKeys, clientKeys);

        https = TestServer.https(TestCertificates.serverContext(serverKeys))
                .route("/login", exchange -> {
                    exchange.getResponseHeaders().add("Set-Cookie", "session=s1; Path=/");
                    exchange.getResponseHeaders().add("Set-Cookie", "secret=k1; Path=/; Secure");
                    TestServer.respond(exchange, 200, "welcome");
                })
                .route("/stall", exchange -> {
                    // ten of the hundred bytes announced, then silence (bounded, the server thread is virtual)
                    exchange.sendResponseHeaders(200, 100);
                    exchange.getResponseBody().write("0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    try {
                        Clock.system().sleep(TimeUnit.SECONDS.toNanos(2));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .route("/", exchange -> TestServer.respond(exchange, 200, "secure hello"))
                .start();
        http = TestServer.http()
                .route("/plain-login", exchange -> {
                    exchange.getResponseHeaders().add("Set-Cookie", "plain=p1; Path=/");
                    TestServer.respond(exchange, 200, "hi");
                })
                .route("/", exchange -> TestServer.respond(exchange, 200, "plain hello"))
                .start();
        otherName = TestServer.https(TestCertificates.serverContext(otherKeys))
                .route("/", exchange -> TestServer.respond(exchange, 200, "other"))
                .start();
        SSLContext clientAuth = TestCertificates.serverContext(serverKeys, clientKeys);
        needsClientCertificate = TestServer.https(new HttpsConfigurator(clientAuth) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = clientAuth.getDefaultSSLParameters();
                        p.setNeedClientAuth(true);
                        params.setSSLParameters(p);
                    }
                })
                .route("/", exchange -> {
                    String who = ((HttpsExchange) exchange)
                            .getSSLSession()
                            .getPeerPrincipal()
                            .getName();
                    TestServer.respond(exchange, 200, who);
                })
                .start();
    }

    private static Path keyPair(String name, String san) {
        try {
            return TestCertificates.keyPair(dir, name, san);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopServers() {
        for (TestServer s : List.of(https, http, otherName, needsClientCertificate)) {
            s.close();
        }
    }

    private static HttpResult once(TlsOptions tls, TestServer server) {
        try (HttpEngine engine = HttpEngine.create(HttpOptions.defaults().withTls(tls), Clock.system());
                HttpSession session = engine.newSession()) {
            return session.execute(HttpCall.get(server.uri("/")));
        }
    }

    @Test
    void verificationIsOnByDefaultAndRejectsASelfSignedServer() {
        HttpResult r = once(TlsOptions.defaults(), https);

        assertThat(r.failure().kind()).isEqualTo(Kind.TLS);
        assertThat(r.failure().message()).contains("127.0.0.1:" + https.port());
        assertThat(r.timings().connectNanos()).isPositive();
    }

    @Test
    void aTlsServerThatStallsMidBodyIsResponseTimeout() {
        HttpOptions options = HttpOptions.defaults()
                .withTls(TlsOptions.defaults().withTrustStore(trust, "changeit"))
                .withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(300), null);
        try (HttpEngine engine = HttpEngine.create(options, Clock.system());
                HttpSession session = engine.newSession()) {
            HttpResult r = session.execute(HttpCall.get(https.uri("/stall")));

            assertThat(r.failure()).isNotNull();
            assertThat(r.failure().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
            assertThat(r.failure().message()).contains("300 ms");
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void aTrustStoreMakesTheServerTrusted() {
        try (HttpEngine engine = HttpEngine.create(
                        HttpOptions.defaults().withTls(TlsOptions.defaults().withTrustStore(trust, "changeit")),
                        Clock.system());
                HttpSession session = engine.newSession()) {
            HttpResult first = session.execute(HttpCall.get(https.uri("/")));
            session.idle(); // parks the TLS connection: the next call goes on over the same TLS socket
            HttpResult second = session.execute(HttpCall.get(https.uri("/")));

            assertThat(first.failure()).isNull();
            assertThat(new String(first.body())).isEqualTo("secure hello");
            assertThat(first.timings().connectNanos()).isPositive();
            assertThat(first.timings().tlsNanos()).isPositive();
            assertThat(first.timings().firstByteNanos())
                    .isGreaterThan(
                            first.timings().connectNanos() + first.timings().tlsNanos());
            assertThat(second.failure()).isNull();
            assertThat(new String(second.body())).isEqualTo("secure hello");
            assertThat(second.timings().tlsNanos()).isEqualTo(Timings.NONE);
            assertThat(second.timings().connectNanos()).isEqualTo(Timings.NONE);
        }
    }

    @Test
    void trustAllAcceptsASelfSignedServer() {
        HttpResult r = once(TlsOptions.defaults().withTrustAll(true), https);

        assertThat(r.failure()).isNull();
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void theCertificateMustNameTheHostUnlessVerifyIsOff() {
        HttpResult checked = once(TlsOptions.defaults().withTrustStore(trust, "changeit"), otherName);
        HttpResult unchecked =
                once(TlsOptions.defaults().withTrustStore(trust, "changeit").withVerify(false), otherName);

        assertThat(checked.failure().kind()).isEqualTo(Kind.TLS);
        assertThat(unchecked.failure()).isNull();
        assertThat(unchecked.status()).isEqualTo(200);
    }

    @Test
    void aClientCertificateIsPresentedWhenConfigured() {
        TlsOptions trusted = TlsOptions.defaults().withTrustStore(trust, "changeit");
        HttpResult with = once(trusted.withClientCertificate(clientKeys, "changeit"), needsClientCertificate);
        HttpResult without = once(trusted, needsClientCertificate);

        assertThat(with.failure()).isNull();
        assertThat(new String(with.body())).isEqualTo("CN=client");
        assertThat(without.failure()).isNotNull();
    }

    @Test
    void cookiesFollowBrowserRulesAcrossHttpAndHttps() {
        HttpOptions options =
                HttpOptions.defaults().withTls(TlsOptions.defaults().withTrustStore(trust, "changeit"));
        try (HttpEngine engine = HttpEngine.create(options, Clock.system());
                HttpSession session = engine.newSession()) {
            session.execute(HttpCall.get(https.uri("/login")));
            session.execute(HttpCall.get(http.uri("/after-https-login")));
            session.execute(HttpCall.get(http.uri("/plain-login")));
            session.execute(HttpCall.get(https.uri("/after-plain-login")));

            String overHttp = cookieHeaderOf(http, "/after-https-login");
            assertThat(overHttp).contains("session=s1").doesNotContain("secret=");
            String overHttps = cookieHeaderOf(https, "/after-plain-login");
            assertThat(overHttps).contains("session=s1", "secret=k1", "plain=p1");

            assertThat(session.cookies().value("session")).contains("s1");
            assertThat(session.cookies().list())
                    .extracting(Cookie::name, Cookie::secure)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("secret", true),
                            org.assertj.core.groups.Tuple.tuple("plain", false));
            session.cookies().clear();
            session.execute(HttpCall.get(https.uri("/after-clear")));
            assertThat(cookieHeaderOf(https, "/after-clear")).isNull();
        }
    }

    @Test
    void sessionsDoNotShareCookies() {
        HttpOptions options =
                HttpOptions.defaults().withTls(TlsOptions.defaults().withTrustStore(trust, "changeit"));
        try (HttpEngine engine = HttpEngine.create(options, Clock.system());
                HttpSession alice = engine.newSession();
                HttpSession bob = engine.newSession()) {
            alice.execute(HttpCall.get(http.uri("/plain-login")));
            bob.execute(HttpCall.get(http.uri("/bob-looks")));

            assertThat(alice.cookies().value("plain")).contains("p1");
            assertThat(bob.cookies().list()).isEmpty();
            assertThat(cookieHeaderOf(http, "/bob-looks")).isNull();
        }
    }

    private static String cookieHeaderOf(TestServer server, String path) {
        List<String> values = new ArrayList<>();
        server.seen.stream().filter(s -> s.path().equals(path)).forEach(s -> values.add(s.header("Cookie")));
        assertThat(values).hasSize(1);
        return values.getFirst();
    }
}
