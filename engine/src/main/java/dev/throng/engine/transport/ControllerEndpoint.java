package dev.throng.engine.transport;

import dev.throng.engine.Version;
import dev.throng.engine.protocol.DecodeResult;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.MessageCodec;
import dev.throng.engine.protocol.PeerState;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The controller's end of the farm: a ZeroMQ ROUTER that admits agents, heartbeats them, notices when they go silent
 * and carries messages both ways.
 *
 * <p>Security: {@link #bind} makes a CURVE server with the controller's secret key and a ZAP handler that admits only
 * the agent keys of an {@link AllowList} (and reports refused keys as {@link ControllerEvent.AgentRefused}). Plain text
 * needs {@link #bindInsecure}, which logs a warning.
 *
 * <p>Protocol handled here: a hello of this protocol version is answered with a welcome ({@link
 * ControllerEvent.AgentJoined}); of another version with a refusal naming both versions; heartbeats go to every
 * joined agent each interval; an agent silent longer than the limit is {@link ControllerEvent.AgentLost}; a message
 * from a peer that has not joined is answered with a bye (so it says hello again). Stats and errors of joined agents
 * reach the owner as {@link ControllerEvent.AgentMessage}. Invalid frames (garbage, oversized, several parts, a type
 * only a controller sends) are dropped, logged and reported as {@link ControllerEvent.FrameDropped}. Frames larger
 * than twice {@link MessageCodec#MAX_FRAME_BYTES} make ZeroMQ drop the sender's connection. Messages larger than
 * {@value Fragments#FRAGMENT_BYTES} bytes go to an agent in acknowledged fragments so that heartbeats keep flowing
 * meanwhile (see {@link Fragments}); the order of the messages to one agent is kept.
 *
 * <p>Threads: the ROUTER and the ZAP socket are created, used and closed by one platform thread owned by this object
 * ("throng-controller"). It polls with a {@value #POLL_MILLIS} ms timeout, so messages queued by {@link #send} leave
 * within about that delay; nothing interrupts it; {@link #close()} sets a flag and waits for it. The listener is called
 * on that thread: it must return quickly and must not block (hand events to your own queue). All public methods are
 * thread-safe.
 */
public final class ControllerEndpoint implements AutoCloseable {
    static final int POLL_MILLIS = 10;

    /**
     * ZMQ_HANDSHAKE_IVL of both ends, ms. JeroMQ 0.6.0 (seen on JDK 25) now and then leaves a fresh TCP connection
     * without its ZMTP greeting; without a handshake timeout (JeroMQ's default is 30 s) such a connection hangs, with
     * it the agent reconnects. Long enough for a CURVE handshake in pure Java on a busy machine.
     */
    static final int HANDSHAKE_MILLIS = 3_000;

    private static final System.Logger LOG = System.getLogger(ControllerEndpoint.class.getName());
    private static final int MAX_RECEIVE_PER_POLL = 1_000;

    private final ControllerConfig config;
    private final CurveKeyPair keys;
    private final AllowList allowList;
    private final Consumer<ControllerEvent> listener;
    private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    private final Map<String, AgentInfo> agents = new ConcurrentHashMap<>();
    private final CompletableFuture<String> bound = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile PeerState state = PeerState.IDLE;
    private volatile String endpoint;

    // Owned by the socket thread.
    private final Map<String, String> agentOfRoute = new HashMap<>();
    private final Map<String, String> routeOfAgent = new HashMap<>();
    private final Map<String, Outbound> outboundOfRoute = new HashMap<>();
    private HeartbeatMonitor<String> monitor;

    private record Outgoing(String agentId, byte[] frame) {}

    private ControllerEndpoint(
            ControllerConfig config, CurveKeyPair keys, AllowList allowList, Consumer<ControllerEvent> listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.keys = keys;
        this.allowList = allowList;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = Thread.ofPlatform().name("throng-controller").daemon().unstarted(this::run);
    }

    /**
     * Binds a CURVE-encrypted controller that admits only the agents of {@code allowList}.
     *
     * @param listener receives events on the socket thread; must not block
     * @throws IOException if the endpoint cannot be bound (the message names it)
     */
    public static ControllerEndpoint bind(
            ControllerConfig config, CurveKeyPair keys, AllowList allowList, Consumer<ControllerEvent> listener)
            throws IOException {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(allowList, "allowList");
        return new ControllerEndpoint(config, keys, allowList, listener).start();
    }

    /**
     * Binds a plain-text controller that admits any agent. For trusted networks and tests only: logs a warning.
     *
     * @throws IOException if the endpoint cannot be bound
     */
    public static ControllerEndpoint bindInsecure(ControllerConfig config, Consumer<ControllerEvent> listener)
            throws IOException {
        LOG.log(
                Level.WARNING,
                "The controller at {0} runs WITHOUT encryption or authentication: any host that reaches it can join"
                        + " and see the project. Use CURVE keys (throng keys init) outside a trusted network.",
                config.bindEndpoint());
        return new ControllerEndpoint(config, null, null, listener).start();
    }

    private ControllerEndpoint start() throws IOException {
        thread.start();
        try {
            endpoint = bound.get();
            return this;
        } catch (ExecutionException e) {
            throw new IOException(
                    "could not bind the controller to " + config.bindEndpoint() + ": "
                            + e.getCause().getMessage()
                            + " (is another controller running there? choose another address or port)",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while binding " + config.bindEndpoint(), e);
        }
    }

    /** The bound endpoint, e.g. {@code tcp://127.0.0.1:40123} (the real port when bound to {@code *}). */
    public String endpoint() {
        return endpoint;
    }

    /** Whether agents must use CURVE and be in the allow-list. */
    public boolean isSecure() {
        return keys != null;
    }

    /** The joined agents, by id. A snapshot. */
    public Map<String, AgentInfo> agents() {
        return Map.copyOf(agents);
    }

    /** The state sent in the controller's heartbeats. */
    public void setState(PeerState value) {
        state = Objects.requireNonNull(value, "state");
    }

    /**
     * Queues a message to one joined agent.
     *
     * @return false if no agent of that id is joined (nothing is sent)
     * @throws IllegalArgumentException if the message exceeds the protocol's size limit
     */
    public boolean send(String agentId, Message message) {
        byte[] frame = MessageCodec.encode(message);
        if (!agents.containsKey(agentId)) {
            return false;
        }
        outbox.add(new Outgoing(agentId, frame));
        return true;
    }

    /** Queues a message to every agent joined when the socket thread sends it. */
    public void broadcast(Message message) {
        outbox.add(new Outgoing(null, MessageCodec.encode(message)));
    }

    /** Says bye to the joined agents (at most 100 ms are given to deliver it), closes the sockets. Idempotent. */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
        try (ZContext context = new ZContext(ioThreads)) {
            ZMQ.Socket zap = null;
            ZMQ.Socket router;
            try {
                if (keys != null) {
                    // Bound before the ROUTER so that no client can complete a handshake without being checked.
                    zap = context.createSocket(SocketType.REP);
                    zap.setLinger(0);
                    zap.bind(ZapHandler.ENDPOINT);
                }
                router = context.createSocket(SocketType.ROUTER);
                router.setLinger(0);
                router.setHandshakeIvl(HANDSHAKE_MILLIS);
                router.setMaxMsgSize(2L * MessageCodec.MAX_FRAME_BYTES);
                if (keys != null) {
                    router.setCurveServer(true);
                    router.setCurveSecretKey(CurveKeys.decode(keys.secretKey()));
                    router.setCurvePublicKey(CurveKeys.decode(keys.publicKey()));
                }
                router.bind(config.bindEndpoint());
                bound.complete(router.getLastEndpoint());
            } catch (RuntimeException e) {
                bound.completeExceptionally(e);
                return;
            }
            loop(context, router, zap);
            sayBye(context, router);
        } catch (RuntimeException e) {
            bound.completeExceptionally(e); // no effect once started; unblocks the caller otherwise
            LOG.log(Level.ERROR, "The controller's socket thread failed; agents will see it as lost", e);
        }
    }

    private void loop(ZContext context, ZMQ.Socket router, ZMQ.Socket zap) {
        monitor = new HeartbeatMonitor<>(config.clock(), config.heartbeatInterval(), config.agentSilenceLimit());
        ZapHandler zapHandler = zap == null
                ? null
                : new ZapHandler(allowList, config.clock(), (who, reason) -> {
                    LOG.log(Level.WARNING, "Refused {0}: {1}", who, reason);
                    emit(new ControllerEvent.AgentRefused(who, reason));
                });
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(router, ZMQ.Poller.POLLIN);
        if (zap != null) {
            poller.register(zap, ZMQ.Poller.POLLIN);
        }
        while (running) {
            poller.poll(POLL_MILLIS);
            if (zapHandler != null) {
                zapHandler.handlePending(zap);
            }
            receive(router);
            Outgoing outgoing;
            while ((outgoing = outbox.poll()) != null) {
                if (outgoing.agentId() == null) {
                    for (Outbound outbound : outboundOfRoute.values()) {
                        outbound.offer(outgoing.frame());
                    }
                } else {
                    String route = routeOfAgent.get(outgoing.agentId());
                    if (route != null) {
                        outboundOfRoute.get(route).offer(outgoing.frame());
                    }
                }
            }
            if (monitor.heartbeatDue() && !agentOfRoute.isEmpty()) {
                byte[] heartbeat =
                        MessageCodec.encode(new Message.Heartbeat(config.clock().currentTimeMillis(), state));
                for (String route : agentOfRoute.keySet()) {
                    sendTo(router, route, heartbeat);
                }
            }
            for (HeartbeatMonitor.Lost<String> lost : monitor.expire()) {
                String agentId = forget(lost.peer());
                if (agentId != null) {
                    String reason = "silent for " + lost.silentMillis() + " ms";
                    LOG.log(Level.WARNING, "Lost agent {0}: {1}", agentId, reason);
                    emit(new ControllerEvent.AgentLost(agentId, reason));
                }
            }
        }
        poller.close();
    }

    private void receive(ZMQ.Socket router) {
        for (int count = 0; count < MAX_RECEIVE_PER_POLL; count++) {
            byte[] routingId = router.recv(ZMQ.DONTWAIT);
            if (routingId == null) {
                return;
            }
            List<byte[]> parts = new ArrayList<>(1);
            while (router.hasReceiveMore()) {
                parts.add(router.recv(0));
            }
            String route = new String(routingId, StandardCharsets.ISO_8859_1);
            String agentId = agentOfRoute.get(route);
            if (agentId != null) {
                monitor.heard(route);
            }
            if (parts.size() != 1) {
                drop(agentId, "a message of " + parts.size() + " parts (expected 1)");
                continue;
            }
            if (Fragments.isAck(parts.getFirst())) {
                Outbound outbound = outboundOfRoute.get(route);
                if (outbound == null || !outbound.ack(parts.getFirst())) {
                    drop(agentId, "an acknowledgement of a fragment that was not sent or not expected");
                }
                continue;
            }
            switch (MessageCodec.decode(parts.getFirst())) {
                case DecodeResult.Invalid invalid -> drop(agentId, invalid.reason());
                case DecodeResult.OtherVersion other -> refuseVersion(router, route, other);
                case DecodeResult.Decoded decoded -> handle(router, route, agentId, decoded.message());
            }
        }
    }

    private void handle(ZMQ.Socket router, String route, String agentId, Message message) {
        long now = config.clock().currentTimeMillis();
        switch (message) {
            case Message.Hello hello -> join(router, route, agentId, hello, now);
            case Message.Heartbeat heartbeat -> {
                if (agentId == null) {
                    dismiss(router, route);
                } else {
                    agents.computeIfPresent(agentId, (id, info) -> info.withHeard(now, heartbeat.state()));
                }
            }
            case Message.Bye bye -> {
                if (agentId != null) {
                    forget(route);
                    LOG.log(Level.INFO, "Agent {0} left: {1}", agentId, bye.reason());
                    emit(new ControllerEvent.AgentLeft(agentId, bye.reason()));
                }
            }
            case Message.Stats stats -> forward(router, route, agentId, stats, now);
            case Message.Error error -> forward(router, route, agentId, error, now);
            case Message.Ended ended -> forward(router, route, agentId, ended, now);
            case Message.Welcome m -> dropControllerOnly(agentId, m);
            case Message.Refused m -> dropControllerOnly(agentId, m);
            case Message.ProjectShipment m -> dropControllerOnly(agentId, m);
            case Message.Start m -> dropControllerOnly(agentId, m);
            case Message.Change m -> dropControllerOnly(agentId, m);
            case Message.Stop m -> dropControllerOnly(agentId, m);
        }
    }

    private void join(ZMQ.Socket router, String route, String knownId, Message.Hello hello, long now) {
        assert Thread.currentThread() == thread : "socket-thread only";
        if (knownId != null) {
            // The agent says hello again only when it has reset: it lost this controller, or never heard the welcome.
            // Either way it runs nothing now.
            forget(route);
            emit(new ControllerEvent.AgentLost(knownId, "it joined again (it had lost this controller)"));
        }
        byte[] welcome = MessageCodec.encode(new Message.Welcome(config.controllerId()));
        String agentId = hello.agentId();
        String oldRoute = routeOfAgent.get(agentId);
        if (oldRoute != null) {
            forget(oldRoute);
            sendTo(
                    router,
                    oldRoute,
                    MessageCodec.encode(new Message.Bye("replaced by a new connection of " + agentId)));
            emit(new ControllerEvent.AgentLost(agentId, "replaced by a new connection with the same id"));
        }
        agentOfRoute.put(route, agentId);
        routeOfAgent.put(agentId, route);
        outboundOfRoute.put(route, new Outbound(frame -> sendTo(router, route, frame)));
        monitor.heard(route);
        agents.put(agentId, new AgentInfo(agentId, hello, PeerState.IDLE, now, now));
        sendTo(router, route, welcome);
        LOG.log(
                Level.INFO,
                "Agent {0} joined ({1} cores, {2} MiB heap, open-file limit {3}, host {4})",
                agentId,
                hello.cores(),
                hello.memoryBytes() >> 20,
                hello.openFileLimit(),
                hello.hostName());
        emit(new ControllerEvent.AgentJoined(agentId, hello));
    }

    private void forward(ZMQ.Socket router, String route, String agentId, Message message, long now) {
        if (agentId == null) {
            dismiss(router, route);
            return;
        }
        agents.computeIfPresent(agentId, (id, info) -> info.withHeard(now, info.state()));
        emit(new ControllerEvent.AgentMessage(agentId, message));
    }

    private void refuseVersion(ZMQ.Socket router, String route, DecodeResult.OtherVersion other) {
        String who = other.agentId() == null ? "an agent" : "agent " + other.agentId();
        String reason = who + " runs " + other.describe() + " but the controller runs Throng " + Version.THRONG
                + ", protocol " + Message.PROTOCOL_VERSION
                + ": install the same Throng release on the controller and its agents";
        sendTo(router, route, MessageCodec.encode(new Message.Refused(reason)));
        LOG.log(Level.WARNING, "Refused {0}: {1}", who, reason);
        emit(new ControllerEvent.AgentRefused(who, reason));
    }

    /** A peer that has not joined (lost, or this controller restarted) is told to say hello again. */
    private void dismiss(ZMQ.Socket router, String route) {
        sendTo(
                router,
                route,
                MessageCodec.encode(new Message.Bye(
                        "this controller does not know you (you were lost, or it restarted): say hello again")));
    }

    private void dropControllerOnly(String agentId, Message message) {
        drop(agentId, "a " + message.getClass().getSimpleName() + " message, which only a controller sends");
    }

    private void drop(String agentId, String reason) {
        String from = agentId == null ? "a peer that has not joined" : "agent " + agentId;
        LOG.log(Level.WARNING, "Dropped a frame from {0}: {1}", from, reason);
        emit(new ControllerEvent.FrameDropped(from, reason));
    }

    private String forget(String route) {
        monitor.forget(route);
        outboundOfRoute.remove(route);
        String agentId = agentOfRoute.remove(route);
        if (agentId != null) {
            routeOfAgent.remove(agentId);
            agents.remove(agentId);
        }
        return agentId;
    }

    private static void sendTo(ZMQ.Socket router, String route, byte[] frame) {
        router.sendMore(route.getBytes(StandardCharsets.ISO_8859_1));
        router.send(frame, ZMQ.DONTWAIT);
    }

    private void sayBye(ZContext context, ZMQ.Socket router) {
        if (!agentOfRoute.isEmpty()) {
            byte[] bye = MessageCodec.encode(new Message.Bye("the controller is shutting down"));
            for (String route : agentOfRoute.keySet()) {
                sendTo(router, route, bye);
            }
            context.setLinger(100); // applied to the sockets as the context closes them
        }
        agents.clear();
    }

    private void emit(ControllerEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The controller's event listener failed on " + event, e);
        }
    }
}
