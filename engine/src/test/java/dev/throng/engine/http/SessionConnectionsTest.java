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

    private Fake add(String host) {
        Fake f = new Fake();
        connections.add(false, host, 80, f);
        return f;
    }

    @Test
    void oneConnectionPerOrigin() {
        Fake shop = add("shop.example");

        assertThat(connections.find(false, "shop.example", 80)).isSameAs(shop);
        assertThat(connections.find(true, "shop.example", 80))
                .as("another scheme")
                .isNull();
        assertThat(connections.find(false, "shop.example", 8080))
                .as("another port")
                .isNull();
        assertThat(connections.find(false, "cdn.example", 80)).isNull();
    }

    @Test
    void theLeastRecentlyUsedOriginMakesRoomAndIsClosed() {
        Fake first = add("a.example");
        Fake second = add("b.example");
        add("c.example");
        add("d.example");
        connections.find(false, "a.example", 80); // a is used again: b is now the oldest
        add("e.example");

        assertThat(second.closedWith).isEqualTo(CloseMode.GRACEFUL);
        assertThat(first.closedWith).isNull();
        assertThat(connections.find(false, "a.example", 80)).isSameAs(first);
        assertThat(connections.find(false, "b.example", 80)).isNull();
    }

    @Test
    void aDiscardedConnectionIsClosedAtOnceAndForgotten() {
        Fake shop = add("shop.example");
        Fake cdn = add("cdn.example");
        connections.discard(shop);

        assertThat(shop.closedWith).isEqualTo(CloseMode.IMMEDIATE);
        assertThat(connections.find(false, "shop.example", 80)).isNull();
        assertThat(connections.find(false, "cdn.example", 80)).isSameAs(cdn);
    }

    @Test
    void closingClosesEveryConnectionAndRefusesNewOnes() {
        Fake shop = add("shop.example");
        connections.close();

        assertThat(shop.closedWith).isEqualTo(CloseMode.GRACEFUL);
        assertThatThrownBy(() -> connections.find(false, "shop.example", 80)).isInstanceOf(IllegalStateException.class);
        Fake late = new Fake();
        assertThatThrownBy(() -> connections.add(false, "late.example", 80, late))
                .isInstanceOf(IllegalStateException.class);
        assertThat(late.closedWith).as("not leaked").isEqualTo(CloseMode.IMMEDIATE);
    }
}
