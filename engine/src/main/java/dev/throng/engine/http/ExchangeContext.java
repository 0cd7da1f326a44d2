package dev.throng.engine.http;

import dev.throng.engine.time.Clock;
import org.apache.hc.client5.http.protocol.HttpClientContext;

/**
 * The HttpClient context of one session, reused for all its calls, with the per-call connection timings that
 * {@link TimingConnectionOperator} writes into it.
 *
 * <p>Confined to the session's thread: HttpClient runs the exchange (and so the operator's hooks) on the calling thread.
 */
final class ExchangeContext extends HttpClientContext {
    /** Not opening a connection. */
    static final int PHASE_NONE = 0;
    /** Inside a TCP connect. */
    static final int PHASE_CONNECT = 1;
    /** Inside a TLS handshake. */
    static final int PHASE_TLS = 2;

    private final Clock clock;

    private long connectNanos;
    private long tlsNanos;
    private int phase;
    private long phaseStart;
    private int connectionsOpened;

    ExchangeContext(Clock clock) {
        this.clock = clock;
    }

    /** Resets the timings at the start of a call. */
    void beginCall() {
        connectNanos = Timings.NONE;
        tlsNanos = Timings.NONE;
        beginAttempt();
    }

    /** Resets the per-attempt state before a retry; keeps the timings accumulated so far. */
    void beginAttempt() {
        phase = PHASE_NONE;
        connectionsOpened = 0;
    }

    void connectStarting() {
        if (phase != PHASE_CONNECT) { // a second address of the same host keeps the first start
            phase = PHASE_CONNECT;
            phaseStart = clock.nanoTime();
            connectionsOpened++;
        }
    }

    void connected() {
        connectNanos = add(connectNanos, clock.nanoTime() - phaseStart);
        phase = PHASE_NONE;
    }

    void handshakeStarting() {
        phase = PHASE_TLS;
        phaseStart = clock.nanoTime();
    }

    void handshakeDone() {
        tlsNanos = add(tlsNanos, clock.nanoTime() - phaseStart);
        phase = PHASE_NONE;
    }

    private static long add(long sum, long nanos) {
        return sum < 0 ? nanos : sum + nanos;
    }

    long connectNanos() {
        return connectNanos;
    }

    long tlsNanos() {
        return tlsNanos;
    }

    /** Where a connection set-up stood when an error came: one of the {@code PHASE_} constants. */
    int phase() {
        return phase;
    }

    /** How many new connections the current attempt started to open. */
    int connectionsOpened() {
        return connectionsOpened;
    }
}
