package dev.throng.engine.run;

/**
 * What the controller knows of one agent (the in-process agent of a local run included).
 *
 * @param id the agent's id
 * @param state "ready", "running", "stopping", "lost", ...
 * @param users users it runs now
 * @param rps requests per second in the last interval
 * @param cpu process CPU share in {@code [0, 1]} of the whole machine, or -1 when unknown
 * @param memoryBytes heap in use, or -1
 * @param lastHeartbeatMillis wall-clock time of the last message, ms since the epoch
 * @param lostAtMillis when it was marked lost (ms since the epoch), or {@code null}
 */
public record AgentStatus(
        String id,
        String state,
        int users,
        double rps,
        double cpu,
        long memoryBytes,
        long lastHeartbeatMillis,
        Long lostAtMillis) {}
