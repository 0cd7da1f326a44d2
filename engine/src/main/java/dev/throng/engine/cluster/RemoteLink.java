package dev.throng.engine.cluster;

import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.transport.AgentInfo;
import dev.throng.engine.transport.ControllerEndpoint;

/** An {@link AgentLink} over the controller's ZeroMQ endpoint. Thread-safe. */
final class RemoteLink implements AgentLink {
    private final ControllerEndpoint endpoint;
    private final String id;
    private final Message.Hello hello;
    private volatile long lastHeard;
    private volatile PeerState lastState = PeerState.IDLE;

    RemoteLink(ControllerEndpoint endpoint, String id, Message.Hello hello, long joinedMillis) {
        this.endpoint = endpoint;
        this.id = id;
        this.hello = hello;
        this.lastHeard = joinedMillis;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Message.Hello hello() {
        return hello;
    }

    @Override
    public PeerState state() {
        refresh();
        return lastState;
    }

    @Override
    public long lastHeardMillis() {
        refresh();
        return lastHeard;
    }

    private void refresh() {
        AgentInfo info = endpoint.agents().get(id);
        if (info != null) {
            lastHeard = info.lastHeardMillis();
            lastState = info.state();
        }
    }

    @Override
    public boolean send(Message message) {
        return endpoint.send(id, message);
    }
}
