package dev.throng.engine.transport;

import dev.throng.engine.protocol.Message;

/** What an {@link AgentConnection} tells its owner. Immutable. */
public sealed interface AgentEvent {

    /** The controller admitted this agent (again, after a loss). */
    record Welcomed(String controllerId) implements AgentEvent {}

    /** The controller refused this agent (e.g. version mismatch); the connection stops trying. */
    record Refused(String reason) implements AgentEvent {}

    /**
     * No answer to the hello within the answer timeout. ZeroMQ refuses silently, so this is how a wrong key shows.
     * The connection keeps trying; the message says what to check.
     */
    record Unanswered(String message) implements AgentEvent {}

    /**
     * A message from the controller: {@link Message.ProjectShipment}, {@link Message.Start}, {@link Message.Change},
     * {@link Message.Stop} or {@link Message.Error}.
     */
    record ControllerMessage(Message message) implements AgentEvent {}

    /**
     * The controller is gone: silent longer than the limit, or it said bye. The agent must stop its load; the
     * connection tries to join again.
     */
    record ControllerLost(String reason) implements AgentEvent {}

    /** A frame that was not a valid message, or not one a controller may send, was dropped. */
    record FrameDropped(String reason) implements AgentEvent {}
}
