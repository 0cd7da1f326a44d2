package dev.throng.engine.transport;

import dev.throng.engine.protocol.Message;
import java.time.Duration;

/** Short timings so that integration tests of losses and timeouts take about a second each. */
final class Farm {
    static final String ANY_PORT = "tcp://127.0.0.1:*";

    private Farm() {}

    static ControllerConfig controller() {
        return ControllerConfig.of(ANY_PORT)
                .withControllerId("controller-under-test")
                .withTiming(Duration.ofMillis(200), Duration.ofMillis(3_000));
    }

    static Message.Hello hello(String agentId) {
        return new Message.Hello(agentId, Message.PROTOCOL_VERSION, "0.1.0-test", 4, 1L << 30, 65_536, "test-host");
    }

    static AgentConfig agent(String endpoint, String agentId) {
        return AgentConfig.of(endpoint, hello(agentId))
                .withTiming(Duration.ofMillis(200), Duration.ofMillis(3_000), Duration.ofMillis(1_000));
    }
}
