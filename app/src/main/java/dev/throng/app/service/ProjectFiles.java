package dev.throng.app.service;

import dev.throng.engine.project.Project;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading, writing and validating project files. Blocking; call from a background task. Implementations are
 * thread-safe.
 */
public interface ProjectFiles {

    /**
     * What reading a file gave.
     *
     * @param project the project, or {@code null} when the file could not be read at all
     * @param issues problems found while reading
     */
    record Loaded(Project project, List<Issue> issues) {
        public Loaded {
            issues = List.copyOf(issues);
        }
    }

    Loaded read(Path file) throws IOException;

    /** The file's text for {@code project}. */
    String write(Project project);

    /** Writes {@code project} to {@code file} atomically (a reader sees the old file or the new one). */
    void save(Project project, Path file) throws IOException;

    /** Every problem of {@code project}, whose relative paths resolve against {@code directory}. */
    List<Issue> validate(Project project, Path directory);
}
