package dev.throng.engine.history;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A run saved beside its project, as {@link RunHistory#list} finds it.
 *
 * @param directory the run's folder ({@code <project>.runs/<timestamp>}); give it to {@link RunHistory#load}
 * @param started when the run started
 * @param projectName the project's name at the time
 * @param durationMillis how long it ran, ms
 * @param passed whether every threshold held
 * @param requests requests made
 * @param failures failed requests
 */
public record SavedRun(
        Path directory,
        Instant started,
        String projectName,
        long durationMillis,
        boolean passed,
        long requests,
        long failures) {}
