package dev.throng.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void anAgentSilentForMoreThanThreeSecondsIsLost() {
        var monitor = new HeartbeatMonitor<String>(clock, Duration.ofSeconds(1), Duration.ofSeconds(3));
        monitor.heard("a");
        monitor.heard("b");
        clock.advanceMillis(2_000);
        monitor.heard("b");
        clock.advanceMillis(1_000);
        assertThat(monitor.expire()).as("exactly 3 s is not yet too long").isEmpty();
        clock.advanceMillis(1);
        assertThat(monitor.expire()).containsExactly(new HeartbeatMonitor.Lost<>("a", 3_001_000_000L));
        assertThat(monitor.watches("a")).isFalse();
        assertThat(monitor.expire()).as("a lost peer is reported once").isEmpty();
        clock.advanceMillis(2_000);
        assertThat(monitor.expire()).extracting(HeartbeatMonitor.Lost::peer).containsExactly("b");
    }

    @Test
    void aControllerSilentForFiveSecondsIsLostAndAnyMessageCounts() {
        var monitor = new HeartbeatMonitor<String>(clock, Duration.ofSeconds(1), Duration.ofSeconds(5));
        monitor.heard("controller");
        for (int second = 0; second < 20; second++) {
            clock.advanceMillis(1_000);
            monitor.heard("controller"); // a heartbeat or any other message
            assertThat(monitor.expire()).isEmpty();
        }
        clock.advanceMillis(5_001);
        var lost = monitor.expire();
        assertThat(lost).hasSize(1);
        assertThat(lost.getFirst().silentMillis()).isEqualTo(5_001);
    }

    @Test
    void lostPeersComeLongestSilentFirst() {
        var monitor = new HeartbeatMonitor<String>(clock, Duration.ofSeconds(1), Duration.ofSeconds(3));
        monitor.heard("late");
        clock.advanceMillis(500);
        monitor.heard("later");
        clock.advanceMillis(10_000);
        assertThat(monitor.expire()).extracting(HeartbeatMonitor.Lost::peer).containsExactly("late", "later");
    }

    @Test
    void forgottenPeersAreNeverLost() {
        var monitor = new HeartbeatMonitor<String>(clock, Duration.ofSeconds(1), Duration.ofSeconds(3));
        monitor.heard("a");
        monitor.forget("a");
        clock.advanceMillis(60_000);
        assertThat(monitor.expire()).isEmpty();
    }

    @Test
    void heartbeatsAreDueOncePerIntervalWithoutBursts() {
        var monitor = new HeartbeatMonitor<String>(clock, Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(monitor.heartbeatDue()).as("at once").isTrue();
        assertThat(monitor.heartbeatDue()).isFalse();
        clock.advanceMillis(999);
        assertThat(monitor.heartbeatDue()).isFalse();
        clock.advanceMillis(1);
        assertThat(monitor.heartbeatDue()).isTrue();
        clock.advanceMillis(10_000); // the owner was busy for ten intervals
        assertThat(monitor.heartbeatDue()).isTrue();
        assertThat(monitor.heartbeatDue()).as("missed beats are not made up").isFalse();
    }
}
