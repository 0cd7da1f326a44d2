package dev.throng.engine.http;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;

/**
 * The keep-alive connections of one session under {@link ConnectionPolicy#PER_USER}: one single-connection manager per
 * route (origin), at most {@link #MAX_ROUTES}; when a session talks to more origins, the least recently used
 * connection is closed. This object is also the session's HttpClient "user token", which is how
 * {@link PerUserConnectionManager} finds it.
 *
 * <p>Used by the session's thread; {@link #close()} may come from the engine's thread, so methods synchronize on
 * {@code this} (uncontended in normal use).
 */
final class SessionConnections {
    /** How many origins a session keeps a connection to at once (browsers keep one per origin too). */
    static final int MAX_ROUTES = 4;

    private final PerUserConnectionManager factory;
    private HttpRoute[] routes;
    private BasicHttpClientConnectionManager[] managers;
    private long[] lastUse;
    private long uses;
    private int count;
    private boolean closed;

    SessionConnections(PerUserConnectionManager factory) {
        this.factory = factory;
    }

    /** The manager holding this session's connection for {@code route}, made on first use. */
    synchronized BasicHttpClientConnectionManager managerFor(HttpRoute route) {
        if (closed) {
            throw new IllegalStateException("This HTTP session is closed");
        }
        if (routes == null) {
            routes = new HttpRoute[MAX_ROUTES];
            managers = new BasicHttpClientConnectionManager[MAX_ROUTES];
            lastUse = new long[MAX_ROUTES];
        }
        for (int i = 0; i < count; i++) {
            if (routes[i].equals(route)) {
                lastUse[i] = ++uses;
                return managers[i];
            }
        }
        int slot;
        if (count < MAX_ROUTES) {
            slot = count++;
        } else {
            slot = 0;
            for (int i = 1; i < count; i++) {
                if (lastUse[i] < lastUse[slot]) {
                    slot = i;
                }
            }
            managers[slot].close(CloseMode.GRACEFUL);
        }
        routes[slot] = route;
        managers[slot] = factory.newRouteManager();
        lastUse[slot] = ++uses;
        return managers[slot];
    }

    /** Closes every connection of the session. Idempotent. */
    synchronized void close() {
        closed = true;
        for (int i = 0; i < count; i++) {
            managers[i].close(CloseMode.GRACEFUL);
            managers[i] = null;
            routes[i] = null;
        }
        count = 0;
    }
}
