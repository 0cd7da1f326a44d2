package dev.throng.engine.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A client socket whose read timeout is kept by the engine's {@link ReadWatchdog} instead of {@code SO_TIMEOUT}. A
 * timeout set with {@link #setSoTimeout} equal to the engine's response timeout is recorded here and the socket itself
 * gets none; any other value (HttpCore's short probes, the TLS handshake timeout) stays a real socket timeout. When
 * the watchdog finds a read blocked longer than the recorded timeout it closes the socket, and the read fails with a
 * {@link SocketTimeoutException}, as it did with {@code SO_TIMEOUT}: the failure is classified as a response timeout
 * as before. TLS sockets are layered over this one and read through its stream, so they are watched the same way.
 *
 * <p>Optionally binds itself to the next local address of a {@link LocalAddressRotation} when it connects.
 *
 * <p>Threading: one thread reads at a time (the connection's); {@link #check} runs on the watchdog's thread.
 */
final class WatchedSocket extends Socket {
    private final ReadWatchdog watchdog;
    private final LocalAddressRotation rotation; // null: no local addresses
    private final int watchedTimeoutMs;

    /** The read timeout the watchdog applies, in ms; 0 while none is set or a real socket timeout is in use. */
    private volatile int timeoutMs;
    /** Incremented when a read starts and when it ends: odd while a read is blocked. Written by the reader only. */
    private volatile long reads;
    /** Set by the watchdog before it closes the socket: the read in progress failed because of the timeout. */
    private volatile boolean timedOut;

    // the watchdog's own state, touched by its thread only
    private long seenReads;
    private long seenSince;

    private InputStream stream;

    /**
     * @param watchedTimeoutMs the engine's response timeout in ms: the only socket timeout given to the watchdog
     */
    WatchedSocket(ReadWatchdog watchdog, LocalAddressRotation rotation, int watchedTimeoutMs) {
        this.watchdog = watchdog;
        this.rotation = rotation;
        this.watchedTimeoutMs = watchedTimeoutMs;
    }

    WatchedSocket(ReadWatchdog watchdog, Proxy proxy, int watchedTimeoutMs) {
        super(proxy);
        this.watchdog = watchdog;
        this.rotation = null;
        this.watchedTimeoutMs = watchedTimeoutMs;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (rotation != null
                && !isBound()
                && endpoint instanceof InetSocketAddress remote
                && remote.getAddress() != null) {
            InetAddress local = rotation.next(remote.getAddress());
            if (local != null) {
                bind(new InetSocketAddress(local, 0));
            }
        }
        watchdog.register(this);
        try {
            super.connect(endpoint, timeout);
        } catch (IOException | RuntimeException e) {
            watchdog.unregister(this);
            throw e;
        }
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout == watchedTimeoutMs && timeout > 0) {
            super.setSoTimeout(0);
            timeoutMs = timeout;
        } else {
            timeoutMs = 0;
            super.setSoTimeout(timeout);
        }
    }

    @Override
    public int getSoTimeout() throws SocketException {
        int t = timeoutMs;
        return t > 0 ? t : super.getSoTimeout();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Watched(super.getInputStream());
        }
        return stream;
    }

    @Override
    public void close() throws IOException {
        watchdog.unregister(this);
        super.close();
    }

    /**
     * On the watchdog's thread at time {@code now} (ns): closes the socket if its current read has been blocked
     * longer than its timeout since the watchdog first saw it.
     */
    void check(long now) {
        long r = reads;
        int t = timeoutMs;
        if ((r & 1) == 0 || t == 0) {
            seenReads = r;
            return;
        }
        if (r != seenReads) {
            seenReads = r;
            seenSince = now;
            return;
        }
        if (now - seenSince >= TimeUnit.MILLISECONDS.toNanos(t)) {
            timedOut = true;
            try {
                super.close();
            } catch (IOException ignored) {
                // closed either way
            }
            watchdog.unregister(this);
        }
    }

    private IOException failure(IOException e) {
        if (timedOut) {
            SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
            timeout.addSuppressed(e);
            return timeout;
        }
        return e;
    }

    /** The socket's input stream, counting its reads for the watchdog. */
    private final class Watched extends FilterInputStream {
        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            reads++;
            try {
                int b = in.read();
                if (b < 0 && timedOut) {
                    throw new SocketTimeoutException("Read timed out");
                }
                return b;
            } catch (IOException e) {
                throw failure(e);
            } finally {
                reads++;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            try {
                int n = in.read(b, off, len);
                if (n < 0 && timedOut) {
                    throw new SocketTimeoutException("Read timed out");
                }
                return n;
            } catch (IOException e) {
                throw failure(e);
            } finally {
                reads++;
            }
        }
    }
}
