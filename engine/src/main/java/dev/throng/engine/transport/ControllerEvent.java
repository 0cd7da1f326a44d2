package dev.throng.engine.transport;

import dev.throng.engine.protocol.Message;

/** What a {@link ControllerEndpoint} tells its owner. Immutable. */
public sealed interface ControllerEvent {

    /**
     * An agent was admitted (welcomed). It runs nothing yet. The same agent joins again after it was lost (the loss
     * is reported first).
     */
    record AgentJoined(String agentId, Message.Hello hello) implements ControllerEvent {}

    /** A message from a joined agent ({@link Message.Stats} or {@link Message.Error}). */
    record AgentMessage(String agentId, Message message) implements ControllerEvent {}

    /** A joined agent said bye. */
    record AgentLeft(String agentId, String reason) implements ControllerEvent {}

    /**
     * A joined agent was lost: silent longer than the limit, replaced by a new connection with the same id, or it said
     * hello again (it had lost the controller and stopped its load). Its users must be handed to the others.
     *
     * @param agentId the agent
     * @param reason for people, e.g. "silent for 3012 ms"
     */
    record AgentLost(String agentId, String reason) implements ControllerEvent {}

    /**
     * An agent was refused: its key is not in the allow-list, or it speaks another protocol version.
     *
     * @param who the agent (id, or public key and address when refused during the handshake)
     * @param reason for people
     */
    record AgentRefused(String who, String reason) implements ControllerEvent {}

    /** A frame that was not a valid message, or not one an agent may send, was dropped. */
    record FrameDropped(String from, String reason) implements ControllerEvent {}
}
