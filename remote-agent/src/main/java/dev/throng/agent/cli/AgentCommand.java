package dev.throng.agent.cli;

import dev.throng.agent.session.AgentSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code throng agent --controller tcp://HOST:5557 --keys DIR}: joins a controller and runs what it is sent. */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = "Join a controller and run its load, run after run (logs one line per event to stderr).",
        footer = {"", "Stop with Ctrl-C. Make keys with: throng keys init DIR --agents N"})
final class AgentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--controller",
            required = true,
            paramLabel = "tcp://HOST:PORT",
            description = "The controller's address, e.g. tcp://10.0.0.5:5557.")
    String controller;

    @Option(
            names = "--keys",
            paramLabel = "DIR",
            description = "A folder with controller.pub and this agent's key (agent.key, or the only agents/*.key).")
    Path keys;

    @Option(names = "--insecure", description = "No encryption, no authentication: trusted networks only.")
    boolean insecure;

    @Option(names = "--id", paramLabel = "NAME", description = "This agent's name (default: host name and process).")
    String id;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Where shipped projects and data files are written (default: a temporary folder).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (keys == null && !insecure) {
            err.println("throng agent: give --keys DIR (made by: throng keys init DIR) or, on a trusted network only,"
                    + " --insecure (the controller must use --insecure too)");
            return ExitCodes.BAD_INPUT;
        }
        if (keys != null && insecure) {
            err.println("throng agent: --keys and --insecure exclude each other; choose one");
            return ExitCodes.BAD_INPUT;
        }
        String agentId = id != null ? id : defaultId();
        Path work = workDir != null ? workDir : Files.createTempDirectory("throng-agent-");
        var session = new AgentSession(
                new AgentSession.Options(controller, insecure ? null : keys, agentId, work, System.getenv()),
                System.err);
        Runnable end = () -> {
            session.close();
            if (workDir == null) { // a folder of our own: nothing of it stays behind
                deleteTree(work);
            }
        };
        Thread hook = new Thread(end, "throng-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return session.run() == AgentSession.End.REFUSED ? ExitCodes.BAD_INPUT : ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("throng agent: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                end.run();
            } catch (IllegalStateException e) {
                // shutting down: the hook ends the session and removes the folder
            }
        }
    }

    /** Deletes {@code dir} and what is in it, as far as it can (what it cannot delete stays). */
    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // already gone, or not ours to delete
        }
    }

    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "agent";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
