package dev.throng.agent.cli;

import dev.throng.engine.project.Problem;
import dev.throng.engine.project.io.ProjectFiles;
import dev.throng.engine.project.io.ReadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code throng validate PROJECT}: every problem of a project file, each with its location. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "List every problem in a project file with its file, line, column and JSON path.",
        footer = {"", "Exit codes: 0 no errors (warnings may be listed), 2 errors found or the file is unreadable."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "The project file (*.throng.json).")
    Path project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReadResult result = ProjectFiles.read(project);
        for (Problem problem : result.problems()) {
            out.println(problem.format());
        }
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        if (errors == 0) {
            out.println(project + ": valid" + (warnings == 0 ? "" : " (" + plural(warnings, "warning") + ")"));
            return ExitCodes.OK;
        }
        out.println(
                project + ": " + plural(errors, "error") + (warnings == 0 ? "" : ", " + plural(warnings, "warning")));
        return ExitCodes.BAD_INPUT;
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
