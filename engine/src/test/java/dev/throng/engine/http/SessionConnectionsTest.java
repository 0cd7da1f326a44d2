package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.junit.jupiter.api.Test;

class SessionConnectionsTest {
    /** A connection that only remembers how it was closed. */
    private static final class Fake implements ModalCloseable {
        CloseMode closedWith;

        @Override
        public void close(CloseMode mode) {
            closedWith = mode;
        }

        @Override
        public void close() {
            closedWith = CloseMode.GRACEFUL;
        }
    }

    private final SessionConnections<Fake> connections = new SessionConnections<>();

    private Fake find(boolean secure, String host, int port) {
        return connections.find(secure, host, port, socket -> {
            throw new AssertionError("nothing is parked here");
        });
    }

    private Fake add(String host) {
        Fake f = new Fake();
        connections.add(false, host, 80, f);
        return f;
    }

    @Test
    void oneConnectionPerOrigin() {
        Fake shop = add("shop.example");

        assertThat(find(false, "shop.example", 80)).isSameAs(shop);
        assertThat(find(true, "shop.example", 80)).as("another scheme").isNull();
        assertThat(find(false, "shop.example", 8080)).as("another port").isNull();
        assertThat(find(false, "cdn.example", 80)).isNull();
    }

    @Test
    void theLeastRecentlyUsedOriginMakesRoomAndIsClosed() {
        Fake first = add("a.example");
        Fake second = add("b.example");
        add("c.example");
        add("d.example");
        find(false, "a.example", 80); // a is used again: b is now the oldest
        add("e.example");

        assertThat(second.closedWith).isEqualTo(CloseMode.GRACEFUL);
        assertThat(first.closedWith).isNull();
        assertThat(find(false, "a.example", 80)).isSameAs(first);
        assertThat(find(false, "b.example", 80)).isNull();
    }

    @Test
    void aDiscardedConnectionIsClosedAtOnceAndForgotten() {
        Fake shop = add("shop.example");
        Fake cdn = add("cdn.example");
        connections.discard(shop);

        assertThat(shop.closedWith).isEqualTo(CloseMode.IMMEDIATE);
        assertThat(find(false, "shop.example", 80)).isNull();
        assertThat(find(false, "cdn.example", 80)).isSameAs(cdn);
    }

    @Test
    void closingClosesEveryConnectionAndRefusesNewOnes() {
        Fake shop = add("shop.example");
        connections.close();

        assertThat(shop.closedWith).isEqualTo(CloseMode.GRACEFUL);
        assertThatThrownBy(() -> find(false, "shop.example", 80)).isInstanceOf(IllegalStateException.class);
        Fake late = new Fake();
        assertThatThrownBy(() -> connections.add(false, "late.example", 80, late))
                .isInstanceOf(IllegalStateException.class);
        assertThat(late.closedWith).as("not leaked").isEqualTo(CloseMode.IMMEDIATE);
    }

    @Test
    void aParkedConnectionKeepsItsSocketAndIsMadeAgainAroundItByTheNextFind() throws Exception {
        Fake shop = add("shop.example");
        Fake cdn = add("cdn.example");
        var socket = new java.net.Socket();
        connections.park(c -> c == shop ? socket : null); // cdn cannot be parked: it stays

        assertThat(connections.parked()).isOne();
        Fake revived = new Fake();
        var around = new java.util.ArrayList<java.net.Socket>();
        assertThat(connections.find(false, "shop.example", 80, s -> {
                    around.add(s);
                    return revived;
                }))
                .isSameAs(revived);
        assertThat(around).containsExactly(socket);
        assertThat(connections.parked()).isZero();
        assertThat(find(false, "shop.example", 80)).isSameAs(revived);
        assertThat(find(false, "cdn.example", 80)).isSameAs(cdn);

        connections.park(c -> c == revived ? socket : null);
        connections.close();
        assertThat(socket.isClosed())
                .as("a parked socket is closed with the session")
                .isTrue();
        assertThat(cdn.closedWith).isEqualTo(CloseMode.GRACEFUL);
    }

    @Test
    void aParkedConnectionWhoseSocketWasClosedIsForgotten() throws Exception {
        add("shop.example");
        var socket = new java.net.Socket();
        connections.park(c -> socket);
        socket.close();
        assertThat(connections.find(false, "shop.example", 80, s -> new Fake())).isNull();
        assertThat(connections.size()).isZero();
    }
}
