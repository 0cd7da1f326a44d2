package dev.throng.app.service;

import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Validator;
import dev.throng.engine.project.io.ReadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link ProjectFiles} backed by the engine's file format ({@code engine.project.io.ProjectFiles}) and
 * {@link Validator}. Stateless; thread-safe; every method blocks on I/O.
 */
public final class EngineProjectFiles implements ProjectFiles {

    @Override
    public Loaded read(Path file) throws IOException {
        ReadResult result = dev.throng.engine.project.io.ProjectFiles.read(file);
        return new Loaded(result.project(), issues(result.problems()));
    }

    @Override
    public String write(Project project) {
        return dev.throng.engine.project.io.ProjectFiles.write(project);
    }

    @Override
    public void save(Project project, Path file) throws IOException {
        dev.throng.engine.project.io.ProjectFiles.save(project, file);
    }

    @Override
    public List<Issue> validate(Project project, Path directory) {
        return issues(Validator.validate(project, directory));
    }

    static List<Issue> issues(List<Problem> problems) {
        return problems.stream()
                .map(p -> new Issue(p.isError(), p.jsonPath(), p.line(), p.message()))
                .toList();
    }
}
