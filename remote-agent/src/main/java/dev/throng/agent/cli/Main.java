package dev.throng.agent.cli;

import dev.throng.engine.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./throng} for every command but the app. */
@Command(
        name = "throng",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Load testing with weighted user flows, on local virtual threads or remote agents.",
        subcommands = {
            RunCommand.class,
            AgentCommand.class,
            KeysCommand.class,
            ValidateCommand.class,
            CompareCommand.class,
            DemoTargetCommand.class
        },
        footer = {
            "",
            "Also: ./throng [app [PROJECT]]  opens the desktop app; ./throng test  runs every test.",
            "Exit codes of run: 0 passed, 1 a threshold failed, 2 bad input, 130 interrupted."
        })
public final class Main implements Callable<Integer> {

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"throng " + Version.THRONG, "Java " + Runtime.version()};
        }
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return ExitCodes.OK;
    }

    /** The configured command line, for {@code main} and for tests that call {@code execute()} in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getUnmatched().isEmpty()) {
                String first = unmatched.getUnmatched().getFirst();
                err.println(
                        first.startsWith("-")
                                ? "throng: unknown option '" + first + "'"
                                : "throng: unknown command or argument '" + first + "'");
            } else {
                err.println("throng: " + ex.getMessage());
            }
            cmd.usage(err);
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("throng: " + ex);
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
