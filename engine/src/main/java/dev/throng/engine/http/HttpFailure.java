package dev.throng.engine.http;

import java.util.Objects;

/**
 * Why a call did not complete as an HTTP exchange. An HTTP error status (404, 500...) is not a failure: it is a result
 * with that status, for checks to judge.
 *
 * @param kind the stable category, for grouping in statistics and reports
 * @param message a sentence for people, naming the host and what happened; free of per-request noise (no local port)
 *     so that equal problems group together
 */
public record HttpFailure(Kind kind, String message) {
    public HttpFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** Categories of transport failures. {@link #label()} is the stable string used in reports and result files. */
    public enum Kind {
        /** Nothing listens at the target address and port (TCP RST on connect). */
        CONNECTION_REFUSED("connection-refused"),
        /** The peer reset the connection (TCP RST) or the connection broke while sending. */
        CONNECTION_RESET("connection-reset"),
        /** The server closed the connection before a complete response arrived. */
        CONNECTION_CLOSED("connection-closed"),
        /** The TCP connection or the TLS handshake did not complete within the connect timeout. */
        CONNECT_TIMEOUT("connect-timeout"),
        /** No data arrived from the server for longer than the response (idle read) timeout. */
        RESPONSE_TIMEOUT("response-timeout"),
        /** The whole call (connect, redirects, body) took longer than the total timeout and was aborted. */
        TOTAL_TIMEOUT("total-timeout"),
        /** The TLS handshake failed: untrusted certificate, wrong host name, no common protocol... */
        TLS("tls"),
        /** The response body was larger than {@link HttpOptions#maxBodyBytes()}; the connection was dropped. */
        BODY_TOO_LARGE("body-too-large"),
        /** The host name could not be resolved. */
        UNKNOWN_HOST("unknown-host"),
        /** More redirects than {@link HttpOptions#maxRedirects()}. */
        TOO_MANY_REDIRECTS("too-many-redirects"),
        /** The server broke the HTTP protocol (malformed response, bad chunk, bad redirect location...). */
        PROTOCOL("protocol"),
        /** Any other input/output error. */
        IO("io"),
        /**
         * The calling thread was interrupted (the user is being stopped). Not a failure of the target: the run layer
         * should not count it.
         */
        CANCELLED("cancelled");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The stable lower-case label, e.g. {@code "connection-refused"}. */
        public String label() {
            return label;
        }
    }
}
