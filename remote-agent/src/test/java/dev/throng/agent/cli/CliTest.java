package dev.throng.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** What the tests of {@code throng} commands share: running a command line in this JVM and keeping what it printed. */
abstract class CliTest {
    /** What the commands printed to standard output, all of them in order. */
    protected final StringWriter out = new StringWriter();

    /** What the commands printed to standard error. */
    protected final StringWriter err = new StringWriter();

    /** Runs {@code throng ARGS} as the launcher would and returns its exit code. */
    protected int execute(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
