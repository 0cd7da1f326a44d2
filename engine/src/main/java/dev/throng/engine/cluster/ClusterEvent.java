package dev.throng.engine.cluster;

/**
 * What a distributed run's thread handles, in the order it was queued: agents joining, their messages, their
 * losses, refused agents, and the commands of the run's handle. Immutable.
 */
sealed interface ClusterEvent {

    /** An agent joined (or joined again). */
    record Joined(AgentLink link) implements ClusterEvent {}

    /** A message from a joined agent. */
    record Received(String agentId, dev.throng.engine.protocol.Message message) implements ClusterEvent {}

    /** An agent went silent, left or joined again; {@code reason} is for people. */
    record Lost(String agentId, String reason) implements ClusterEvent {}

    /** An agent was refused (unknown key, other version); {@code reason} is for people. */
    record Refused(String who, String reason) implements ClusterEvent {}

    /** A command of the run's handle, run on the run's thread. */
    record Command(Runnable action) implements ClusterEvent {}
}
