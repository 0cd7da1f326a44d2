package dev.throng.agent.cli;

import dev.throng.engine.history.Limits;
import dev.throng.engine.history.RunComparison;
import dev.throng.engine.history.RunHistory;
import dev.throng.engine.run.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code throng compare RUN_A RUN_B}: per-name deltas between two saved runs; exit 1 on a regression. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Per-name deltas (p50, p95, p99, error rate, req/s) between two saved runs, B against A.",
        footer = {"", "Exit codes: 0 no regression, 1 a regression beyond the limits, 2 a run could not be read."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The reference run: a run folder or results JSON.")
    Path before;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run judged against it.")
    Path after;

    @Option(
            names = "--max-p95-increase",
            defaultValue = "10",
            description = "Allowed rise of p95, in percent (default ${DEFAULT-VALUE}).")
    double p95Percent;

    @Option(names = "--max-p99-increase", description = "Allowed rise of p99, in percent (not judged unless given).")
    Double p99Percent;

    @Option(
            names = "--max-error-rate-increase",
            defaultValue = "1",
            description = "Allowed rise of the error rate, in percentage points (default ${DEFAULT-VALUE}).")
    double errorPoints;

    @Option(
            names = "--max-rps-decrease",
            defaultValue = "10",
            description = "Allowed fall of requests/s, in percent (default ${DEFAULT-VALUE}).")
    double rpsPercent;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunResult a;
        RunResult b;
        try {
            a = RunHistory.load(before);
            b = RunHistory.load(after);
        } catch (IOException e) {
            err.println("throng compare: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Limits limits = Limits.DEFAULT
                .withP95Increase(p95Percent / 100)
                .withErrorRatePoints(errorPoints / 100)
                .withRpsDecrease(rpsPercent / 100);
        if (p99Percent != null) {
            limits = limits.withP99Increase(p99Percent / 100);
        }
        RunComparison comparison = RunComparison.compare(a, b, limits);
        out.print(comparison.format());
        if (comparison.hasRegression()) {
            out.println("Regression: "
                    + ValidateCommand.plural(comparison.regressions().size(), "row") + " beyond the limits.");
            return ExitCodes.THRESHOLD_FAILED;
        }
        out.println("No regression.");
        return ExitCodes.OK;
    }
}
