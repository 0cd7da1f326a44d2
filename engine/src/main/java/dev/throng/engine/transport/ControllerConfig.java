package dev.throng.engine.transport;

import dev.throng.engine.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ControllerEndpoint} binds and watches its agents. Immutable.
 *
 * @param bindEndpoint where to bind, e.g. {@code tcp://*:5557} or {@code tcp://127.0.0.1:*} (any free port)
 * @param controllerId names this controller in the agents' logs
 * @param clock the clock of heartbeats and silence
 * @param heartbeatInterval time between heartbeats to each agent
 * @param agentSilenceLimit an agent not heard for longer is lost
 */
public record ControllerConfig(
        String bindEndpoint, String controllerId, Clock clock, Duration heartbeatInterval, Duration agentSilenceLimit) {

    public static final int DEFAULT_PORT = 5557;

    public ControllerConfig {
        Objects.requireNonNull(bindEndpoint, "bindEndpoint");
        Objects.requireNonNull(controllerId, "controllerId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(agentSilenceLimit, "agentSilenceLimit");
    }

    /** Binds {@code bindEndpoint}, heartbeats every second, an agent silent for 3 s is lost. */
    public static ControllerConfig of(String bindEndpoint) {
        return new ControllerConfig(
                bindEndpoint,
                Hosts.processName("controller"),
                Clock.system(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3));
    }

    public ControllerConfig withClock(Clock value) {
        return new ControllerConfig(bindEndpoint, controllerId, value, heartbeatInterval, agentSilenceLimit);
    }

    public ControllerConfig withTiming(Duration heartbeat, Duration silenceLimit) {
        return new ControllerConfig(bindEndpoint, controllerId, clock, heartbeat, silenceLimit);
    }

    public ControllerConfig withControllerId(String value) {
        return new ControllerConfig(bindEndpoint, value, clock, heartbeatInterval, agentSilenceLimit);
    }
}
