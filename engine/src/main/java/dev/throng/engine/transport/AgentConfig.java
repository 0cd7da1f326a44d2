package dev.throng.engine.transport;

import dev.throng.engine.protocol.Message;
import dev.throng.engine.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AgentConnection} joins its controller. Immutable.
 *
 * @param controllerEndpoint the controller, e.g. {@code tcp://10.0.0.5:5557}
 * @param hello what the agent says about itself
 * @param clock the clock of heartbeats, silence and the answer timeout
 * @param heartbeatInterval time between heartbeats to the controller
 * @param controllerSilenceLimit a controller not heard for longer is lost (the agent must stop its load)
 * @param answerTimeout how long to wait for a welcome before telling the owner ({@link AgentEvent.Unanswered})
 * @param reconnectMin first reconnection delay (ZMQ_RECONNECT_IVL)
 * @param reconnectMax longest reconnection delay; the delay doubles up to it (ZMQ_RECONNECT_IVL_MAX)
 */
public record AgentConfig(
        String controllerEndpoint,
        Message.Hello hello,
        Clock clock,
        Duration heartbeatInterval,
        Duration controllerSilenceLimit,
        Duration answerTimeout,
        Duration reconnectMin,
        Duration reconnectMax) {

    public AgentConfig {
        Objects.requireNonNull(controllerEndpoint, "controllerEndpoint");
        Objects.requireNonNull(hello, "hello");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(controllerSilenceLimit, "controllerSilenceLimit");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
    }

    /**
     * Heartbeats every second, controller lost after 5 s of silence, warns after 5 s without a welcome, reconnects
     * after 100 ms doubling up to 5 s.
     */
    public static AgentConfig of(String controllerEndpoint, Message.Hello hello) {
        return new AgentConfig(
                controllerEndpoint,
                hello,
                Clock.system(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                Duration.ofSeconds(5));
    }

    /** A hello describing this process: cores, max heap, open-file limit and host name. */
    public static Message.Hello helloOfThisProcess(String agentId, String throngVersion) {
        return new Message.Hello(
                agentId,
                Message.PROTOCOL_VERSION,
                throngVersion,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                Hosts.openFileLimit(),
                Hosts.hostName());
    }

    public AgentConfig withClock(Clock value) {
        return new AgentConfig(
                controllerEndpoint,
                hello,
                value,
                heartbeatInterval,
                controllerSilenceLimit,
                answerTimeout,
                reconnectMin,
                reconnectMax);
    }

    public AgentConfig withTiming(Duration heartbeat, Duration silenceLimit, Duration answer) {
        return new AgentConfig(
                controllerEndpoint, hello, clock, heartbeat, silenceLimit, answer, reconnectMin, reconnectMax);
    }

    public AgentConfig withHello(Message.Hello value) {
        return new AgentConfig(
                controllerEndpoint,
                value,
                clock,
                heartbeatInterval,
                controllerSilenceLimit,
                answerTimeout,
                reconnectMin,
                reconnectMax);
    }
}
