package dev.throng.engine.project.io;

import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import java.util.List;
import java.util.Objects;

/**
 * What reading a project file gave. Immutable.
 *
 * @param project the project, or {@code null} when the file could not be understood (syntax, types, unknown or
 *     missing fields); a project with only semantic problems (e.g. an edge to an unknown step) is returned so it can
 *     be opened and fixed
 * @param problems every problem found, errors and warnings, each with the file, JSON path, line and column, in file
 *     order
 * @param sourceMap where each element was in the file (empty when the text was not JSON)
 */
public record ReadResult(Project project, List<Problem> problems, SourceMap sourceMap) {

    public ReadResult {
        problems = List.copyOf(problems);
        Objects.requireNonNull(sourceMap, "sourceMap");
    }

    public ReadResult(Project project, List<Problem> problems) {
        this(project, problems, SourceMap.EMPTY);
    }

    /** Whether there is a project and no error (warnings allowed): it can be run. */
    public boolean ok() {
        return project != null && errors().isEmpty();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
