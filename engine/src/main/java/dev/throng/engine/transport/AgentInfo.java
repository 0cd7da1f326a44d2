package dev.throng.engine.transport;

import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;

/**
 * What a {@link ControllerEndpoint} knows of one joined agent. Immutable snapshot.
 *
 * @param agentId the agent's id
 * @param hello what it said when it joined
 * @param state the state of its last heartbeat
 * @param joinedAtMillis when it joined, wall clock ms since the epoch
 * @param lastHeardMillis when it was last heard, wall clock ms since the epoch
 */
public record AgentInfo(
        String agentId, Message.Hello hello, PeerState state, long joinedAtMillis, long lastHeardMillis) {

    AgentInfo withHeard(long millis, PeerState newState) {
        return new AgentInfo(agentId, hello, newState, joinedAtMillis, millis);
    }
}
