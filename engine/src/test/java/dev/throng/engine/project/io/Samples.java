package dev.throng.engine.project.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's sample projects for tests, and copies them where their data files exist. */
final class Samples {

    private Samples() {}

    /** The repository's {@code samples} directory, found upwards from the working directory. */
    static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("samples");
            if (Files.isDirectory(candidate) && Files.exists(dir.resolve("engine"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no samples directory above " + Path.of("").toAbsolutePath());
    }

    /** Every {@code *.throng.json} in the samples directory, sorted. */
    static List<Path> projects() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(ProjectFiles.EXTENSION))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the samples and their data into {@code target}; when the accounts file is not there (it is made by the
     * demo shop's side of the repository), writes a small one with the same header.
     */
    static Path copyTo(Path target) throws IOException {
        Path source = directory();
        for (Path p : projects()) {
            Files.copy(p, target.resolve(p.getFileName()));
        }
        Files.createDirectories(target.resolve("data"));
        Path data = source.resolve("data");
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.list(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve("data").resolve(f.getFileName()));
                }
            }
        }
        Path accounts = target.resolve("data/accounts.csv");
        if (!Files.exists(accounts)) {
            Files.writeString(accounts, "username,password\nuser0001,pass0001\nuser0002,pass0002\n");
        }
        return target;
    }
}
