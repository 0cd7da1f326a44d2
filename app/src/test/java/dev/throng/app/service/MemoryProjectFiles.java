package dev.throng.app.service;

import dev.throng.engine.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ProjectFiles} for tests that writes real files holding a key into a map of project values, so the app's
 * file handling can be tested without the engine's JSON format. Thread-safe.
 */
public final class MemoryProjectFiles implements ProjectFiles {
    private final Map<String, Project> values = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    public final AtomicInteger saves = new AtomicInteger();

    @Override
    public Loaded read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Project p = values.get(Files.readString(file).strip());
        return new Loaded(p, p == null ? List.of(new Issue(true, "$", 1, "not a project")) : List.of());
    }

    @Override
    public String write(Project project) {
        String key = "project-" + next.incrementAndGet();
        values.put(key, project);
        return key;
    }

    @Override
    public void save(Project project, Path file) throws IOException {
        saves.incrementAndGet();
        Files.writeString(file, write(project));
    }

    @Override
    public List<Issue> validate(Project project, Path directory) {
        return project.flows().isEmpty() ? List.of(new Issue(true, "$.flows", 0, "no flow")) : List.of();
    }
}
