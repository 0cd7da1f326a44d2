package dev.throng.engine.cluster;

import dev.throng.engine.Version;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.time.Clock;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * An agent in this process: an {@link AgentWorker} behind an {@link AgentLink}, with no transport. The controller
 * drives it exactly as a remote agent. Thread-safe.
 */
final class InProcessAgent implements AgentLink, AutoCloseable {
    private final String id;
    private final Message.Hello hello;
    private final AgentWorker worker;
    private final BlockingQueue<ClusterEvent> controller;
    private final Clock clock;
    private volatile PeerState state = PeerState.IDLE;
    private volatile boolean connected = true;
    private volatile long lastHeard;

    /**
     * @param workRoot where shipped runs are written (a sub-folder per run), when {@code projectDirectory} is null
     * @param projectDirectory the project's own folder, read as it is (nothing written), or {@code null}
     */
    InProcessAgent(
            String id,
            Path workRoot,
            Path projectDirectory,
            Map<String, String> environment,
            Clock clock,
            BlockingQueue<ClusterEvent> controller,
            Consumer<String> log) {
        this.id = id;
        this.clock = clock;
        this.controller = controller;
        this.hello = new Message.Hello(
                id,
                Message.PROTOCOL_VERSION,
                Version.THRONG,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                -1,
                "in-process");
        this.lastHeard = clock.currentTimeMillis();
        this.worker = new AgentWorker(
                workRoot,
                projectDirectory,
                environment,
                clock,
                message -> {
                    if (connected) {
                        controller.add(new ClusterEvent.Received(id, message));
                    }
                },
                value -> {
                    state = value;
                    lastHeard = clock.currentTimeMillis();
                },
                line -> log.accept(id + ": " + line));
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
        return state;
    }

    @Override
    public long lastHeardMillis() {
        if (connected) {
            lastHeard = clock.currentTimeMillis();
        }
        return lastHeard;
    }

    @Override
    public boolean send(Message message) {
        if (!connected) {
            return false;
        }
        worker.onMessage(message);
        return true;
    }

    /**
     * Cuts this agent off, as a network failure would: it stops its load as on a lost controller, and the controller
     * hears that it was lost.
     */
    void disconnect(String reason) {
        connected = false;
        worker.controllerLost(reason);
        controller.add(new ClusterEvent.Lost(id, reason));
    }

    /**
     * This agent leaves, as an agent that is shut down does: it ends its part at once (its last figures and the end
     * of its part reach the controller), then the controller hears it left.
     */
    void leave(String reason) {
        worker.close();
        connected = false;
        controller.add(new ClusterEvent.Lost(id, "left: " + reason));
    }

    @Override
    public void close() {
        connected = false;
        worker.close();
    }
}
