package dev.throng.engine.project;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * HTTP settings shared by every request of a project.
 *
 * @param baseUrls base URLs; relative request URLs are resolved against the first (others are alternatives a run
 *     may choose with {@code --host})
 * @param headers default headers sent with every request unless the request sets the same name
 * @param timeouts connect, response and total timeouts
 * @param tls certificate verification and client certificates
 * @param redirects whether and how far redirects are followed
 * @param connections one keep-alive connection per user (as browsers do) or a shared pool
 * @param localAddresses local source addresses to spread connections over (empty: the system chooses)
 * @param maxBodyBytes responses longer than this fail as "body too large"; memory stays bounded
 */
public record Settings(
        List<String> baseUrls,
        List<Header> headers,
        Timeouts timeouts,
        Tls tls,
        Redirects redirects,
        Connections connections,
        List<String> localAddresses,
        long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public Settings {
        baseUrls = List.copyOf(baseUrls);
        headers = List.copyOf(headers);
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(redirects, "redirects");
        Objects.requireNonNull(connections, "connections");
        localAddresses = List.copyOf(localAddresses);
    }

    public static Settings defaults() {
        return new Settings(
                List.of(),
                List.of(),
                Timeouts.defaults(),
                Tls.defaults(),
                Redirects.defaults(),
                Connections.defaults(),
                List.of(),
                DEFAULT_MAX_BODY_BYTES);
    }

    /** The first base URL, or the empty string when there is none. */
    public String baseUrl() {
        return baseUrls.isEmpty() ? "" : baseUrls.getFirst();
    }

    public Settings withBaseUrls(List<String> value) {
        return new Settings(value, headers, timeouts, tls, redirects, connections, localAddresses, maxBodyBytes);
    }

    public Settings withHeaders(List<Header> value) {
        return new Settings(baseUrls, value, timeouts, tls, redirects, connections, localAddresses, maxBodyBytes);
    }

    public Settings withTimeouts(Timeouts value) {
        return new Settings(baseUrls, headers, value, tls, redirects, connections, localAddresses, maxBodyBytes);
    }

    public Settings withTls(Tls value) {
        return new Settings(baseUrls, headers, timeouts, value, redirects, connections, localAddresses, maxBodyBytes);
    }

    public Settings withRedirects(Redirects value) {
        return new Settings(baseUrls, headers, timeouts, tls, value, connections, localAddresses, maxBodyBytes);
    }

    public Settings withConnections(Connections value) {
        return new Settings(baseUrls, headers, timeouts, tls, redirects, value, localAddresses, maxBodyBytes);
    }

    /**
     * Timeouts of one request.
     *
     * @param connect establishing the connection (TCP and TLS)
     * @param response the longest wait for data once connected
     * @param total the whole exchange, or {@code null} for no limit
     */
    public record Timeouts(Duration connect, Duration response, Duration total) {
        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(response, "response");
        }

        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), null);
        }

        public Timeouts withConnect(Duration value) {
            return new Timeouts(value, response, total);
        }

        public Timeouts withResponse(Duration value) {
            return new Timeouts(connect, value, total);
        }

        public Timeouts withTotal(Duration value) {
            return new Timeouts(connect, response, value);
        }
    }

    /**
     * TLS settings. Verification is on unless {@code trustAll} is set explicitly. Paths are relative to the project
     * file; passwords are templates (use {@code ${env:NAME}} so they are not written to the file).
     */
    public record Tls(
            boolean verify,
            String trustStore,
            String trustStorePassword,
            String clientCertificate,
            String clientCertificatePassword,
            boolean trustAll) {
        public static Tls defaults() {
            return new Tls(true, null, null, null, null, false);
        }

        public Tls withVerify(boolean value) {
            return new Tls(
                    value, trustStore, trustStorePassword, clientCertificate, clientCertificatePassword, trustAll);
        }

        public Tls withTrustStore(String value) {
            return new Tls(verify, value, trustStorePassword, clientCertificate, clientCertificatePassword, trustAll);
        }

        public Tls withTrustStorePassword(String value) {
            return new Tls(verify, trustStore, value, clientCertificate, clientCertificatePassword, trustAll);
        }

        public Tls withClientCertificate(String value) {
            return new Tls(verify, trustStore, trustStorePassword, value, clientCertificatePassword, trustAll);
        }

        public Tls withClientCertificatePassword(String value) {
            return new Tls(verify, trustStore, trustStorePassword, clientCertificate, value, trustAll);
        }

        public Tls withTrustAll(boolean value) {
            return new Tls(verify, trustStore, trustStorePassword, clientCertificate, clientCertificatePassword, value);
        }
    }

    /** Whether redirects are followed, and at most how many per request. */
    public record Redirects(boolean follow, int max) {
        public static Redirects defaults() {
            return new Redirects(true, 10);
        }

        public Redirects withFollow(boolean value) {
            return new Redirects(value, max);
        }

        public Redirects withMax(int value) {
            return new Redirects(follow, value);
        }
    }

    /**
     * The connection policy.
     *
     * @param policy one keep-alive connection per user, or a shared pool
     * @param poolSize size of the shared pool (ignored for {@link Policy#PER_USER}); 0 lets the plan size it
     */
    public record Connections(Policy policy, int poolSize) {
        public Connections {
            Objects.requireNonNull(policy, "policy");
        }

        public static Connections defaults() {
            return new Connections(Policy.PER_USER, 0);
        }

        public Connections withPolicy(Policy value) {
            return new Connections(value, poolSize);
        }

        public Connections withPoolSize(int value) {
            return new Connections(policy, value);
        }

        public enum Policy {
            PER_USER,
            SHARED
        }
    }
}
