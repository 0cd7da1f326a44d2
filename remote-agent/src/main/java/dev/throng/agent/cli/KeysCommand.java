package dev.throng.agent.cli;

import dev.throng.engine.transport.KeyStoreDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code throng keys init DIR [--agents N]}: makes the CURVE keys of a controller and its agents. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Manage the CURVE keys of a controller and its agents.",
        subcommands = {KeysCommand.Init.class})
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code throng keys init DIR}. */
    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Write the controller's key pair, N agent key pairs and the controller's allow-list in DIR.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The key folder (created if needed; nothing is overwritten).")
        Path directory;

        @Option(names = "--agents", paramLabel = "N", defaultValue = "1", description = "Agent key pairs to make.")
        int agents;

        @Override
        public Integer call() {
            try {
                var written = KeyStoreDir.init(directory, agents);
                spec.commandLine().getOut().print(written.describe());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("throng keys init: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
