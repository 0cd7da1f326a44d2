package dev.throng.engine.run;

import dev.throng.engine.cluster.Controller;
import dev.throng.engine.http.HttpEngine;
import dev.throng.engine.load.ClosedSchedule;
import dev.throng.engine.load.OpenSchedule;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Validator;
import dev.throng.engine.run.internal.CollectorSink;
import dev.throng.engine.run.internal.HttpSetup;
import dev.throng.engine.run.internal.HttpTransport;
import dev.throng.engine.run.internal.LocalRun;
import dev.throng.engine.run.internal.OpenFileLimit;
import dev.throng.engine.run.internal.ShareRows;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.user.Exchange;
import dev.throng.engine.user.RowSource;
import dev.throng.engine.user.StatsSink;
import dev.throng.engine.user.UserControl;
import dev.throng.engine.user.UserEnvironment;
import dev.throng.engine.user.VirtualUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Starts runs: the entry point of the command line and the desktop app. Stateless; thread-safe.
 *
 * <p>A local run is a run of the controller ({@link Controller#startLocal}) on one agent in this process, without
 * sockets: the same code drives it as a distributed run. {@link #startShare} is what every agent runs.
 *
 * <p>{@link #startLocal} returns once the run is going, with its {@link RunHandle}; problems found before the start (an unset
 * secret, an unreadable file, an open-file limit the run cannot fit under) throw {@link RunStartException} and start
 * nothing. Warnings that do not stop the run (a soft open-file limit that is too low) are in every
 * {@link RunSnapshot#warnings()} of the run.
 */
public final class Runs {
    private Runs() {}

    /** Starts a run of {@code project} in this process, as its plan says. */
    public static RunHandle startLocal(Project project, RunOptions options) {
        return startLocal(project, options, Overrides.NONE);
    }

    /**
     * Starts a run of {@code project} in this process with its plan changed by {@code overrides}.
     *
     * @throws RunStartException when the run cannot start (the message says why and what to do)
     */
    public static RunHandle startLocal(Project project, RunOptions options, Overrides overrides) {
        try {
            return Controller.startLocal(project, options, overrides);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStartException("the start of the run was interrupted", e);
        }
    }

    /**
     * Starts one agent's part of a distributed run in this process: {@code project}'s plan is already this agent's
     * (its users, its spawn or arrival rate), each unique data source hands only the rows (numbered from 0 in file
     * order) its predicate in {@code uniqueRows} holds (every row when absent), and instead of keeping its own
     * statistics the run hands each second's interval (and a last one once every user has ended) to
     * {@code intervals}, on the run's ticker thread (the last one on its scheduler thread). The run is bounded by the
     * plan's duration (or the override's).
     *
     * @throws RunStartException when the run cannot start (the message says why and what to do)
     */
    public static ShareHandle startShare(
            Project project,
            RunOptions options,
            Overrides overrides,
            Map<String, LongPredicate> uniqueRows,
            Consumer<ShareInterval> intervals) {
        Objects.requireNonNull(intervals, "intervals");
        Project effective = project.withLoadPlan(overrides.applyTo(project.loadPlan()));
        requireRunnable(effective, options);
        LoadPlan plan = effective.loadPlan();
        long durationNanos;
        int maxUsers;
        switch (plan) {
            case LoadPlan.Closed c -> {
                var schedule = ClosedSchedule.of(c);
                durationNanos =
                        overrides.duration() != null ? overrides.duration().toNanos() : schedule.durationNanos();
                maxUsers = schedule.maxUsers();
            }
            case LoadPlan.Open o -> {
                var schedule = OpenSchedule.of(o);
                durationNanos =
                        overrides.duration() != null ? overrides.duration().toNanos() : schedule.durationNanos();
                maxUsers = o.maxConcurrentUsers() > 0
                        ? o.maxConcurrentUsers()
                        : (int) Math.min(100_000, Math.ceil(schedule.maxRate() * 10));
            }
            case LoadPlan.Capacity k ->
                throw new IllegalArgumentException(
                        "a capacity search runs on the controller; an agent's part runs its base plan");
        }
        var warnings = new ArrayList<String>();
        checkOpenFiles(effective.settings(), maxUsers, warnings);

        Map<String, RowSource> rows;
        try {
            rows = UserEnvironment.readRowSources(effective, options.projectDirectory(), Map.copyOf(uniqueRows));
        } catch (IOException e) {
            throw new RunStartException(e.getMessage(), e);
        }
        var stats = new StatsCollector(options.clock(), Math.max(1, options.maxNames()));
        var runRef = new AtomicReference<LocalRun>();
        UserEnvironment env;
        try {
            env = UserEnvironment.prepare(
                    effective,
                    new UserEnvironment.Config(
                            options.projectDirectory(),
                            options.environment(),
                            overrides.host(),
                            options.clock(),
                            new CollectorSink(stats),
                            rows,
                            0,
                            message -> {
                                LocalRun run = runRef.get();
                                if (run != null) {
                                    run.fail(message);
                                }
                            }));
        } catch (IllegalArgumentException e) {
            throw new RunStartException(e.getMessage(), e);
        }
        var http = engine(effective, options, maxUsers);
        var run = new LocalRun(
                effective,
                env,
                () -> new HttpTransport(http.newSession()),
                http,
                stats,
                options.clock(),
                options.seed(),
                durationNanos,
                warnings);
        run.reportIntervalsTo(intervals, new ShareRows(effective, options.projectDirectory(), rows));
        runRef.set(run);
        run.start();
        return run;
    }

    /**
     * Runs one user of {@code profileName} alone: its start flow (always), then {@code iterations} iterations of its
     * main flow without think times, and returns every request with its response, extracted values and check
     * results. Nothing is recorded in statistics. Blocks the calling thread until done (bounded by the requests'
     * timeouts).
     *
     * @param host replaces the base URL when not {@code null}
     * @throws RunStartException when the user cannot start (unknown profile, unset secret, unreadable file)
     * @throws InterruptedException when the calling thread is interrupted (the user is then stopped)
     */
    public static List<Exchange> debugRun(
            Project project, String profileName, int iterations, RunOptions options, String host)
            throws InterruptedException {
        UserProfile profile = project.profile(profileName)
                .orElseThrow(() -> new RunStartException("there is no user profile named '" + profileName
                        + "'; the project has "
                        + project.profiles().stream().map(UserProfile::name).toList()));
        requireFlows(project, profile);
        return alone(project, profile, options, host, user -> user.debug(Math.max(0, iterations)));
    }

    /** What one lone user does, on its own virtual thread. */
    private interface LoneWork {
        List<Exchange> run(VirtualUser user) throws InterruptedException;
    }

    private static List<Exchange> alone(
            Project project, UserProfile profile, RunOptions options, String host, LoneWork work)
            throws InterruptedException {
        Map<String, RowSource> rows;
        try {
            rows = UserEnvironment.readRowSources(project, options.projectDirectory(), 0, 1);
        } catch (IOException e) {
            throw new RunStartException(e.getMessage(), e);
        }
        UserEnvironment env;
        try {
            env = UserEnvironment.prepare(
                    project,
                    new UserEnvironment.Config(
                            options.projectDirectory(),
                            options.environment(),
                            host,
                            options.clock(),
                            StatsSink.NONE,
                            rows,
                            0,
                            message -> {}));
        } catch (IllegalArgumentException e) {
            throw new RunStartException(e.getMessage(), e);
        }
        try (var http = engine(project, options, 1)) {
            var control = new UserControl();
            var user = new VirtualUser(
                    env,
                    profile,
                    0,
                    new SplittableRandom(options.seed()),
                    new HttpTransport(http.newSession()),
                    control);
            var result = new AtomicReference<List<Exchange>>(List.of());
            var error = new AtomicReference<RuntimeException>();
            Thread t = Thread.ofVirtual().name("throng-debug-user").start(() -> {
                try {
                    result.set(work.run(user));
                } catch (InterruptedException e) {
                    // stopped
                } catch (IllegalArgumentException e) {
                    error.set(new RunStartException(e.getMessage(), e));
                } catch (RuntimeException e) {
                    error.set(e);
                }
            });
            try {
                t.join();
            } catch (InterruptedException e) {
                control.kill();
                throw e;
            }
            if (error.get() instanceof RunStartException e) {
                throw e;
            }
            if (error.get() != null) {
                throw new RunStartException(
                        "the debug run stopped: " + error.get().getMessage(), error.get());
            }
            return result.get();
        }
    }

    /**
     * Sends one step of a flow alone (a request, or every request of a group), as a fresh user with the project's
     * variables plus {@code variables}, and returns its exchanges. For the designer's "send once". Nothing is recorded
     * in statistics; blocks until done.
     *
     * @param host replaces the base URL when not {@code null}
     * @throws RunStartException when the step cannot be sent (unknown flow or step, unset secret, unreadable file)
     */
    public static List<Exchange> sendOnce(
            Project project,
            String flowId,
            String stepId,
            Map<String, String> variables,
            RunOptions options,
            String host)
            throws InterruptedException {
        var profile = UserProfile.of("send-once", 1, flowId);
        return alone(project, profile, options, host, user -> user.sendOnce(flowId, stepId, Map.copyOf(variables)));
    }

    /** {@link #debugRun(Project, String, int, RunOptions, String)} against the project's own base URL. */
    public static List<Exchange> debugRun(Project project, String profileName, int iterations, RunOptions options)
            throws InterruptedException {
        return debugRun(project, profileName, iterations, options, null);
    }

    private static HttpEngine engine(Project project, RunOptions options, int connections) {
        var httpOptions =
                HttpSetup.options(project.settings(), options.projectDirectory(), options.environment(), connections);
        try {
            return HttpEngine.create(httpOptions, options.clock());
        } catch (IllegalArgumentException e) {
            throw new RunStartException("settings, TLS: " + e.getMessage(), e);
        }
    }

    private static void requireRunnable(Project project, RunOptions options) {
        if (project.profiles().isEmpty()) {
            throw new RunStartException("the project has no user profile: add one (a name, a weight and a main flow)");
        }
        var errors = Validator.validate(project, options.projectDirectory()).stream()
                .filter(Problem::isError)
                .map(Problem::format)
                .toList();
        if (!errors.isEmpty()) {
            throw new RunStartException(
                    "the project has problems to fix before it can run:\n" + String.join("\n", errors));
        }
        for (UserProfile p : project.profiles()) {
            requireFlows(project, p);
        }
    }

    private static void requireFlows(Project project, UserProfile p) {
        var missing = new ArrayList<String>();
        for (String flow : new String[] {p.mainFlow(), p.startFlow(), p.stopFlow()}) {
            if (flow != null && project.flow(flow).isEmpty()) {
                missing.add("profile '" + p.name() + "' runs the flow '" + flow + "', which the project does not have");
            }
        }
        if (!missing.isEmpty()) {
            throw new RunStartException(String.join("\n", missing));
        }
    }

    private static void checkOpenFiles(Settings settings, int maxUsers, List<String> warnings) {
        var limit = OpenFileLimit.ofThisProcess();
        if (limit.isEmpty()) {
            return;
        }
        long connections;
        String why;
        if (settings.connections().policy() == Settings.Connections.Policy.SHARED) {
            connections = settings.connections().poolSize() > 0
                    ? settings.connections().poolSize()
                    : maxUsers;
            why = "a shared pool of " + connections + " connections";
        } else {
            connections = maxUsers;
            why = "one connection per user for " + maxUsers + " users";
        }
        switch (limit.get().check(connections, why)) {
            case OpenFileLimit.Verdict.Fine f -> {}
            case OpenFileLimit.Verdict.Warn w -> warnings.add(w.message());
            case OpenFileLimit.Verdict.Refuse r -> throw new RunStartException(r.message());
        }
    }
}
