package dev.throng.engine.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an {@link HttpEngine}, fixed for its life.
 *
 * @param connectTimeout limit for setting up a TCP connection, and separately for its TLS handshake
 * @param responseTimeout limit on silence while waiting for or reading a response (idle read timeout)
 * @param totalTimeout limit on a whole call (connect, redirects, body), enforced by aborting it; {@code null} = none
 * @param followRedirects follow 3xx responses with a {@code Location}
 * @param maxRedirects how many redirects one call may follow before failing with {@code TOO_MANY_REDIRECTS}
 * @param tls how https servers are verified and which client certificate is shown
 * @param connectionPolicy one keep-alive connection per user, or a shared pool
 * @param sharedPoolSize the pool size for {@link ConnectionPolicy#SHARED} (ignored for {@code PER_USER})
 * @param localAddresses local source addresses that new connections are bound to in turn (round robin, among those of
 *     the target's address family); empty = the operating system chooses
 * @param maxBodyBytes the largest response body kept; a larger one fails the call with {@code BODY_TOO_LARGE}
 * @param defaultHeaders headers sent with every request unless the call has a header of the same name
 */
public record HttpOptions(
        Duration connectTimeout,
        Duration responseTimeout,
        Duration totalTimeout,
        boolean followRedirects,
        int maxRedirects,
        TlsOptions tls,
        ConnectionPolicy connectionPolicy,
        int sharedPoolSize,
        List<InetAddress> localAddresses,
        long maxBodyBytes,
        List<Header> defaultHeaders) {

    /** The default body limit: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    private static final HttpOptions DEFAULTS = new HttpOptions(
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            null,
            true,
            10,
            TlsOptions.defaults(),
            ConnectionPolicy.PER_USER,
            100,
            List.of(),
            DEFAULT_MAX_BODY_BYTES,
            List.of());

    public HttpOptions {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        if (totalTimeout != null) {
            requirePositive(totalTimeout, "totalTimeout");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be 0 or more, not " + maxRedirects);
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(connectionPolicy, "connectionPolicy");
        if (sharedPoolSize < 1) {
            throw new IllegalArgumentException("sharedPoolSize must be 1 or more, not " + sharedPoolSize);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be 0 or more, not " + maxBodyBytes);
        }
        localAddresses = List.copyOf(localAddresses);
        defaultHeaders = List.copyOf(defaultHeaders);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, not " + d);
        }
    }

    /**
     * Connect timeout 10 s, response timeout 60 s, no total timeout, up to 10 redirects followed, TLS verified, one
     * connection per user (shared pool size 100 if switched), OS-chosen local address, bodies up to 10 MiB, no default
     * headers.
     */
    public static HttpOptions defaults() {
        return DEFAULTS;
    }

    public HttpOptions withTimeouts(Duration connect, Duration response, Duration total) {
        return new HttpOptions(
                connect,
                response,
                total,
                followRedirects,
                maxRedirects,
                tls,
                connectionPolicy,
                sharedPoolSize,
                localAddresses,
                maxBodyBytes,
                defaultHeaders);
    }

    public HttpOptions withRedirects(boolean follow, int max) {
        return new HttpOptions(
                connectTimeout,
                responseTimeout,
                totalTimeout,
                follow,
                max,
                tls,
                connectionPolicy,
                sharedPoolSize,
                localAddresses,
                maxBodyBytes,
                defaultHeaders);
    }

    public HttpOptions withTls(TlsOptions tlsOptions) {
        return new HttpOptions(
                connectTimeout,
                responseTimeout,
                totalTimeout,
                followRedirects,
                maxRedirects,
                tlsOptions,
                connectionPolicy,
                sharedPoolSize,
                localAddresses,
                maxBodyBytes,
                defaultHeaders);
    }

    /** These options with the given policy; {@code poolSize} is used for {@link ConnectionPolicy#SHARED}. */
    public HttpOptions withConnectionPolicy(ConnectionPolicy policy, int poolSize) {
        return new HttpOptions(
                connectTimeout,
                responseTimeout,
                totalTimeout,
                followRedirects,
                maxRedirects,
                tls,
                policy,
                poolSize,
                localAddresses,
                maxBodyBytes,
                defaultHeaders);
    }

    public HttpOptions withLocalAddresses(List<InetAddress> addresses) {
        return new HttpOptions(
                connectTimeout,
                responseTimeout,
                totalTimeout,
                followRedirects,
                maxRedirects,
                tls,
                connectionPolicy,
                sharedPoolSize,
                addresses,
                maxBodyBytes,
                defaultHeaders);
    }

    public HttpOptions withMaxBodyBytes(long max) {
        return new HttpOptions(
                connectTimeout,
                responseTimeout,
                totalTimeout,
                followRedirects,
                maxRedirects,
                tls,
                connectionPolicy,
                sharedPoolSize,
                localAddresses,
                max,
                defaultHeaders);
    }

    public HttpOptions withDefaultHeaders(List<Header> headers) {
        return new HttpOptions(
                connectTimeout,
                responseTimeout,
                totalTimeout,
                followRedirects,
                maxRedirects,
                tls,
                connectionPolicy,
                sharedPoolSize,
                localAddresses,
                maxBodyBytes,
                headers);
    }
}
