package dev.throng.agent.cli;

import dev.throng.engine.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./throng} for every command but the app. */
@Command(
        name = "throng",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Load testing with weighted user flows, local or on remote agents.")
public final class Main implements Callable<Integer> {

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"throng " + Version.THRONG};
        }
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
