package dev.throng.engine.run.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The process's limit on open files (sockets count), and whether a run's connections fit under it. Stateless.
 *
 * @param soft the limit in force, files
 * @param hard the most the soft limit may be raised to without privileges, files; {@link Long#MAX_VALUE} for
 *     "unlimited"
 */
public record OpenFileLimit(long soft, long hard) {
    /** Files the JVM and the run use beyond one per connection (jars, logs, selectors, the data files...). */
    public static final int RESERVE = 64;

    private static final Pattern LINE = Pattern.compile("Max open files\\s+(\\S+)\\s+(\\S+)\\s+files");

    /** The limit of this process, read from {@code /proc/self/limits}; empty where that file does not exist. */
    public static Optional<OpenFileLimit> ofThisProcess() {
        Path limits = Path.of("/proc/self/limits");
        try {
            return Files.isReadable(limits) ? parse(Files.readString(limits)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads the "Max open files" line of a {@code /proc/PID/limits} text. */
    public static Optional<OpenFileLimit> parse(String procLimits) {
        var m = LINE.matcher(procLimits);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new OpenFileLimit(number(m.group(1)), number(m.group(2))));
    }

    private static long number(String s) {
        return s.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(s);
    }

    /** What a run needing {@code connections} connections should do under this limit. */
    public Verdict check(long connections, String why) {
        long needed = connections + RESERVE;
        if (needed > hard) {
            return new Verdict.Refuse("This run needs about " + needed + " open files (" + why + ", plus " + RESERVE
                    + " for the JVM), more than this process's hard limit of " + hard + " open files. Lower the users"
                    + " or use a shared connection pool, or have the hard limit raised: LimitNOFILE=" + needed
                    + " in the systemd unit, or a 'nofile' line in /etc/security/limits.conf, then log in again.");
        }
        if (needed > soft) {
            return new Verdict.Warn("This run may need about " + needed + " open files (" + why + ", plus " + RESERVE
                    + " for the JVM) but only " + soft + " may be open now (hard limit " + describe(hard)
                    + "); connections beyond that fail with 'too many open files'. Raise it before starting: 'ulimit"
                    + " -n " + Math.min(hard, Math.max(needed, 65_536)) + "' in the shell that starts Throng, or"
                    + " LimitNOFILE= in the systemd unit of the agent.");
        }
        return new Verdict.Fine();
    }

    private static String describe(long n) {
        return n == Long.MAX_VALUE ? "unlimited" : Long.toString(n);
    }

    /** The outcome of {@link #check}. */
    public sealed interface Verdict {
        record Fine() implements Verdict {}

        record Warn(String message) implements Verdict {}

        record Refuse(String message) implements Verdict {}
    }
}
