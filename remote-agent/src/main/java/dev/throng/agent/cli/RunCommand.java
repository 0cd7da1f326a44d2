package dev.throng.agent.cli;

import dev.throng.engine.cluster.ClusterOptions;
import dev.throng.engine.cluster.Controller;
import dev.throng.engine.history.RunHistory;
import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.io.ProjectFiles;
import dev.throng.engine.project.io.ReadResult;
import dev.throng.engine.report.CsvReport;
import dev.throng.engine.report.HtmlReport;
import dev.throng.engine.report.JunitReport;
import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.run.Runs;
import dev.throng.engine.run.StopReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code throng run PROJECT}: a headless run with a live status line, a final table and reports. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a project without a window: live status line, final table, reports, exit code.",
        footer = {
            "",
            "Exit codes: 0 passed, 1 a threshold failed, 2 bad input or the run could not proceed,",
            "130 interrupted (results so far are still written).",
            "A capacity search (loadPlan type \"capacity\") prints each step's verdict and the load it carries;",
            "it passes when some step met the thresholds (finding the breaking point is its purpose), so exit 1",
            "means not even the first step did. --users and --spawn-rate are refused; --duration caps it.",
            "Every run is also saved beside the project in NAME.runs/ (see throng compare)."
        })
final class RunCommand implements Callable<Integer> {
    private static final long STATUS_EVERY_MILLIS_TTY = 1000;
    private static final long STATUS_EVERY_MILLIS_LOG = 5000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "The project file (*.throng.json).")
    Path projectFile;

    @Option(names = "--users", paramLabel = "N", description = "Users (closed model) or most concurrent arrivals.")
    Integer users;

    @Option(
            names = "--spawn-rate",
            paramLabel = "R",
            description = "Users started per second (closed model) or arrivals per second (open model).")
    Double spawnRate;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "How long the run lasts, e.g. 30s, 5m, 1h30m.")
    Duration duration;

    @Option(
            names = "--host",
            paramLabel = "URL",
            description = "Base URL replacing the project's, e.g. http://127.0.0.1:8080.")
    String host;

    @Option(
            names = "--threshold",
            paramLabel = "RULE",
            description =
                    "A pass/fail rule added to the project's, e.g. \"p95<300ms\", \"error_rate<1%%\", \"rps>100\","
                            + " \"name~/product:p99<1s\". Repeatable.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results JSON (throng-results/1).")
    Path json;

    @Option(
            names = "--csv",
            paramLabel = "PREFIX",
            description = "Write PREFIX_stats.csv, PREFIX_history.csv, PREFIX_failures.csv.")
    Path csv;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write a self-contained HTML report.")
    Path report;

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "Write JUnit XML, one test case per threshold.")
    Path junit;

    @Option(names = "--seed", description = "Seed of the random choices, for a reproducible mix.")
    Long seed;

    @Option(names = "--no-history", description = "Do not save this run beside the project.")
    boolean noHistory;

    @Option(names = "--quiet", description = "No live status line.")
    boolean quiet;

    @Option(
            names = "--agents",
            paramLabel = "N",
            description = "Run distributed on N agents (throng agent): wait for them, then start.")
    Integer agents;

    @Option(
            names = "--bind",
            paramLabel = "tcp://HOST:PORT",
            description = "Where the controller listens for agents (default tcp://*:5557; port * picks a free one).")
    String bind;

    @Option(
            names = "--keys",
            paramLabel = "DIR",
            description = "The controller's key folder (made by: throng keys init DIR).")
    Path keys;

    @Option(
            names = "--insecure",
            description = "Agents join without encryption or authentication: trusted networks only.")
    boolean insecure;

    @Option(
            names = "--agent-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "How long to wait for the agents (default 60s).")
    Duration agentTimeout;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        Integer badFlags = checkDistributedFlags(err);
        if (badFlags != null) {
            return badFlags;
        }
        ReadResult read = ProjectFiles.read(projectFile);
        if (!read.ok()) {
            for (Problem problem : read.problems()) {
                err.println(problem.format());
            }
            err.println("throng run: " + projectFile + " has "
                    + ValidateCommand.plural(read.errors().size(), "error") + "; nothing was run.");
            return ExitCodes.BAD_INPUT;
        }
        for (Problem warning : read.warnings()) {
            err.println(warning.format());
        }
        Project project = read.project();
        try {
            List<Threshold> all = new ArrayList<>(project.thresholds());
            for (String rule : thresholds) {
                all.add(Threshold.parse(rule));
            }
            project = project.withThresholds(all);
        } catch (IllegalArgumentException e) {
            err.println("throng run: --threshold " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Overrides overrides;
        try {
            overrides = new Overrides(users, spawnRate, duration, host);
        } catch (IllegalArgumentException e) {
            err.println("throng run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path directory = projectFile.toAbsolutePath().getParent();
        RunOptions options = RunOptions.of(directory);
        if (seed != null) {
            options = options.withSeed(seed);
        }

        RunHandle run;
        try {
            run = agents != null
                    ? startDistributed(project, options, overrides, err)
                    : Runs.startLocal(project, options, overrides);
        } catch (RunStartException e) {
            err.println("throng run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.println("Running '" + project.name() + "' from " + projectFile + " (Ctrl-C stops and keeps the results)");
        out.flush();

        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    interrupted.set(true);
                    run.stop(false);
                    try {
                        // Let the main thread write the results before the JVM exits (with 130).
                        finished.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "throng-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunResult result = follow(run, out);
            return finish(result, project, interrupted.get(), out, err);
        } finally {
            run.close();
            finished.countDown();
            if (!interrupted.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
        }
    }

    private Integer checkDistributedFlags(PrintWriter err) {
        if (agents == null) {
            if (bind != null || keys != null || insecure || agentTimeout != null) {
                err.println("throng run: --bind, --keys, --insecure and --agent-timeout need --agents N");
                return ExitCodes.BAD_INPUT;
            }
            return null;
        }
        if (agents < 1) {
            err.println("throng run: --agents must be at least 1, got " + agents);
            return ExitCodes.BAD_INPUT;
        }
        if (keys == null && !insecure) {
            err.println("throng run: a distributed run needs --keys DIR (made by: throng keys init DIR --agents "
                    + agents + ") or, on a trusted network only, --insecure");
            return ExitCodes.BAD_INPUT;
        }
        if (keys != null && insecure) {
            err.println("throng run: --keys and --insecure exclude each other; choose one");
            return ExitCodes.BAD_INPUT;
        }
        return null;
    }

    private RunHandle startDistributed(Project project, RunOptions options, Overrides overrides, PrintWriter err)
            throws InterruptedException {
        var clusterOptions = new ClusterOptions(
                bind != null ? bind : ClusterOptions.DEFAULT_BIND,
                insecure ? null : keys,
                agents,
                agentTimeout != null ? agentTimeout : ClusterOptions.DEFAULT_AGENT_TIMEOUT,
                line -> {
                    synchronized (err) {
                        err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " controller: " + line);
                        err.flush();
                    }
                });
        Controller controller = Controller.bind(clusterOptions);
        return controller.start(project, options, overrides);
    }

    private final CapacityLines capacityLines = new CapacityLines();

    private RunResult follow(RunHandle run, PrintWriter out) throws InterruptedException {
        boolean tty = System.console() != null;
        long every = tty ? STATUS_EVERY_MILLIS_TTY : STATUS_EVERY_MILLIS_LOG;
        long lastPrinted = -every;
        while (true) {
            RunResult result = run.await(Duration.ofMillis(250));
            if (result != null) {
                if (tty && !quiet) {
                    out.println();
                }
                return result;
            }
            RunSnapshot snapshot = run.snapshot();
            if (capacityLines.hasNew(snapshot.capacity())) {
                if (tty && !quiet) {
                    out.print("\r\033[K"); // the judged step's line replaces the status line
                }
                capacityLines.printNew(snapshot.capacity(), out);
                lastPrinted = -every; // and the status line comes back at once
            }
            if (!quiet && snapshot.elapsedMillis() - lastPrinted >= every) {
                lastPrinted = snapshot.elapsedMillis();
                String line = StatusLine.format(snapshot);
                if (tty) {
                    out.print("\r" + line);
                } else {
                    out.println(line);
                }
                out.flush();
            }
        }
    }

    private int finish(RunResult result, Project project, boolean interrupted, PrintWriter out, PrintWriter err) {
        capacityLines.printNew(result.capacity(), out); // the steps judged since the last snapshot
        out.println();
        out.println(project.name() + ": " + describe(result.reason()) + " after "
                + StatusLine.clock(result.durationMillis()));
        out.println();
        ResultTable.print(out, result.finalStats(), result.thresholds());
        if (result.capacity() != null) {
            out.println(CapacityLines.answer(result.capacity()));
        }
        boolean outputsOk = writeOutputs(result, out, err);
        out.flush();

        if (interrupted) {
            out.println("Result: interrupted (Ctrl-C); the figures above cover the run until then");
            out.flush();
            return ExitCodes.INTERRUPTED;
        }
        if (result.reason() instanceof StopReason.Failed) {
            return ExitCodes.BAD_INPUT;
        }
        if (!outputsOk) {
            return ExitCodes.BAD_INPUT;
        }
        if (!result.passed()) {
            out.println("Result: FAILED (a threshold was broken)");
            return ExitCodes.THRESHOLD_FAILED;
        }
        out.println(result.thresholds().isEmpty() ? "Result: done (no thresholds)" : "Result: PASSED");
        return ExitCodes.OK;
    }

    private boolean writeOutputs(RunResult result, PrintWriter out, PrintWriter err) {
        boolean ok = true;
        try {
            if (json != null) {
                ResultsJson.write(result, json);
                out.println("Results JSON: " + json);
            }
            if (csv != null) {
                for (Path file : CsvReport.write(result, csv)) {
                    out.println("CSV: " + file);
                }
            }
            if (report != null) {
                HtmlReport.write(result, report);
                out.println("HTML report: " + report);
            }
            if (junit != null) {
                JunitReport.write(result, junit);
                out.println("JUnit XML: " + junit);
            }
        } catch (IOException e) {
            err.println("throng run: could not write the results: " + e.getMessage());
            ok = false;
        }
        if (!noHistory) {
            try {
                Path saved = RunHistory.save(projectFile, result);
                out.println("Saved in " + saved);
            } catch (IOException e) {
                err.println("throng run: could not save the run beside the project (" + e.getMessage()
                        + "); use --no-history to skip saving");
                ok = false;
            }
        }
        return ok;
    }

    private static String describe(StopReason reason) {
        return switch (reason) {
            case StopReason.Completed c -> "completed";
            case StopReason.StoppedByUser s -> "stopped";
            case StopReason.ThresholdBroken t -> "aborted, threshold " + t.rule() + " broken";
            case StopReason.Failed f -> "failed: " + f.message();
        };
    }
}
