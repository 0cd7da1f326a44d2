package dev.throng.engine.cluster;

import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;

/**
 * The controller's line to one agent: what it said when it joined, how it is doing, and a way to send it a message.
 * Implemented over the transport for remote agents; a test (or an in-process agent) can implement it directly.
 * Thread-safe.
 */
public interface AgentLink {

    /** The agent's id, unique among the joined agents. */
    String id();

    /** What the agent said when it joined (host name, cores, memory). */
    Message.Hello hello();

    /** The state of the agent's last heartbeat. */
    PeerState state();

    /** When the agent was last heard, wall clock ms since the epoch. */
    long lastHeardMillis();

    /** Queues {@code message} for the agent; false when it is no longer reachable (nothing is sent). */
    boolean send(Message message);
}
