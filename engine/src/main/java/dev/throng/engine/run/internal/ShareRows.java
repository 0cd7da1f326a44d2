package dev.throng.engine.run.internal;

import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Project;
import dev.throng.engine.user.RowSource;
import dev.throng.engine.user.UserEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The unique rows of an agent's part: how many it has handed out, and more rows added while it runs. Thread-safe
 * (the row sources are).
 */
public final class ShareRows {
    private final Project project;
    private final Path projectDirectory;
    private final Map<String, RowSource> sources;

    /**
     * @param sources the part's row sources by data source id (only the unique ones are reported and extended)
     */
    public ShareRows(Project project, Path projectDirectory, Map<String, RowSource> sources) {
        this.project = project;
        this.projectDirectory = projectDirectory;
        this.sources = Map.copyOf(sources);
    }

    /** Rows handed out so far per unique data source id. */
    public Map<String, Long> taken() {
        var out = new LinkedHashMap<String, Long>();
        sources.forEach((id, source) -> {
            if (source instanceof RowSource.UniqueRows unique) {
                out.put(id, unique.handedOut());
            }
        });
        return out;
    }

    /** See {@link dev.throng.engine.run.ShareHandle#addUniqueRows}. */
    public void add(String sourceId, LongPredicate rows) {
        if (!(sources.get(sourceId) instanceof RowSource.UniqueRows unique)) {
            throw new IllegalArgumentException("this run has no unique data source '" + sourceId + "'");
        }
        DataSource ds = project.dataSources().stream()
                .filter(d -> d.id().equals(sourceId))
                .findFirst()
                .orElseThrow();
        try {
            unique.append(UserEnvironment.readTable(ds, projectDirectory), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
