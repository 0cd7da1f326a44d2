package dev.throng.app.agents;

/**
 * One row of the connected-agents table, as text for people. Immutable.
 *
 * @param id the agent's id
 * @param host its host name
 * @param cores its processor count
 * @param memory its maximum heap, e.g. {@code 3.9 GiB}
 * @param state its last reported state (idle, ready, running, stopping)
 * @param lastHeard how long ago it was last heard, e.g. {@code 0.4 s ago}
 */
public record AgentRow(String id, String host, int cores, String memory, String state, String lastHeard) {}
