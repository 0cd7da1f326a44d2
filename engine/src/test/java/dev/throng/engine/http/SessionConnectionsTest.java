package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.junit.jupiter.api.Test;

class SessionConnectionsTest {
    private final PerUserConnectionManager factory = new PerUserConnectionManager(
            new TimingConnectionOperator(
                    new LocalAddressSocketFactory(new LocalAddressRotation(java.util.List.of())),
                    TlsSetup.strategy(TlsOptions.defaults())),
            ManagedHttpClientConnectionFactory.INSTANCE,
            ConnectionConfig.DEFAULT,
            SocketConfig.DEFAULT,
            TlsConfig.DEFAULT);
    private final SessionConnections connections = new SessionConnections(factory);

    private static HttpRoute route(String host) {
        return new HttpRoute(new HttpHost("http", host, 80));
    }

    @Test
    void oneManagerPerOrigin() {
        BasicHttpClientConnectionManager shop = connections.managerFor(route("shop.example"));

        assertThat(connections.managerFor(route("shop.example"))).isSameAs(shop);
        assertThat(connections.managerFor(route("cdn.example"))).isNotSameAs(shop);
    }

    @Test
    void theLeastRecentlyUsedOriginMakesRoomAndIsClosed() {
        BasicHttpClientConnectionManager first = connections.managerFor(route("a.example"));
        BasicHttpClientConnectionManager second = connections.managerFor(route("b.example"));
        connections.managerFor(route("c.example"));
        connections.managerFor(route("d.example"));
        connections.managerFor(route("a.example")); // a is used again: b is now the oldest
        connections.managerFor(route("e.example"));

        assertThat(second.isClosed()).isTrue();
        assertThat(first.isClosed()).isFalse();
        assertThat(connections.managerFor(route("a.example"))).isSameAs(first);
    }

    @Test
    void closingClosesEveryManagerAndRefusesNewOnes() {
        BasicHttpClientConnectionManager shop = connections.managerFor(route("shop.example"));
        connections.close();

        assertThat(shop.isClosed()).isTrue();
        assertThatThrownBy(() -> connections.managerFor(route("shop.example")))
                .isInstanceOf(IllegalStateException.class);
    }
}
