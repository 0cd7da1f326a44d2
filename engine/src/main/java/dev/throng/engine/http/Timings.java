package dev.throng.engine.http;

/**
 * Where the time of one {@link HttpSession#execute(HttpCall)} went, in nanoseconds of the engine's clock. A phase that
 * did not happen is {@code -1} (for example connect and TLS on a reused keep-alive connection).
 *
 * <p>Definitions (all phases of every redirect hop of the call are included):
 *
 * <ul>
 *   <li>{@code connectNanos}: TCP connection set-up, from the first connect attempt to the established socket, summed
 *       over the new connections the call opened. Name resolution (DNS) is not included here (it is in the first
 *       byte and total times).
 *   <li>{@code tlsNanos}: TLS handshakes of the new connections, summed.
 *   <li>{@code firstByteNanos}: from the start of the call until the head (status line and headers) of the final
 *       response was read; includes DNS, connect, TLS, sending the request and the server's time. {@code -1} when no
 *       response head arrived.
 *   <li>{@code totalNanos}: from the start of the call until the body was read (or the call failed). Never {@code -1}.
 * </ul>
 */
public record Timings(long connectNanos, long tlsNanos, long firstByteNanos, long totalNanos) {
    /** Marks a phase that did not happen. */
    public static final long NONE = -1;
}
