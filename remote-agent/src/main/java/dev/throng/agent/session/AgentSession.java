package dev.throng.agent.session;

import dev.throng.engine.Version;
import dev.throng.engine.cluster.AgentWorker;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.transport.AgentConfig;
import dev.throng.engine.transport.AgentConnection;
import dev.throng.engine.transport.AgentEvent;
import dev.throng.engine.transport.KeyStoreDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One agent process's life: joins the controller, runs what it is sent, and keeps going run after run until it is
 * closed or refused. Logs one line per event ("2026-11-29T15:30:00Z agent-1: joined the controller ...").
 *
 * <p>Threads: {@link #run()} blocks the calling thread; {@link #close()} may be called from any thread (a shutdown
 * hook) and makes {@link #run()} return.
 */
public final class AgentSession implements AutoCloseable {

    /**
     * How to join.
     *
     * @param controllerEndpoint e.g. {@code tcp://10.0.0.5:5557}
     * @param keysDirectory a folder with {@code controller.pub} and this agent's key, or {@code null} for plain text
     * @param agentId this agent's id, unique among the controller's agents
     * @param workDirectory where shipped projects and data files are written
     * @param environment the variables {@code ${env:NAME}} reads
     */
    public record Options(
            String controllerEndpoint,
            Path keysDirectory,
            String agentId,
            Path workDirectory,
            Map<String, String> environment) {
        public Options {
            Objects.requireNonNull(controllerEndpoint, "controllerEndpoint");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(workDirectory, "workDirectory");
            environment = Map.copyOf(environment);
        }
    }

    /** How {@link #run()} ended. */
    public enum End {
        /** {@link #close()} was called. */
        CLOSED,
        /** The controller refused this agent (e.g. another protocol version). */
        REFUSED
    }

    private final Options options;
    private final PrintStream log;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicReference<End> end = new AtomicReference<>();
    private volatile AgentConnection connection;
    private volatile AgentWorker worker;

    public AgentSession(Options options, PrintStream log) {
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Joins the controller and serves it until {@link #close()} or a refusal.
     *
     * @throws IOException when the keys cannot be read (the message names the folder and what to do)
     * @throws IllegalArgumentException when the controller address is not valid
     */
    public End run() throws IOException, InterruptedException {
        var hello = AgentConfig.helloOfThisProcess(options.agentId(), Version.THRONG);
        var config = AgentConfig.of(options.controllerEndpoint(), hello);
        worker = new AgentWorker(
                options.workDirectory(),
                options.environment(),
                message -> {
                    AgentConnection c = connection;
                    if (c != null) {
                        c.send(message);
                    }
                },
                state -> {
                    AgentConnection c = connection;
                    if (c != null) {
                        c.setState(state);
                    }
                },
                this::log);
        if (options.keysDirectory() == null) {
            log("WARNING: connecting WITHOUT encryption or authentication (--insecure); use keys outside a trusted"
                    + " network");
            connection = AgentConnection.connectInsecure(config, this::onEvent);
        } else {
            KeyStoreDir.AgentKeys keys = KeyStoreDir.readAgentKeys(options.keysDirectory());
            connection = AgentConnection.connect(config, keys.keys(), keys.controllerPublicKey(), this::onEvent);
        }
        log("agent " + options.agentId() + " (throng " + Version.THRONG + ", " + hello.cores() + " cores) joining "
                + options.controllerEndpoint());
        try {
            ended.await();
        } finally {
            shutdown();
        }
        return end.get();
    }

    /** Stops any load, says bye to the controller and makes {@link #run()} return. Idempotent. */
    @Override
    public void close() {
        end.compareAndSet(null, End.CLOSED);
        ended.countDown();
    }

    private void shutdown() {
        AgentWorker w = worker;
        if (w != null) {
            w.close();
        }
        AgentConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private void onEvent(AgentEvent event) {
        switch (event) {
            case AgentEvent.Welcomed w -> log("joined the controller " + w.controllerId() + "; waiting for a run");
            case AgentEvent.Refused r -> {
                log("REFUSED by the controller: " + r.reason());
                end.compareAndSet(null, End.REFUSED);
                ended.countDown();
            }
            case AgentEvent.Unanswered u -> log("ERROR: " + u.message());
            case AgentEvent.ControllerMessage m -> {
                if (m.message() instanceof Message.Error e) {
                    log("the controller reports: " + e.message());
                } else {
                    worker.onMessage(m.message());
                }
            }
            case AgentEvent.ControllerLost l -> {
                log("lost the controller (" + l.reason() + "); stopping any load and trying to join again");
                worker.controllerLost(l.reason());
            }
            case AgentEvent.FrameDropped d -> log("dropped a frame from the controller: " + d.reason());
        }
    }

    private void log(String line) {
        synchronized (log) {
            log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + options.agentId() + ": " + line);
            log.flush();
        }
    }
}
