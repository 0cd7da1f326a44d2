package dev.throng.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code throng} command in a child JVM of the test (same JDK, same classpath), its stdout and stderr in a file.
 * Tests kill only these processes: {@link #kill()} is {@code kill -9} of this child.
 */
public final class ThrongProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ThrongProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code throng args...}; its output goes to {@code log}. */
    public static ThrongProcess start(Path log, String... args) throws IOException {
        return startIn(null, log, args);
    }

    /**
     * Starts {@code throng args...} in the network namespace {@code netns} ({@code ip netns exec}), or here if null.
     * Its temporary files go to {@link #tmpDir(Path) a folder next to the log}, so nothing stays in the system's.
     */
    public static ThrongProcess startIn(String netns, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (netns != null) {
            command.addAll(List.of("ip", "netns", "exec", netns));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(tmpDir(log)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.throng.agent.cli.Main");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ThrongProcess(p, log);
    }

    /** The temporary-files folder of the child that logs to {@code log}. */
    public static Path tmpDir(Path log) {
        return log.resolveSibling(log.getFileName() + ".tmp");
    }

    /** Starts {@code throng agent --controller ENDPOINT --keys KEYS --id ID}. */
    public static ThrongProcess agent(Path log, String controller, Path keys, String id) throws IOException {
        return start(log, "agent", "--controller", controller, "--keys", keys.toString(), "--id", id);
    }

    /** What the process wrote so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Waits (bounded) until the output satisfies {@code condition}; false if it did not in time. */
    public boolean awaitOutput(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.test(output())) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.test(output());
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The first group of {@code pattern} in the output, waiting for it at most {@code timeout}. */
    public String awaitMatch(Pattern pattern, Duration timeout) throws InterruptedException {
        awaitOutput(text -> pattern.matcher(text).find(), timeout);
        Matcher m = pattern.matcher(output());
        if (!m.find()) {
            throw new AssertionError("no " + pattern + " in the output of the child process:\n" + output());
        }
        return m.group(1);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks this child to end ({@code SIGTERM}, as Ctrl-C or a service manager would) and waits at most 10 s. */
    public void terminate() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** {@code kill -9} of this child. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits for the exit at most {@code timeout}; the exit code, or null if still running. */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
