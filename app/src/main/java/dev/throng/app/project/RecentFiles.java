package dev.throng.app.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recently opened project files, newest first, kept in a small text file (one path a line). Blocking I/O: call
 * {@link #load} and {@link #store} from background tasks. Thread-safe (immutable lists in, immutable lists out).
 */
public final class RecentFiles {
    public static final int MAX = 10;

    private final Path store;

    /** @param store the text file, such as {@code ~/.throng/recent-files.txt} */
    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The list stored, or empty when there is none or it cannot be read. */
    public List<Path> load() {
        try {
            if (!Files.isRegularFile(store)) {
                return List.of();
            }
            return Files.readAllLines(store).stream()
                    .filter(s -> !s.isBlank())
                    .map(Path::of)
                    .limit(MAX)
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code list} with {@code file} moved to the front, at most {@link #MAX} long. Pure. */
    public static List<Path> push(List<Path> list, Path file) {
        var out = new ArrayList<Path>();
        Path normal = file.toAbsolutePath().normalize();
        out.add(normal);
        for (Path p : list) {
            if (!p.equals(normal) && out.size() < MAX) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    public void store(List<Path> list) throws IOException {
        Files.createDirectories(store.toAbsolutePath().getParent());
        Files.write(store, list.stream().map(Path::toString).toList());
    }
}
