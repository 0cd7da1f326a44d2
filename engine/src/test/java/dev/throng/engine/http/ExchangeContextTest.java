package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.time.FakeClock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExchangeContextTest {
    private final FakeClock clock = new FakeClock();
    private final ExchangeContext context = new ExchangeContext(clock);

    @Test
    void phasesAreTimedWithTheInjectedClock() {
        context.beginCall();
        context.connectStarting();
        assertThat(context.phase()).isEqualTo(ExchangeContext.PHASE_CONNECT);
        clock.advance(3, TimeUnit.MILLISECONDS);
        context.connected();
        context.handshakeStarting();
        assertThat(context.phase()).isEqualTo(ExchangeContext.PHASE_TLS);
        clock.advance(7, TimeUnit.MILLISECONDS);
        context.handshakeDone();

        assertThat(context.connectNanos()).isEqualTo(3_000_000);
        assertThat(context.tlsNanos()).isEqualTo(7_000_000);
        assertThat(context.phase()).isEqualTo(ExchangeContext.PHASE_NONE);
        assertThat(context.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void aSecondAddressOfTheSameConnectKeepsTheFirstStart() {
        context.beginCall();
        context.connectStarting();
        clock.advance(2, TimeUnit.MILLISECONDS); // first address failed
        context.connectStarting();
        clock.advance(1, TimeUnit.MILLISECONDS);
        context.connected();

        assertThat(context.connectNanos()).isEqualTo(3_000_000);
        assertThat(context.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void aNewCallForgetsThePreviousTimings() {
        context.beginCall();
        context.connectStarting();
        clock.advance(1, TimeUnit.MILLISECONDS);
        context.connected();
        context.beginCall();

        assertThat(context.connectNanos()).isEqualTo(Timings.NONE);
        assertThat(context.tlsNanos()).isEqualTo(Timings.NONE);
        assertThat(context.connectionsOpened()).isZero();
    }
}
