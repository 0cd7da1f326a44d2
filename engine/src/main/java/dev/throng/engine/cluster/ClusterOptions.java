package dev.throng.engine.cluster;

import dev.throng.engine.transport.ControllerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a distributed run finds its agents. Immutable.
 *
 * @param bindEndpoint where the controller binds, e.g. {@code tcp://*:5557} or {@code tcp://127.0.0.1:0}
 * @param keysDirectory the key folder made by {@code throng keys init} (the controller's key and the allow-list), or
 *     {@code null} for plain text without authentication (only when asked for explicitly)
 * @param agents the number of agents to wait for before starting, at least 1
 * @param agentTimeout how long to wait for them
 * @param log receives one line for people per event (agent joined, lost, refused); called from the controller's
 *     threads, must not block
 */
public record ClusterOptions(
        String bindEndpoint, Path keysDirectory, int agents, Duration agentTimeout, Consumer<String> log) {

    /** The default bind address: every interface, port {@value ControllerConfig#DEFAULT_PORT}. */
    public static final String DEFAULT_BIND = "tcp://*:" + ControllerConfig.DEFAULT_PORT;

    /** The default wait for the agents. */
    public static final Duration DEFAULT_AGENT_TIMEOUT = Duration.ofSeconds(60);

    public ClusterOptions {
        Objects.requireNonNull(bindEndpoint, "bindEndpoint");
        Objects.requireNonNull(agentTimeout, "agentTimeout");
        Objects.requireNonNull(log, "log");
        if (agents < 1) {
            throw new IllegalArgumentException("a distributed run needs at least 1 agent, got " + agents);
        }
    }

    /** Whether the controller runs without CURVE (no key folder). */
    public boolean insecure() {
        return keysDirectory == null;
    }

    /**
     * Why a run did not start: the agents that joined within the timeout, those missing, how to start them, and those
     * refused.
     *
     * @param endpoint the controller's address, for the command line it suggests
     */
    String missingAgents(String endpoint, java.util.Collection<String> joined, java.util.List<String> refused) {
        var text = new StringBuilder();
        text.append(joined.size())
                .append(" of ")
                .append(agents)
                .append(agents == 1 ? " agent" : " agents")
                .append(" joined within ")
                .append(agentTimeout.toSeconds())
                .append(" s");
        text.append(joined.isEmpty() ? "" : " (" + String.join(", ", joined) + ")");
        text.append("; ")
                .append(agents - joined.size())
                .append(" missing. Start them with: throng agent --controller ")
                .append(endpoint)
                .append(insecure() ? " --insecure" : " --keys DIR")
                .append(", or lower --agents.");
        if (!refused.isEmpty()) {
            text.append(" Refused: ").append(String.join("; ", refused)).append('.');
        }
        return text.toString();
    }
}
