package dev.throng.engine.http;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.EndpointInfo;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The engine's connection manager under {@link ConnectionPolicy#PER_USER}: it hands each session its own connection.
 *
 * <p>The lease state HttpClient passes in is the session's user token, a {@link SessionConnections}; the lease goes to
 * that session's single-connection manager for the route. So a connection is only ever reused by the session that
 * opened it, a lease costs a few field reads (no search through a shared pool, no shared lock), and a waiting user
 * holds only its own connection. Thread-safe: all state is per session.
 */
final class PerUserConnectionManager implements HttpClientConnectionManager {
    private final HttpClientConnectionOperator operator;
    private final ManagedHttpClientConnectionFactory connections;
    private final ConnectionConfig connectionConfig;
    private final SocketConfig socketConfig;
    private final TlsConfig tlsConfig;

    PerUserConnectionManager(
            HttpClientConnectionOperator operator,
            ManagedHttpClientConnectionFactory connections,
            ConnectionConfig connectionConfig,
            SocketConfig socketConfig,
            TlsConfig tlsConfig) {
        this.operator = operator;
        this.connections = connections;
        this.connectionConfig = connectionConfig;
        this.socketConfig = socketConfig;
        this.tlsConfig = tlsConfig;
    }

    /** A fresh single-connection manager configured like the engine. */
    BasicHttpClientConnectionManager newRouteManager() {
        BasicHttpClientConnectionManager m = new BasicHttpClientConnectionManager(operator, connections);
        m.setConnectionConfig(connectionConfig);
        m.setSocketConfig(socketConfig);
        m.setTlsConfig(tlsConfig);
        return m;
    }

    @Override
    public LeaseRequest lease(String id, HttpRoute route, Timeout requestTimeout, Object state) {
        if (!(state instanceof SessionConnections connections)) {
            throw new IllegalStateException("A request reached the per-user connection manager without a session");
        }
        BasicHttpClientConnectionManager owner = connections.managerFor(route);
        LeaseRequest inner = owner.lease(id, route, requestTimeout, state);
        return new LeaseRequest() {
            @Override
            public ConnectionEndpoint get(Timeout timeout)
                    throws InterruptedException, ExecutionException, TimeoutException {
                return new OwnedEndpoint(owner, inner.get(timeout));
            }

            @Override
            public boolean cancel() {
                return inner.cancel();
            }
        };
    }

    private static OwnedEndpoint cast(ConnectionEndpoint endpoint) {
        if (endpoint instanceof OwnedEndpoint owned) {
            return owned;
        }
        throw new IllegalStateException(
                "Unexpected connection endpoint " + endpoint.getClass().getName());
    }

    @Override
    public void release(ConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        OwnedEndpoint owned = cast(endpoint);
        owned.owner.release(owned.inner, newState, validDuration);
    }

    @Override
    public void connect(ConnectionEndpoint endpoint, TimeValue connectTimeout, HttpContext context) throws IOException {
        OwnedEndpoint owned = cast(endpoint);
        owned.owner.connect(owned.inner, connectTimeout, context);
    }

    @Override
    public void upgrade(ConnectionEndpoint endpoint, HttpContext context) throws IOException {
        OwnedEndpoint owned = cast(endpoint);
        owned.owner.upgrade(owned.inner, context);
    }

    /** Nothing to do: each session closes its own connections. */
    @Override
    public void close(CloseMode closeMode) {}

    @Override
    public void close() {}

    /** An endpoint of a session's manager, remembering that manager for release, connect and upgrade. */
    private static final class OwnedEndpoint extends ConnectionEndpoint {
        final BasicHttpClientConnectionManager owner;
        final ConnectionEndpoint inner;

        OwnedEndpoint(BasicHttpClientConnectionManager owner, ConnectionEndpoint inner) {
            this.owner = owner;
            this.inner = inner;
        }

        /** Deprecated in HttpClient but still abstract, so it must be passed on. */
        @Override
        @SuppressWarnings("deprecation")
        public ClassicHttpResponse execute(
                String id, ClassicHttpRequest request, HttpRequestExecutor executor, HttpContext context)
                throws IOException, HttpException {
            return inner.execute(id, request, executor, context);
        }

        @Override
        public ClassicHttpResponse execute(
                String id, ClassicHttpRequest request, RequestExecutor executor, HttpContext context)
                throws IOException, HttpException {
            return inner.execute(id, request, executor, context);
        }

        @Override
        public boolean isConnected() {
            return inner.isConnected();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            inner.setSocketTimeout(timeout);
        }

        @Override
        public EndpointInfo getInfo() {
            return inner.getInfo();
        }

        @Override
        public void close(CloseMode closeMode) {
            inner.close(closeMode);
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
