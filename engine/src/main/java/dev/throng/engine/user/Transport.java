package dev.throng.engine.user;

import dev.throng.engine.project.Header;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One user's HTTP connection: it sends requests and keeps the user's cookies (and, by default, its keep-alive
 * connection). Confined to the user's thread. {@code engine.run} adapts the HTTP engine to it; tests use fakes.
 */
public interface Transport extends AutoCloseable {

    /** Sends {@code request} and waits for the response. Never throws for transport problems: see {@link Reply}. */
    Reply send(Outgoing request) throws InterruptedException;

    /** The value of the cookie {@code name} the user holds now (any domain), if any. */
    Optional<String> cookie(String name);

    /**
     * The user is about to wait long (a think time of a second or more) without a thread: the transport may let go of
     * what only a call in flight needs (connection buffers). Called from the user's thread, between calls.
     */
    default void idle() {}

    /** Releases the connection. */
    @Override
    void close();

    /**
     * A request ready to send.
     *
     * @param method GET, POST, ...
     * @param uri the absolute URI
     * @param headers the headers, in order
     * @param body the body bytes (empty for none)
     */
    record Outgoing(String method, URI uri, List<Header> headers, byte[] body) {
        public Outgoing {
            headers = List.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }
    }

    /**
     * What came back.
     *
     * @param status the HTTP status, or 0 when there is no response
     * @param reason the reason phrase ("Not Found"), may be empty
     * @param headers the response headers
     * @param body the body, possibly cut at the body cap
     * @param bodyBytes the body's full length in bytes
     * @param connectNanos time to connect, ns; -1 on a reused connection
     * @param tlsNanos TLS handshake time, ns; -1 when there was none
     * @param firstByteNanos time to the first response byte, ns; -1 when none arrived
     * @param totalNanos the whole exchange, ns
     * @param failureKind a stable label such as "connection-refused" when the exchange failed, else {@code null}
     * @param failureMessage the failure in words, else {@code null}
     */
    record Reply(
            int status,
            String reason,
            List<Header> headers,
            byte[] body,
            long bodyBytes,
            long connectNanos,
            long tlsNanos,
            long firstByteNanos,
            long totalNanos,
            String failureKind,
            String failureMessage) {
        public Reply {
            headers = List.copyOf(headers);
            body = body == null ? new byte[0] : body;
            reason = reason == null ? "" : reason;
        }

        /** The first header named {@code name} (case-insensitive). */
        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.name().equalsIgnoreCase(name))
                    .map(Header::value)
                    .findFirst();
        }

        /** A failed exchange with no response. */
        public static Reply failure(String kind, String message) {
            return new Reply(0, "", List.of(), new byte[0], 0, -1, -1, -1, 0, kind, message);
        }
    }
}
