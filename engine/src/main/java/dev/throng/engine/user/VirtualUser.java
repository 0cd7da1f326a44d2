package dev.throng.engine.user;

import dev.throng.engine.load.Conditions;
import dev.throng.engine.load.EdgeChoice;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One simulated user: its variables, its transport (cookies and keep-alive connection), its random generator, and
 * the interpreter of its profile's flows.
 *
 * <p>Confined to one thread (a virtual thread per user in a run); only its {@link UserControl} is touched by others.
 * Times are read from the run's clock; latencies are reported in µs.
 */
public final class VirtualUser implements TemplateContext {
    /** The wait after an iteration that did nothing, so an empty flow does not spin, ns. */
    static final long IDLE_ITERATION_NANOS = 1_000_000_000L;

    /** The most steps one iteration of a debug run takes. */
    static final int MAX_DEBUG_STEPS = 200;

    private static final int EXAMPLE_BODY_CHARS = 200;

    /**
     * The shortest think time (or pacing interval) from which a user started with {@link #startClosed} gives its
     * thread up while it thinks, ns. See {@link #startClosed}.
     */
    static final long HAND_OFF_MIN_THINK_NANOS = 1_000_000_000L;

    /** The failure kind of a call cut short because its thread was interrupted; never counted. */
    static final String CANCELLED = "cancelled";

    private final UserEnvironment env;
    private final UserProfile profile;
    private final long index;
    private final RandomGenerator random;
    private final Transport transport;
    private final UserControl control;
    private final Clock clock;
    private final Map<String, String> vars = new HashMap<>();

    /** The debug run's exchanges, or {@code null} in a load run. */
    private List<Exchange> exchanges;

    /** The open model's intended start, applied to the first request only; {@code Long.MIN_VALUE} when none. */
    private long intendedStartNanos = Long.MIN_VALUE;

    /** Called once when a user started with {@link #startClosed} or {@link #startOnce} ends; else {@code null}. */
    private Consumer<RuntimeException> ended;

    /** Whether the user was set up and its start flow run (a closed-model user resumed after a think time). */
    private boolean begun;

    private long expectedIntervalMicros;
    private boolean stoppedByData;
    private boolean inStopFlow;

    public VirtualUser(
            UserEnvironment env,
            UserProfile profile,
            long index,
            RandomGenerator random,
            Transport transport,
            UserControl control) {
        this.env = env;
        this.profile = profile;
        this.index = index;
        this.random = random;
        this.transport = transport;
        this.control = control;
        this.clock = env.config.clock();
    }

    /** The profile this user runs. */
    public UserProfile profile() {
        return profile;
    }

    /**
     * The closed model on the calling thread: sets up the user, runs the start flow with its probability, loops the
     * main flow with think times until asked to stop, then (on a graceful stop) runs the stop flow. Closes the
     * transport at the end. The user keeps the calling thread while it thinks.
     *
     * @throws InterruptedException when the user was killed
     */
    public void runClosed() throws InterruptedException {
        try {
            closedLoop(false);
        } finally {
            transport.close();
        }
    }

    /**
     * The closed model on virtual threads: returns at once; the user runs as {@link #runClosed()} does, except that
     * while it thinks for {@link #HAND_OFF_MIN_THINK_NANOS} or more it holds no thread: its thread ends, the run's
     * timer keeps its deadline, and a new virtual thread goes on at the deadline (or at once on a stop or a kill).
     *
     * <p>Why: a parked virtual thread keeps a stack chunk as large as the deepest stack it ever parked with (socket
     * I/O parks deep inside the HTTP code), a few KB; a waiting user is then its objects and one timer entry. Cost: a
     * thread start per iteration, for users that make at most one iteration a second.
     *
     * @param ended called once, on the user's last thread, after the transport is closed: with {@code null} when the
     *     user ended or was killed, with the error when it stopped on an internal error
     */
    public void startClosed(Consumer<RuntimeException> ended) {
        this.ended = Objects.requireNonNull(ended, "ended");
        startThread(this::closedSegment);
    }

    /**
     * The open model on a new virtual thread: {@link #runOnce} there; {@code ended} as in {@link #startClosed}.
     */
    public void startOnce(long intendedStartNanos, Consumer<RuntimeException> ended) {
        this.ended = Objects.requireNonNull(ended, "ended");
        startThread(() -> {
            RuntimeException error = null;
            try {
                runOnce(intendedStartNanos);
            } catch (InterruptedException e) {
                // killed: nothing more to do
            } catch (RuntimeException e) {
                error = e;
            }
            this.ended.accept(error);
        });
    }

    /** Goes on with a suspended closed-model user on a new thread. Called by its {@link UserControl}. */
    void resume() {
        startThread(this::closedSegment);
    }

    private void startThread(Runnable task) {
        Thread.ofVirtual().name("throng-user-" + index).start(task);
    }

    /** One stretch of a closed-model user on one thread: up to its next thread-less think time, or to its end. */
    private void closedSegment() {
        boolean over = true;
        RuntimeException error = null;
        try {
            over = closedLoop(true);
        } catch (InterruptedException e) {
            // killed: nothing more to do
        } catch (RuntimeException e) {
            error = e;
        } finally {
            if (over) {
                try {
                    transport.close();
                } finally {
                    ended.accept(error);
                }
            }
        }
    }

    /**
     * The closed model's loop from where the user is. Returns true when the user is over, false when it gave its
     * thread up to think ({@code mayHandOff} only) and will be resumed.
     */
    private boolean closedLoop(boolean mayHandOff) throws InterruptedException {
        control.bind(Thread.currentThread());
        ThinkTime think = profile.thinkTime();
        if (!begun) {
            begun = true;
            if (!begin()) {
                return true;
            }
            maybeRunStartFlow();
            long interval = pacingNanos(think);
            expectedIntervalMicros = interval > 0 ? interval / 1000 : 0;
        }
        while (!control.isStopping()) {
            long iterationStart = clock.nanoTime();
            if (!takeData(DataBinding.When.EACH_ITERATION)) {
                return true;
            }
            boolean worked = runFlow(profile.mainFlow());
            if (control.isStopping()) {
                break;
            }
            long wait = thinkNanos(think, iterationStart);
            if (!worked && wait <= 0) {
                wait = IDLE_ITERATION_NANOS;
            }
            if (wait > 0) {
                long deadline = clock.nanoTime() + wait;
                if (mayHandOff && wait >= HAND_OFF_MIN_THINK_NANOS) {
                    transport.idle();
                    if (control.suspend(env.wakeups, deadline, this)) {
                        return false;
                    }
                    break;
                }
                if (!control.pause(clock, deadline)) {
                    break;
                }
            }
        }
        expectedIntervalMicros = 0;
        runStopFlow();
        return true;
    }

    /**
     * The open model: one arrival, meant to start at {@code intendedStartNanos}. Sets up the user, runs the start
     * flow with its probability and one iteration of the main flow; the first request's latency counts from the
     * intended start. Closes the transport at the end.
     *
     * @throws InterruptedException when the user was killed
     */
    public void runOnce(long intendedStartNanos) throws InterruptedException {
        control.bind(Thread.currentThread());
        this.intendedStartNanos = intendedStartNanos;
        try {
            if (!begin()) {
                return;
            }
            maybeRunStartFlow();
            if (!control.isStopping() && takeData(DataBinding.When.EACH_ITERATION)) {
                runFlow(profile.mainFlow());
            }
        } finally {
            transport.close();
        }
    }

    /**
     * A debug run: the start flow (always, whatever its probability), then {@code iterations} iterations of the main
     * flow without think times; every request is returned with its response.
     */
    public List<Exchange> debug(int iterations) throws InterruptedException {
        control.bind(Thread.currentThread());
        exchanges = new ArrayList<>();
        try {
            if (!begin()) {
                return List.copyOf(exchanges);
            }
            if (profile.startFlow() != null) {
                runFlow(profile.startFlow());
            }
            for (int i = 0; i < iterations && !control.isStopping(); i++) {
                if (!takeData(DataBinding.When.EACH_ITERATION)) {
                    break;
                }
                runFlow(profile.mainFlow());
            }
            return List.copyOf(exchanges);
        } finally {
            transport.close();
        }
    }

    /**
     * Sends one step of a flow alone (a request, or every request of a group), after setting the user up and adding
     * {@code variables}; returns its exchanges. For the designer's "send once".
     *
     * @throws IllegalArgumentException when the flow or the step does not exist
     */
    public List<Exchange> sendOnce(String flowId, String stepId, Map<String, String> variables)
            throws InterruptedException {
        control.bind(Thread.currentThread());
        exchanges = new ArrayList<>();
        try {
            CompiledFlow flow = env.flows.get(flowId);
            if (flow == null) {
                throw new IllegalArgumentException("there is no flow '" + flowId + "'");
            }
            Step step = flow.steps().get(stepId);
            if (step == null) {
                throw new IllegalArgumentException("the flow '" + flowId + "' has no step '" + stepId + "'");
            }
            begin();
            vars.putAll(variables);
            runStep(flowId, step);
            return List.copyOf(exchanges);
        } finally {
            transport.close();
        }
    }

    /** Whether the user ended because a unique data source ran out. */
    public boolean stoppedByData() {
        return stoppedByData;
    }

    /** The user's variables now (a copy). */
    public Map<String, String> variables() {
        return Map.copyOf(vars);
    }

    private boolean begin() {
        // rows first, so project variables may be built from a row's columns
        boolean keepGoing = takeData(DataBinding.When.USER_START);
        for (var v : env.variables) {
            try {
                vars.putIfAbsent(v.getKey(), v.getValue().render(this));
            } catch (TemplateException e) {
                // a variable built from one not set yet (e.g. a column read at each iteration) stays unset
            }
        }
        return keepGoing;
    }

    private void maybeRunStartFlow() throws InterruptedException {
        if (profile.startFlow() != null && random.nextDouble() < profile.startProbability()) {
            runFlow(profile.startFlow());
        }
    }

    private void runStopFlow() throws InterruptedException {
        if (profile.stopFlow() != null && !control.isKilled() && !stoppedByData) {
            inStopFlow = true;
            control.enterStopFlow();
            runFlow(profile.stopFlow());
        }
    }

    private boolean takeData(DataBinding.When when) {
        for (DataBinding binding : profile.data()) {
            if (binding.when() != when) {
                continue;
            }
            RowSource source = env.config.rowSources().get(binding.source());
            switch (source.take(random)) {
                case RowSource.Take.Row row -> vars.putAll(row.values());
                case RowSource.Take.StopUser s -> {
                    stoppedByData = true;
                    return false;
                }
                case RowSource.Take.FailRun f -> {
                    stoppedByData = true;
                    env.config.failRun().accept(f.message());
                    return false;
                }
            }
        }
        return true;
    }

    /** Runs one iteration of flow {@code flowId}; true when it sent a request or paused. */
    private boolean runFlow(String flowId) throws InterruptedException {
        CompiledFlow flow = env.flows.get(flowId);
        if (flow == null) {
            return false;
        }
        boolean worked = false;
        String node = Flow.START;
        int steps = 0;
        while (true) {
            if (control.isKilled()) {
                throw new InterruptedException("user killed");
            }
            Optional<Edge> edge = EdgeChoice.choose(flow.from(node), c -> Conditions.holds(c, vars::get), random);
            if (edge.isEmpty()) {
                return worked;
            }
            String to = edge.get().to();
            if (to.equals(Flow.END) || to.equals(Flow.START)) {
                return worked;
            }
            Step step = flow.steps().get(to);
            if (step == null || stopBeforeStep()) {
                return worked;
            }
            if (exchanges != null && ++steps > MAX_DEBUG_STEPS) {
                return worked; // a debug run must end even in a flow that loops without an END
            }
            runStep(flow.id(), step);
            worked = true;
            node = to;
        }
    }

    private boolean stopBeforeStep() {
        return control.isStopping() && !inStopFlow && exchanges == null;
    }

    /** Runs one step; returns whether it (or a request inside it) failed. */
    private boolean runStep(String flowId, Step step) throws InterruptedException {
        return switch (step) {
            case Step.Request r -> request(env.request(flowId, r.id()));
            case Step.Pause p -> {
                long min = p.min().toNanos();
                long max = Math.max(min, p.max().toNanos());
                long wait = max > min ? random.nextLong(min, max + 1) : min;
                if (exchanges == null && wait > 0) {
                    control.pause(clock, clock.nanoTime() + wait);
                }
                yield false;
            }
            case Step.Group g -> {
                long start = clock.nanoTime();
                boolean failed = false;
                for (Step inner : g.steps()) {
                    failed |= runStep(flowId, inner);
                }
                if (!control.isKilled()) {
                    env.config.stats().group(g.name(), (clock.nanoTime() - start) / 1000, failed);
                }
                yield failed;
            }
        };
    }

    /** Sends one request and records it; returns whether it failed. */
    private boolean request(PreparedRequest request) throws InterruptedException {
        long start = clock.nanoTime();
        long origin = start;
        if (intendedStartNanos != Long.MIN_VALUE) {
            origin = Math.min(start, intendedStartNanos);
            intendedStartNanos = Long.MIN_VALUE;
        }
        Transport.Outgoing out;
        try {
            out = request.render(this, env.baseUrl);
        } catch (TemplateException e) {
            report(request, null, Transport.Reply.failure("template", e.getMessage()), 0, null);
            return true;
        }
        Transport.Reply reply = transport.send(out);
        long latencyMicros = Math.max(0, clock.nanoTime() - origin) / 1000;
        if (control.isKilled() || CANCELLED.equals(reply.failureKind())) {
            // the user is being cut off: what its last call did is not the target's doing
            throw new InterruptedException("user killed");
        }
        var evaluation = ResponseEvaluation.of(request, reply, latencyMicros, this, transport);
        vars.putAll(evaluation.extracted());
        report(request, out, reply, latencyMicros, evaluation);
        return evaluation.failureKind() != null;
    }

    private void report(
            PreparedRequest request,
            Transport.Outgoing out,
            Transport.Reply reply,
            long latencyMicros,
            ResponseEvaluation evaluation) {
        String kind = evaluation != null ? evaluation.failureKind() : reply.failureKind();
        String message = evaluation != null ? evaluation.failureMessage() : reply.failureMessage();
        boolean failed = kind != null;
        var stats = env.config.stats();
        stats.request(
                request.name,
                request.method,
                latencyMicros,
                reply.bodyBytes(),
                failed,
                micros(reply.connectNanos()),
                micros(reply.tlsNanos()),
                micros(reply.firstByteNanos()),
                expectedIntervalMicros);
        if (failed) {
            stats.failure(request.name, request.method, kind, message, example(out, reply));
        }
        if (exchanges != null) {
            exchanges.add(new Exchange(
                    request.flowId,
                    request.step.id(),
                    request.name,
                    request.method,
                    out == null ? "" : out.uri().toString(),
                    out == null ? List.of() : out.headers(),
                    out == null ? "" : cut(new String(out.body(), StandardCharsets.UTF_8)),
                    reply.status(),
                    reply.reason(),
                    reply.headers(),
                    cut(PreparedRequest.bodyText(reply)),
                    reply.bodyBytes(),
                    latencyMicros,
                    micros(reply.connectNanos()),
                    micros(reply.tlsNanos()),
                    micros(reply.firstByteNanos()),
                    evaluation == null ? Map.of() : evaluation.extracted(),
                    evaluation == null ? List.of() : evaluation.checks(),
                    kind,
                    message));
        }
    }

    private static long micros(long nanos) {
        return nanos < 0 ? -1 : nanos / 1000;
    }

    private static String cut(String text) {
        return text.length() <= Exchange.MAX_TEXT ? text : text.substring(0, Exchange.MAX_TEXT);
    }

    private static String example(Transport.Outgoing out, Transport.Reply reply) {
        if (out == null) {
            return "";
        }
        String line = out.method() + " " + out.uri();
        if (reply.status() > 0) {
            String body = PreparedRequest.bodyText(reply);
            line += " -> " + reply.status() + " "
                    + (body.length() > EXAMPLE_BODY_CHARS ? body.substring(0, EXAMPLE_BODY_CHARS) + "…" : body);
        }
        return line.strip();
    }

    private static long pacingNanos(ThinkTime think) {
        return switch (think) {
            case ThinkTime.Pacing p -> p.interval().toNanos();
            case ThinkTime.Throughput t -> t.iterationsPerSecond() > 0 ? (long) (1e9 / t.iterationsPerSecond()) : 0;
            default -> 0;
        };
    }

    private long thinkNanos(ThinkTime think, long iterationStart) {
        return switch (think) {
            case ThinkTime.Constant c -> c.pause().toNanos();
            case ThinkTime.Between b -> {
                long min = b.min().toNanos();
                long max = b.max().toNanos();
                yield max > min ? random.nextLong(min, max + 1) : min;
            }
            case ThinkTime.Pacing p -> iterationStart + pacingNanos(p) - clock.nanoTime();
            case ThinkTime.Throughput t -> iterationStart + pacingNanos(t) - clock.nanoTime();
        };
    }

    // TemplateContext

    @Override
    public String variable(String name) {
        return vars.get(name);
    }

    @Override
    public String environment(String name) {
        return env.config.environment().get(name);
    }

    @Override
    public long userIndex() {
        return index;
    }

    @Override
    public int agentIndex() {
        return env.config.agentIndex();
    }

    @Override
    public long nextCounter() {
        return env.counter.incrementAndGet();
    }

    @Override
    public long nowMillis() {
        return clock.currentTimeMillis();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }
}
