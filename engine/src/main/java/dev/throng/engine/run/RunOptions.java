package dev.throng.engine.run;

import dev.throng.engine.time.Clock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to carry out a run, beyond what the project says.
 *
 * @param projectDirectory the folder of the project file; relative paths (data files, bodies, key stores) resolve
 *     against it
 * @param environment the variables {@code ${env:NAME}} reads (usually {@code System.getenv()})
 * @param clock the clock
 * @param seed seed of the random choices (weights, think times); fixed for reproducible tests
 * @param maxNames distinct statistics rows before the excess is folded into "(other)"
 */
public record RunOptions(Path projectDirectory, Map<String, String> environment, Clock clock, long seed, int maxNames) {

    public static final int DEFAULT_MAX_NAMES = 500;

    public RunOptions {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
    }

    /** Options for a real run of a project in {@code projectDirectory}. */
    public static RunOptions of(Path projectDirectory) {
        return new RunOptions(
                projectDirectory,
                System.getenv(),
                Clock.system(),
                new java.util.Random().nextLong(),
                DEFAULT_MAX_NAMES);
    }

    public RunOptions withSeed(long value) {
        return new RunOptions(projectDirectory, environment, clock, value, maxNames);
    }

    public RunOptions withClock(Clock value) {
        return new RunOptions(projectDirectory, environment, value, seed, maxNames);
    }

    public RunOptions withEnvironment(Map<String, String> value) {
        return new RunOptions(projectDirectory, value, clock, seed, maxNames);
    }
}
