package dev.throng.engine.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Creates the unconnected sockets of new connections; when local addresses are configured, each socket is bound to
 * the next one of the target's address family just before it connects. Thread-safe.
 */
final class LocalAddressSocketFactory implements DetachedSocketFactory {
    private final LocalAddressRotation rotation;

    LocalAddressSocketFactory(LocalAddressRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public Socket create(Proxy proxy) {
        if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
            return new Socket(proxy);
        }
        return rotation.isEmpty() ? new Socket() : new RotatingSocket(rotation);
    }

    /** A socket that binds itself to the next local address when it connects (if not bound already). */
    private static final class RotatingSocket extends Socket {
        private final LocalAddressRotation rotation;

        RotatingSocket(LocalAddressRotation rotation) {
            this.rotation = rotation;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!isBound() && endpoint instanceof InetSocketAddress remote && remote.getAddress() != null) {
                InetAddress local = rotation.next(remote.getAddress());
                if (local != null) {
                    bind(new InetSocketAddress(local, 0));
                }
            }
            super.connect(endpoint, timeout);
        }
    }
}
