package dev.throng.engine.http;

import java.net.Proxy;
import java.net.Socket;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Creates the unconnected sockets of new connections, each a {@link WatchedSocket} kept by the engine's
 * {@link ReadWatchdog}; when local addresses are configured, each socket is bound to the next one of the target's
 * address family just before it connects. Thread-safe.
 */
final class LocalAddressSocketFactory implements DetachedSocketFactory {
    private final LocalAddressRotation rotation;
    private final ReadWatchdog watchdog;
    private final int responseTimeoutMs;

    /**
     * @param responseTimeoutMs the engine's response timeout in ms: the socket timeout the watchdog keeps
     */
    LocalAddressSocketFactory(LocalAddressRotation rotation, ReadWatchdog watchdog, int responseTimeoutMs) {
        this.rotation = rotation;
        this.watchdog = watchdog;
        this.responseTimeoutMs = responseTimeoutMs;
    }

    @Override
    public Socket create(Proxy proxy) {
        if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
            return new WatchedSocket(watchdog, proxy, responseTimeoutMs);
        }
        return new WatchedSocket(watchdog, rotation.isEmpty() ? null : rotation, responseTimeoutMs);
    }
}
