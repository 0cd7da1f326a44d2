package dev.throng.engine.cluster;

import dev.throng.engine.project.Project;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.transport.ControllerConfig;
import dev.throng.engine.transport.ControllerEndpoint;
import dev.throng.engine.transport.ControllerEvent;
import dev.throng.engine.transport.CurveKeys;
import dev.throng.engine.transport.KeyStoreDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The controller of a distributed run: binds the endpoint at once (so agents can join while the run is prepared),
 * then {@link #start} waits for the agents and starts the run. One run per controller; closing the run closes the
 * controller (agents are told bye and go back to waiting for the next controller).
 *
 * <p>Thread-safe. The endpoint's events are queued here and handled by the run's own thread.
 */
public final class Controller implements AutoCloseable {
    private final ClusterOptions options;
    private final LinkedBlockingQueue<ClusterEvent> events = new LinkedBlockingQueue<>();
    private final ControllerEndpoint endpoint;
    private volatile boolean started;

    private Controller(ClusterOptions options) throws IOException {
        this.options = options;
        var config = ControllerConfig.of(options.bindEndpoint());
        if (options.insecure()) {
            endpoint = ControllerEndpoint.bindInsecure(config, this::onEvent);
            options.log()
                    .accept("WARNING: the controller runs without encryption or authentication (--insecure): any host"
                            + " that reaches " + endpoint.endpoint() + " can join and read the project.");
        } else {
            KeyStoreDir.ControllerKeys keys = KeyStoreDir.readControllerKeys(options.keysDirectory());
            endpoint = ControllerEndpoint.bind(config, keys.keys(), keys.allowList(), this::onEvent);
            options.log()
                    .accept("controller key " + CurveKeys.abbreviate(keys.keys().publicKey()) + ", admits the agent"
                            + " keys in " + options.keysDirectory().resolve(KeyStoreDir.AUTHORIZED));
        }
        options.log().accept("controller listening on " + endpoint.endpoint());
    }

    /**
     * Binds the controller as {@code options} say.
     *
     * @throws RunStartException when the keys cannot be read or the address cannot be bound (the message says which
     *     and what to do)
     */
    public static Controller bind(ClusterOptions options) {
        try {
            return new Controller(options);
        } catch (IOException | IllegalArgumentException e) {
            throw new RunStartException(e.getMessage(), e);
        }
    }

    /** The bound address, with the real port, e.g. {@code tcp://127.0.0.1:40123}. */
    public String endpoint() {
        return endpoint.endpoint();
    }

    /** The agents joined now, by id: a snapshot that never blocks (any thread). */
    public java.util.Map<String, dev.throng.engine.transport.AgentInfo> agents() {
        return endpoint.agents();
    }

    /**
     * Waits for the agents (at most the options' timeout), then starts the run of {@code project} on them and
     * returns it. Blocks the calling thread while waiting.
     *
     * @throws RunStartException when the project cannot run, or the agents did not all join in time (the message
     *     names who joined, who was refused and how to start the others); the controller is closed then
     * @throws IllegalStateException when a run was already started on this controller
     */
    public RunHandle start(Project project, RunOptions runOptions, Overrides overrides) throws InterruptedException {
        if (started) {
            throw new IllegalStateException("this controller already ran a run; bind a new one");
        }
        started = true;
        ClusterRun run;
        try {
            run = ClusterRun.prepare(
                    project, runOptions, overrides, options, events, endpoint, endpoint.endpoint(), false);
            run.awaitAgents();
            run.begin();
        } catch (RuntimeException | InterruptedException e) {
            endpoint.close();
            throw e;
        }
        return run;
    }

    /**
     * Runs {@code project} on {@code agents} agents in this process, through the same controller as a distributed run
     * (shares, merged intervals, re-dispatch), without any socket. Returns once the agents were started.
     *
     * @param workRoot where the agents write the shipped project and data files (a sub-folder per agent and run)
     * @param log receives one line per event; must not block
     * @throws RunStartException when the project cannot run
     */
    public static InProcessRun startInProcess(
            Project project,
            RunOptions runOptions,
            Overrides overrides,
            int agents,
            java.nio.file.Path workRoot,
            java.util.function.Consumer<String> log)
            throws InterruptedException {
        var queue = new LinkedBlockingQueue<ClusterEvent>();
        var links = new java.util.ArrayList<InProcessAgent>();
        java.util.function.Function<String, InProcessAgent> make = id -> new InProcessAgent(
                id, workRoot.resolve(id), null, runOptions.environment(), runOptions.clock(), queue, log);
        for (int i = 1; i <= agents; i++) {
            links.add(make.apply("local-" + i));
        }
        AutoCloseable closeAll = () -> links.forEach(InProcessAgent::close);
        var options = new ClusterOptions("in-process", null, agents, java.time.Duration.ofSeconds(10), log);
        ClusterRun run;
        try {
            run = ClusterRun.prepare(project, runOptions, overrides, options, queue, closeAll, "in-process", false);
            links.forEach(link -> queue.add(new ClusterEvent.Joined(link)));
            run.awaitAgents();
            run.begin();
        } catch (RuntimeException | InterruptedException e) {
            links.forEach(InProcessAgent::close);
            throw e;
        }
        return new InProcessRun(run, links, id -> {
            InProcessAgent late = make.apply(id);
            queue.add(new ClusterEvent.Joined(late));
            return late;
        });
    }

    /** The id of the agent of a local run, as the run's snapshots list it. */
    public static final String LOCAL_AGENT = "local";

    /**
     * Runs {@code project} in this process: the controller drives one agent in this process, without any socket, as
     * it drives remote agents. The agent reads the project's folder ({@link RunOptions#projectDirectory()}) as it is.
     * Returns once the run is going.
     *
     * @throws RunStartException when the run cannot start (the project, a secret, a file, the open-file limit: the
     *     message says why and what to do); nothing is left running then
     * @throws InterruptedException when the calling thread is interrupted while the run starts (nothing is left
     *     running)
     */
    public static RunHandle startLocal(Project project, RunOptions runOptions, Overrides overrides)
            throws InterruptedException {
        var queue = new LinkedBlockingQueue<ClusterEvent>();
        java.util.function.Consumer<String> quiet = line -> {};
        Path directory = runOptions.projectDirectory();
        var agent = new InProcessAgent(
                LOCAL_AGENT, directory, directory, runOptions.environment(), runOptions.clock(), queue, quiet);
        var options = new ClusterOptions("in-process", null, 1, java.time.Duration.ofSeconds(10), quiet);
        try {
            var run = ClusterRun.prepare(project, runOptions, overrides, options, queue, agent, "in-process", true);
            queue.add(new ClusterEvent.Joined(agent));
            run.awaitAgents();
            run.begin();
            return run;
        } catch (RuntimeException | InterruptedException e) {
            agent.close();
            throw e;
        }
    }

    /** Closes the endpoint (bye to every agent). A started run is closed by its handle. Idempotent. */
    @Override
    public void close() {
        endpoint.close();
    }

    private void onEvent(ControllerEvent event) {
        switch (event) {
            case ControllerEvent.AgentJoined j ->
                events.add(new ClusterEvent.Joined(new RemoteLink(
                        endpoint,
                        j.agentId(),
                        j.hello(),
                        dev.throng.engine.time.Clock.system().currentTimeMillis())));
            case ControllerEvent.AgentMessage m -> events.add(new ClusterEvent.Received(m.agentId(), m.message()));
            case ControllerEvent.AgentLeft l -> events.add(new ClusterEvent.Lost(l.agentId(), "left: " + l.reason()));
            case ControllerEvent.AgentLost l -> events.add(new ClusterEvent.Lost(l.agentId(), l.reason()));
            case ControllerEvent.AgentRefused r -> {
                options.log().accept("refused " + r.who() + ": " + r.reason());
                events.add(new ClusterEvent.Refused(r.who(), r.reason()));
            }
            case ControllerEvent.FrameDropped d ->
                options.log().accept("dropped a frame from " + d.from() + ": " + d.reason());
        }
    }
}
