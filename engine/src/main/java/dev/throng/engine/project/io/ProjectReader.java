package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reading pipeline: JSON text to tree (with locations), migration to the current format, binding, validation,
 * then every problem located in the file. Never throws for bad input. Package-private; thread-safe (stateless apart
 * from its migrations, which are immutable).
 */
final class ProjectReader {

    /** At most this many problems are listed; a file with more is not worth reading them all from. */
    static final int MAX_PROBLEMS = 1_000;

    private final Migrations migrations;

    ProjectReader(Migrations migrations) {
        this.migrations = migrations;
    }

    ReadResult read(String text, String file, Path projectDirectory) {
        var problems = new ArrayList<Problem>();
        var map = new SourceMap.Builder();
        Project project = null;
        try {
            project = readInto(text, projectDirectory, problems, map);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug, not bad input: still answer with a problem rather than an exception
            project = null;
            problems.add(Problem.error("$", "internal error while reading the project (" + e + "); please report it"));
        }
        SourceMap sourceMap = map.build();
        var located = new ArrayList<Problem>();
        for (Problem p : problems) {
            if (p.line() > 0) {
                located.add(p.at(file, p.line(), p.column()));
            } else {
                // a member that should not be there is best shown at its key; anything else at its value
                var at = p.message().startsWith(Members.UNKNOWN_FIELD)
                        ? sourceMap.key(p.jsonPath()).or(() -> sourceMap.locate(p.jsonPath()))
                        : sourceMap.locate(p.jsonPath());
                located.add(
                        at.isPresent() ? p.at(file, at.get().line(), at.get().column()) : p.at(file, 0, 0));
            }
        }
        located.sort(Comparator.comparingInt((Problem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(Problem::column));
        if (located.size() > MAX_PROBLEMS) {
            int more = located.size() - MAX_PROBLEMS;
            boolean droppedError =
                    located.subList(MAX_PROBLEMS, located.size()).stream().anyMatch(Problem::isError);
            var kept = new ArrayList<>(located.subList(0, MAX_PROBLEMS));
            Problem last = kept.getLast();
            kept.add(new Problem(
                    droppedError ? Problem.Severity.ERROR : Problem.Severity.WARNING,
                    file,
                    "$",
                    last.line(),
                    last.column(),
                    "... and " + more + " more problems (only the first " + MAX_PROBLEMS + " are listed)"));
            located = kept;
        }
        return new ReadResult(project, located, sourceMap);
    }

    private Project readInto(String text, Path dir, List<Problem> problems, SourceMap.Builder map) {
        if (text.length() > ProjectFiles.MAX_FILE_BYTES) {
            problems.add(Problem.error(
                            "$",
                            "the file is " + text.length() + " characters long; a project file is at most "
                                    + ProjectFiles.MAX_FILE_BYTES / (1024 * 1024) + " MB (is this a project file?)")
                    .at(null, 1, 1));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add(Problem.error(
                            "$", "the file is empty: a project starts with {\"format\": \"throng-project/1\", ...}")
                    .at(null, 1, 1));
            return null;
        }
        JsonNode root = new JsonTreeReader(problems, map).read(text);
        if (root == null) {
            return null;
        }
        if (!(root instanceof ObjectNode object)) {
            problems.add(
                    Problem.error("$", "a project file holds one JSON object {...}, not " + Members.describe(root)));
            return null;
        }
        if (!migrations.migrate(object, problems)) {
            return null;
        }
        Project project = new ProjectBinder(problems).bind(object);
        List<Problem> structural = new ArrayList<>(problems);
        boolean usable = project != null && structural.stream().noneMatch(Problem::isError);
        if (project != null) {
            for (Problem p : Validator.validate(project, dir)) {
                if (usable || !covered(p.jsonPath(), structural)) {
                    problems.add(p);
                }
            }
        }
        return usable ? project : null;
    }

    /** Whether a structural problem already concerns {@code path} or an element containing it. */
    private static boolean covered(String path, List<Problem> structural) {
        for (Problem s : structural) {
            String at = s.jsonPath();
            if (path.equals(at)
                    || path.startsWith(at + ".")
                    || path.startsWith(at + "[")
                    || at.startsWith(path + ".")
                    || at.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }
}
