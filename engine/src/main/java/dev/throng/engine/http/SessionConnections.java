package dev.throng.engine.http;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Function;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;

/**
 * The keep-alive connections of one session under {@link ConnectionPolicy#PER_USER}: at most one per origin (scheme,
 * host, port), at most {@link #MAX_ROUTES} origins; when a session talks to more origins, the least recently used
 * connection is closed. It only holds connections: {@link DirectClient} opens them and decides when one is discarded.
 *
 * <p>Small on purpose (a waiting user pays for it): one array and one slot per origin, made on first use. A user that
 * waits long {@link #park parks} its connections: each slot keeps only the socket, and the connection object (with
 * its buffers) is made again around it by the next {@link #find}.
 *
 * <p>Used by the session's thread; {@link #close()} and {@link #abort()} may come from other threads (the engine on
 * shutdown, the total-timeout timer), so methods synchronize on {@code this} (uncontended in normal use; a thread
 * blocked in I/O never holds the lock).
 *
 * @param <C> the connection type (HttpClient's managed connection; a fake in tests)
 */
final class SessionConnections<C extends ModalCloseable> {
    /** How many origins a session keeps a connection to at once (browsers keep one per origin too). */
    static final int MAX_ROUTES = 4;

    /** Makes a connection object around a parked connection's open socket. */
    @FunctionalInterface
    interface Revive<C> {
        C around(Socket socket) throws IOException;
    }

    /** One origin's connection: the connection object, or only its socket while parked. */
    private static final class Slot<C extends ModalCloseable> {
        final boolean secure;
        final String host;
        final int port;
        C connection; // null while parked
        Socket parked; // non-null while parked
        long lastUse;

        Slot(boolean secure, String host, int port, C connection) {
            this.secure = secure;
            this.host = host;
            this.port = port;
            this.connection = connection;
        }

        void close(CloseMode mode) {
            if (connection != null) {
                connection.close(mode);
            } else {
                closeQuietly(parked);
            }
        }
    }

    private Slot<C>[] slots;
    private int count;
    private long uses;
    private boolean closed;

    /**
     * The connection kept for this origin, or {@code null} when there is none. A parked one is made again around its
     * socket with {@code revive}; if that fails, the socket is closed and forgotten (and {@code null} returned).
     *
     * @throws IllegalStateException when the session is closed
     */
    synchronized C find(boolean secure, String host, int port, Revive<C> revive) {
        ensureOpen();
        for (int i = 0; i < count; i++) {
            Slot<C> s = slots[i];
            if (s.port == port && s.secure == secure && s.host.equals(host)) {
                if (s.connection == null) {
                    if (s.parked.isClosed()) {
                        remove(i);
                        return null;
                    }
                    try {
                        s.connection = revive.around(s.parked);
                        s.parked = null;
                    } catch (IOException | RuntimeException e) {
                        closeQuietly(s.parked);
                        remove(i);
                        return null;
                    }
                }
                s.lastUse = ++uses;
                return s.connection;
            }
        }
        return null;
    }

    /**
     * Parks every connection: keeps the socket that {@code socketOf} gives (it returns {@code null} for a connection
     * that cannot be parked, which stays as it is) and drops the connection object.
     */
    synchronized void park(Function<C, Socket> socketOf) {
        for (int i = 0; i < count; i++) {
            Slot<C> s = slots[i];
            if (s.connection != null) {
                Socket socket = socketOf.apply(s.connection);
                if (socket != null) {
                    s.parked = socket;
                    s.connection = null;
                }
            }
        }
    }

    /** Connections kept, parked ones included. */
    synchronized int size() {
        return count;
    }

    /** Parked connections. */
    synchronized int parked() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += slots[i].connection == null ? 1 : 0;
        }
        return n;
    }

    /**
     * Keeps {@code connection} for its origin (which has none now); closes the least recently used one when full.
     *
     * @throws IllegalStateException when the session is closed (the connection is closed too)
     */
    @SuppressWarnings("unchecked")
    synchronized void add(boolean secure, String host, int port, C connection) {
        if (closed) {
            connection.close(CloseMode.IMMEDIATE);
            ensureOpen();
        }
        if (slots == null) {
            slots = (Slot<C>[]) new Slot<?>[MAX_ROUTES];
        }
        int slot;
        if (count < MAX_ROUTES) {
            slot = count++;
        } else {
            slot = 0;
            for (int i = 1; i < count; i++) {
                if (slots[i].lastUse < slots[slot].lastUse) {
                    slot = i;
                }
            }
            slots[slot].close(CloseMode.GRACEFUL);
        }
        Slot<C> s = new Slot<>(secure, host, port, connection);
        s.lastUse = ++uses;
        slots[slot] = s;
    }

    /** Forgets {@code connection} and closes it at once (it broke, or cannot be kept alive). */
    synchronized void discard(C connection) {
        for (int i = 0; i < count; i++) {
            if (slots[i].connection == connection) {
                remove(i);
                break;
            }
        }
        connection.close(CloseMode.IMMEDIATE);
    }

    private void remove(int i) {
        slots[i] = slots[--count];
        slots[count] = null;
    }

    /** Closes every connection at once, so that a call blocked on one fails; the session stays usable. */
    synchronized void abort() {
        for (int i = 0; i < count; i++) {
            slots[i].close(CloseMode.IMMEDIATE);
        }
    }

    /** Closes every connection of the session; later {@link #find} and {@link #add} fail. Idempotent. */
    synchronized void close() {
        closed = true;
        for (int i = 0; i < count; i++) {
            slots[i].close(CloseMode.GRACEFUL);
            slots[i] = null;
        }
        count = 0;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This HTTP session is closed");
        }
    }
}
