package dev.throng.engine.http;

/**
 * The HTTP side of one simulated user: its cookies and (with {@link ConnectionPolicy#PER_USER}) its own keep-alive
 * connections.
 *
 * <p>Thread confinement: a session is used by one thread at a time, normally the user's virtual thread; it is not
 * safe for concurrent calls. {@link #close()} may also be called by the engine on shutdown.
 */
public interface HttpSession extends AutoCloseable {
    /**
     * Sends the call and reads the response, following redirects when the engine's options say so. Blocks the
     * calling thread. Never throws for transport problems: they come back as {@link HttpResult#failure()}.
     *
     * <p>If the calling thread is interrupted, the call ends with {@link HttpFailure.Kind#CANCELLED} and the thread's
     * interrupt flag stays set.
     *
     * @throws IllegalStateException if the session or its engine is closed
     */
    HttpResult execute(HttpCall call);

    /**
     * Lets go of what only a call in flight needs, before a long wait: under {@link ConnectionPolicy#PER_USER} each
     * kept-alive connection keeps its socket and drops its connection object and buffers (about 3.5 KB), made again
     * by the next call. Called by the thread that uses the session, between calls. Does nothing by default.
     */
    default void idle() {}

    /** This session's cookies. */
    CookieView cookies();

    /** Closes the session's connections; later calls fail with {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}
