package dev.throng.engine.http;

import dev.throng.engine.Version;
import dev.throng.engine.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Runs the HTTP calls of a run (or of one agent): one TLS set-up and one client shared by all {@link HttpSession}s
 * it makes. Under {@link ConnectionPolicy#PER_USER} the client is {@link DirectClient} (each session drives its own
 * connections); under {@link ConnectionPolicy#SHARED} it is HttpClient's classic client over a shared pool.
 *
 * <p>Thread-safe: sessions are made and used from any threads (each session by one thread at a time). Retries are
 * never made by HttpClient; the only retry is this package's own: a call that fails on a <em>reused</em> keep-alive
 * connection before any response byte (the server had closed it while idle) is sent again once on a new connection,
 * as browsers do.
 *
 * <p>Time: the reported {@link Timings} read the injected {@link Clock}. The response timeout is kept by one
 * {@link ReadWatchdog} thread per engine, which sleeps on the same clock; the connect timeout is the socket's own,
 * on real time; the total timeout has one timer thread per engine on real time, made only when it is set.
 */
public final class HttpEngine implements AutoCloseable {
    /**
     * Size of a connection's buffers (in, out, and the line buffer of the input), in bytes. A waiting user holds its
     * connection, so they are paid per user: 1 KiB holds a usual response head; reads and writes of bodies larger
     * than the buffer go straight to the socket.
     */
    private static final int CONNECTION_BUFFER_BYTES = 1024;

    private final HttpOptions options;
    private final Clock clock;
    private final CloseableHttpClient client; // null under PER_USER
    private final DirectClient direct; // null under SHARED
    /**
     * Under {@link ConnectionPolicy#SHARED}, one permit per pooled connection: a call takes one before it asks the pool.
     * HttpCore's pool walks its whole list of waiting requests each time a connection comes back, so with many more
     * users than connections (100,000 users on 500 connections) it spends its time there; waiting here instead is a
     * queue (first come, first served) and the pool never has a waiting request. {@code null} under PER_USER.
     */
    private final Semaphore sharedGate;

    private final ScheduledThreadPoolExecutor timeouts; // null without a total timeout
    /** Keeps the response timeout of every connection (in place of a socket timeout per read). */
    private final ReadWatchdog watchdog;

    private final Set<DefaultHttpSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private HttpEngine(HttpOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        Timeout connect = Timeout.of(options.connectTimeout());
        Timeout response = Timeout.of(options.responseTimeout());
        TlsSocketStrategy tls = TlsSetup.strategy(options.tls()); // may throw: before the watchdog's thread starts
        this.watchdog = new ReadWatchdog(clock);
        TimingConnectionOperator operator = new TimingConnectionOperator(
                new LocalAddressSocketFactory(
                        new LocalAddressRotation(options.localAddresses()),
                        watchdog,
                        response.toMillisecondsIntBound()),
                tls);
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(connect)
                .setSocketTimeout(response)
                .setValidateAfterInactivity(TimeValue.NEG_ONE_MILLISECOND) // a 1 ms probe per call is too dear
                .setTimeToLive(TimeValue.NEG_ONE_MILLISECOND)
                .build();
        SocketConfig socketConfig =
                SocketConfig.custom().setSoTimeout(response).setTcpNoDelay(true).build();
        TlsConfig tlsConfig = TlsConfig.custom().setHandshakeTimeout(connect).build();

        // Small connection buffers: a waiting user holds its connection, so they are paid per user. Larger reads and
        // writes (bodies) bypass them and go straight to the socket.
        ManagedHttpClientConnectionFactory connections = ManagedHttpClientConnectionFactory.builder()
                .http1Config(Http1Config.custom()
                        .setBufferSize(CONNECTION_BUFFER_BYTES)
                        .build())
                .responseParserFactory(ResponseHeadParser.FACTORY)
                .build();
        if (options.connectionPolicy() == ConnectionPolicy.PER_USER) {
            direct = new DirectClient(options, clock, operator, connections, socketConfig, tlsConfig);
            client = null;
            sharedGate = null;
        } else {
            direct = null;
            client = sharedClient(options, operator, connections, connectionConfig, socketConfig, tlsConfig);
            sharedGate = new Semaphore(options.sharedPoolSize(), true);
        }

        if (options.totalTimeout() != null) {
            timeouts = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "throng-http-total-timeouts");
                t.setDaemon(true);
                return t;
            });
            timeouts.setRemoveOnCancelPolicy(true);
        } else {
            timeouts = null;
        }
    }

    /** The classic client over a shared pool, for {@link ConnectionPolicy#SHARED}. */
    private static CloseableHttpClient sharedClient(
            HttpOptions options,
            TimingConnectionOperator operator,
            ManagedHttpClientConnectionFactory connections,
            ConnectionConfig connectionConfig,
            SocketConfig socketConfig,
            TlsConfig tlsConfig) {
        Timeout response = Timeout.of(options.responseTimeout());
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                operator,
                PoolConcurrencyPolicy.STRICT,
                PoolReusePolicy.LIFO,
                TimeValue.NEG_ONE_MILLISECOND,
                connections);
        pool.setMaxTotal(options.sharedPoolSize());
        pool.setDefaultMaxPerRoute(options.sharedPoolSize());
        pool.setDefaultConnectionConfig(connectionConfig);
        pool.setDefaultSocketConfig(socketConfig);
        pool.setDefaultTlsConfig(tlsConfig);
        List<org.apache.hc.core5.http.Header> defaults = new ArrayList<>();
        for (Header h : options.defaultHeaders()) {
            defaults.add(new BasicHeader(h.name(), h.value()));
        }
        RequestConfig requestConfig = RequestConfig.custom()
                .setResponseTimeout(response)
                .setConnectionRequestTimeout(
                        options.totalTimeout() == null ? Timeout.ofHours(1) : Timeout.of(options.totalTimeout()))
                .setRedirectsEnabled(options.followRedirects())
                .setMaxRedirects(options.maxRedirects())
                .setCircularRedirectsAllowed(true) // a browser follows a loop until its limit
                .setCookieSpec(StandardCookieSpec.RELAXED)
                .setProtocolUpgradeEnabled(false)
                .build();
        return HttpClientBuilder.create()
                .setConnectionManager(pool)
                .disableConnectionState() // pooled connections carry no user, any session may take them
                .setDefaultRequestConfig(requestConfig)
                .setDefaultHeaders(defaults)
                .setUserAgent("Throng/" + Version.THRONG)
                .disableAutomaticRetries()
                .build();
    }

    /**
     * Makes an engine. Reads the TLS key stores named in the options now.
     *
     * @param clock the time source of every {@link Timings} value
     * @throws IllegalArgumentException when a TLS key store cannot be read (the message names the file)
     */
    public static HttpEngine create(HttpOptions options, Clock clock) {
        return new HttpEngine(Objects.requireNonNull(options, "options"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A new session (one simulated user) with no cookies and no connection yet. Cheap: a few small objects; the
     * connection is opened by its first call.
     *
     * @throws IllegalStateException if the engine is closed
     */
    public HttpSession newSession() {
        ensureOpen();
        SessionConnections<Http1Connection> connections = direct == null ? null : new SessionConnections<>();
        DefaultHttpSession session = new DefaultHttpSession(this, connections);
        sessions.add(session);
        if (closed) { // closed while we were adding: do not leak it
            session.close();
            ensureOpen();
        }
        return session;
    }

    /** The options this engine was made with. */
    public HttpOptions options() {
        return options;
    }

    /** Closes every session's connections and the shared pool. Calls in flight fail. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (DefaultHttpSession s : sessions) {
            s.close();
        }
        if (client != null) {
            client.close(CloseMode.IMMEDIATE);
        }
        if (timeouts != null) {
            timeouts.shutdownNow();
        }
        watchdog.stop();
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The HTTP engine is closed");
        }
    }

    void forget(DefaultHttpSession session) {
        sessions.remove(session);
    }

    Clock clock() {
        return clock;
    }

    /** The classic client; only under {@link ConnectionPolicy#SHARED}. */
    CloseableHttpClient client() {
        return client;
    }

    /** The permits of the shared pool's connections; only under {@link ConnectionPolicy#SHARED}. */
    Semaphore sharedGate() {
        return sharedGate;
    }

    /** The direct client; only under {@link ConnectionPolicy#PER_USER}. */
    DirectClient direct() {
        return direct;
    }

    /** Starts the total-timeout watch of one call, or returns {@code null} when there is no total timeout. */
    TotalTimeout startTotalTimeout() {
        if (timeouts == null) {
            return null;
        }
        TotalTimeout watch = new TotalTimeout();
        watch.start(timeouts, options.totalTimeout().toNanos(), TimeUnit.NANOSECONDS);
        return watch;
    }
}
