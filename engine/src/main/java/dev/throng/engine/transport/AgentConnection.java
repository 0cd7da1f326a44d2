package dev.throng.engine.transport;

import dev.throng.engine.protocol.DecodeResult;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.MessageCodec;
import dev.throng.engine.protocol.PeerState;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * An agent's connection to its controller: a ZeroMQ DEALER that says hello until welcomed, heartbeats, notices when
 * the controller goes silent and carries messages both ways. It keeps going run after run: after a loss it says hello
 * again until the controller answers; only a refusal (e.g. another protocol version) or {@link #close()} ends it.
 *
 * <p>Security: {@link #connect} is a CURVE client with the agent's key pair, pinning the controller's public key.
 * ZeroMQ refuses a wrong key silently (the handshake just fails), so when no welcome comes within the answer timeout
 * the owner gets {@link AgentEvent.Unanswered} saying what to check. Plain text needs {@link #connectInsecure}, which
 * logs a warning.
 *
 * <p>Reconnection: ZMQ_RECONNECT_IVL / ZMQ_RECONNECT_IVL_MAX from the config (delay doubling up to the maximum).
 * ZMQ_IMMEDIATE is on, so nothing is queued for a connection whose handshake has not succeeded; messages given to
 * {@link #send} while not joined are dropped (stats of a run the controller no longer follows are of no use).
 *
 * <p>Threads: the DEALER is created, used and closed by one platform thread owned by this object ("throng-agent"). It
 * polls with a {@value ControllerEndpoint#POLL_MILLIS} ms timeout; nothing interrupts it; {@link #close()} sets a flag
 * and waits for it. The listener is called on that thread: it must return quickly and must not block. All public
 * methods are thread-safe.
 */
public final class AgentConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AgentConnection.class.getName());
    private static final String CONTROLLER = "controller";

    private enum Phase {
        CONNECTING,
        JOINED,
        REFUSED
    }

    private final AgentConfig config;
    private final CurveKeyPair keys;
    private final String controllerPublicKey;
    private final Consumer<AgentEvent> listener;
    private final Queue<byte[]> outbox = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Thread thread;
    private final byte[] helloFrame;
    private volatile boolean running = true;
    private volatile PeerState state = PeerState.IDLE;
    private volatile Phase phase = Phase.CONNECTING;

    // Owned by the socket thread.
    private HeartbeatMonitor<String> monitor;
    private long episodeStartNanos;
    private long nextHelloNanos;
    private boolean warned;
    private final Reassembly reassembly = new Reassembly();

    private AgentConnection(
            AgentConfig config, CurveKeyPair keys, String controllerPublicKey, Consumer<AgentEvent> listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.keys = keys;
        this.controllerPublicKey = controllerPublicKey;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.helloFrame = MessageCodec.encode(config.hello());
        this.thread = Thread.ofPlatform().name("throng-agent").daemon().unstarted(this::run);
    }

    /**
     * Connects with CURVE: the agent's key pair, and the controller's public key it trusts.
     *
     * @param listener receives events on the socket thread; must not block
     * @throws IllegalArgumentException if the endpoint is not a valid ZeroMQ address (the message names it) or a key
     *     is not a Z85 key
     */
    public static AgentConnection connect(
            AgentConfig config, CurveKeyPair agentKeys, String controllerPublicKey, Consumer<AgentEvent> listener) {
        Objects.requireNonNull(agentKeys, "agentKeys");
        CurveKeys.requireKey(controllerPublicKey, "the controller's public key");
        return new AgentConnection(config, agentKeys, controllerPublicKey, listener).start();
    }

    /** Connects in plain text, to a controller bound with {@code bindInsecure}. Logs a warning. */
    public static AgentConnection connectInsecure(AgentConfig config, Consumer<AgentEvent> listener) {
        LOG.log(
                Level.WARNING,
                "Connecting to {0} WITHOUT encryption or authentication: anyone on the path can read and forge"
                        + " messages. Use CURVE keys (throng keys init) outside a trusted network.",
                config.controllerEndpoint());
        return new AgentConnection(config, null, null, listener).start();
    }

    private AgentConnection start() {
        thread.start();
        try {
            connected.get();
            return this;
        } catch (ExecutionException e) {
            throw new IllegalArgumentException(
                    "cannot connect to " + config.controllerEndpoint() + ": "
                            + e.getCause().getMessage() + " (expected tcp://HOST:PORT)",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while connecting to " + config.controllerEndpoint(), e);
        }
    }

    /** Whether the controller has welcomed this agent and has not been lost since. */
    public boolean isJoined() {
        return phase == Phase.JOINED;
    }

    /** The state sent in heartbeats. */
    public void setState(PeerState value) {
        state = Objects.requireNonNull(value, "state");
    }

    /**
     * Queues a message to the controller. Dropped if the agent is not joined when the socket thread takes it.
     *
     * @throws IllegalArgumentException if the message exceeds the protocol's size limit
     */
    public void send(Message message) {
        outbox.add(MessageCodec.encode(message));
    }

    /** Says bye if joined (at most 100 ms are given to deliver it), closes the socket. Idempotent. */
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
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket dealer;
            try {
                dealer = context.createSocket(SocketType.DEALER);
                dealer.setLinger(0);
                dealer.setImmediate(true);
                dealer.setHandshakeIvl(ControllerEndpoint.HANDSHAKE_MILLIS);
                dealer.setIdentity(routingId());
                dealer.setMaxMsgSize(MessageCodec.MAX_PROJECT_FRAME_BYTES + (1L << 20));
                dealer.setReconnectIVL((int) config.reconnectMin().toMillis());
                dealer.setReconnectIVLMax((int) config.reconnectMax().toMillis());
                if (keys != null) {
                    dealer.setCurvePublicKey(CurveKeys.decode(keys.publicKey()));
                    dealer.setCurveSecretKey(CurveKeys.decode(keys.secretKey()));
                    dealer.setCurveServerKey(CurveKeys.decode(controllerPublicKey));
                }
                dealer.connect(config.controllerEndpoint());
                connected.complete(null);
            } catch (RuntimeException e) {
                connected.completeExceptionally(e);
                return;
            }
            loop(context, dealer);
            if (phase == Phase.JOINED) {
                dealer.send(MessageCodec.encode(new Message.Bye("the agent is shutting down")), ZMQ.DONTWAIT);
                context.setLinger(100); // applied to the socket as the context closes it
            }
        } catch (RuntimeException e) {
            connected.completeExceptionally(e); // no effect once started; unblocks the caller otherwise
            LOG.log(Level.ERROR, "The agent's socket thread failed; the controller will see it as lost", e);
        }
    }

    /** A random routing id, so that the controller recognises this connection across TCP reconnections. */
    private static byte[] routingId() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        id[0] = 'A'; // routing ids starting with 0 are reserved by ZeroMQ
        return id;
    }

    private void loop(ZContext context, ZMQ.Socket dealer) {
        monitor = new HeartbeatMonitor<>(config.clock(), config.heartbeatInterval(), config.controllerSilenceLimit());
        toConnecting();
        ZMQ.Poller poller = context.createPoller(1);
        poller.register(dealer, ZMQ.Poller.POLLIN);
        while (running) {
            poller.poll(ControllerEndpoint.POLL_MILLIS);
            byte[] frame;
            while ((frame = dealer.recv(ZMQ.DONTWAIT)) != null) {
                boolean extraParts = false;
                while (dealer.hasReceiveMore()) {
                    dealer.recv(0);
                    extraParts = true;
                }
                if (extraParts) {
                    drop("a message of several parts (expected 1)");
                } else {
                    receive(dealer, frame);
                }
            }
            byte[] outgoing;
            while ((outgoing = outbox.poll()) != null) {
                if (phase == Phase.JOINED) {
                    dealer.send(outgoing, ZMQ.DONTWAIT);
                }
            }
            long now = config.clock().nanoTime();
            switch (phase) {
                case CONNECTING -> {
                    if (now - nextHelloNanos >= 0) {
                        boolean sent = dealer.send(helloFrame, ZMQ.DONTWAIT);
                        // Not sent: no connection has completed its handshake yet; try again soon.
                        nextHelloNanos = now + (sent ? config.answerTimeout() : config.reconnectMin()).toNanos();
                    }
                    if (!warned
                            && now - episodeStartNanos >= config.answerTimeout().toNanos()) {
                        warned = true;
                        String message = unansweredMessage();
                        LOG.log(Level.WARNING, message);
                        emit(new AgentEvent.Unanswered(message));
                    }
                }
                case JOINED -> {
                    if (monitor.heartbeatDue()) {
                        dealer.send(
                                MessageCodec.encode(
                                        new Message.Heartbeat(config.clock().currentTimeMillis(), state)),
                                ZMQ.DONTWAIT);
                    }
                    for (HeartbeatMonitor.Lost<String> lost : monitor.expire()) {
                        lose("the controller has been silent for " + lost.silentMillis() + " ms");
                    }
                }
                case REFUSED -> {}
            }
        }
        poller.close();
    }

    private void receive(ZMQ.Socket dealer, byte[] frame) {
        if (Fragments.isFragment(frame)) {
            if (phase != Phase.JOINED) {
                drop("a fragment before being welcomed");
                return;
            }
            monitor.heard(CONTROLLER);
            switch (reassembly.accept(frame)) {
                case Reassembly.Refused refused -> drop(refused.reason());
                case Reassembly.Accepted accepted -> {
                    dealer.send(accepted.ack(), ZMQ.DONTWAIT);
                    if (accepted.complete() != null) {
                        receive(dealer, accepted.complete());
                    }
                }
            }
            return;
        }
        switch (MessageCodec.decode(frame)) {
            case DecodeResult.Invalid invalid -> drop(invalid.reason());
            case DecodeResult.OtherVersion other -> drop("a message of " + other.describe());
            case DecodeResult.Decoded decoded -> {
                if (phase == Phase.JOINED) {
                    monitor.heard(CONTROLLER);
                }
                handle(decoded.message());
            }
        }
    }

    private void handle(Message message) {
        switch (message) {
            case Message.Welcome welcome -> {
                if (phase == Phase.CONNECTING) {
                    phase = Phase.JOINED;
                    monitor.heard(CONTROLLER);
                    LOG.log(
                            Level.INFO,
                            "Joined the controller {0} at {1}",
                            welcome.controllerId(),
                            config.controllerEndpoint());
                    emit(new AgentEvent.Welcomed(welcome.controllerId()));
                }
            }
            case Message.Refused refused -> {
                if (phase != Phase.REFUSED) {
                    phase = Phase.REFUSED;
                    monitor.forget(CONTROLLER);
                    LOG.log(
                            Level.ERROR,
                            "The controller at {0} refused this agent: {1}",
                            config.controllerEndpoint(),
                            refused.reason());
                    emit(new AgentEvent.Refused(refused.reason()));
                }
            }
            case Message.Bye bye -> {
                if (phase == Phase.JOINED) {
                    lose("the controller said bye: " + bye.reason());
                }
            }
            case Message.Heartbeat heartbeat -> {}
            case Message.ProjectShipment m -> forward(m);
            case Message.Start m -> forward(m);
            case Message.Change m -> forward(m);
            case Message.Stop m -> forward(m);
            case Message.Error m -> forward(m);
            case Message.Hello m -> drop("a Hello message, which only an agent sends");
            case Message.Stats m -> drop("a Stats message, which only an agent sends");
            case Message.Ended m -> drop("an Ended message, which only an agent sends");
        }
    }

    private void forward(Message message) {
        if (phase == Phase.JOINED) {
            emit(new AgentEvent.ControllerMessage(message));
        } else {
            drop("a " + message.getClass().getSimpleName() + " message before being welcomed");
        }
    }

    private void lose(String reason) {
        LOG.log(Level.WARNING, "Lost the controller at {0}: {1}", config.controllerEndpoint(), reason);
        toConnecting();
        emit(new AgentEvent.ControllerLost(reason));
    }

    private void toConnecting() {
        phase = Phase.CONNECTING;
        monitor.forget(CONTROLLER);
        reassembly.reset();
        episodeStartNanos = config.clock().nanoTime();
        nextHelloNanos = episodeStartNanos;
        warned = false;
    }

    private String unansweredMessage() {
        String waited = config.answerTimeout().toMillis() + " ms";
        if (keys == null) {
            return "the controller at " + config.controllerEndpoint() + " did not answer within " + waited
                    + ": is it running and reachable, and was it also started in insecure mode? Still trying.";
        }
        return "the controller at " + config.controllerEndpoint() + " did not answer within " + waited
                + ": is it running and reachable, is this agent's public key (" + keys.publicKey()
                + ") in its allow-list (the authorized/ folder of its keys), and is the controller key this agent"
                + " pins (" + CurveKeys.abbreviate(controllerPublicKey) + ", from controller.pub) right? Still trying.";
    }

    private void drop(String reason) {
        LOG.log(Level.WARNING, "Dropped a frame from the controller at {0}: {1}", config.controllerEndpoint(), reason);
        emit(new AgentEvent.FrameDropped(reason));
    }

    private void emit(AgentEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The agent's event listener failed on " + event, e);
        }
    }
}
