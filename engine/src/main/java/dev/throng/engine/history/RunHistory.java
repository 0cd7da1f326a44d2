package dev.throng.engine.history;

import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs saved beside their project file. For {@code shop.throng.json}, each run goes to {@code
 * shop.runs/<start time>/results.json} (start time in UTC as {@code 2026-01-31T12-00-00Z}; {@code -2}, {@code -3}...
 * is added when two runs started in the same second). {@code results.json} is the {@value ResultsJson#FORMAT}
 * document, including each row's cumulative histogram, so saved runs can be compared exactly.
 *
 * <p>Stateless; any thread. Two processes saving runs of the same project in the same second get different folders.
 */
public final class RunHistory {
    /** The results file inside a run's folder. */
    public static final String RESULTS_FILE = "results.json";

    private static final DateTimeFormatter FOLDER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private RunHistory() {}

    /** The folder holding the runs of {@code projectFile}: {@code <name without .throng.json>.runs} beside it. */
    public static Path runsDirectory(Path projectFile) {
        Path absolute = projectFile.toAbsolutePath();
        String file = absolute.getFileName().toString();
        String base;
        if (file.endsWith(".throng.json")) {
            base = file.substring(0, file.length() - ".throng.json".length());
        } else if (file.endsWith(".json")) {
            base = file.substring(0, file.length() - ".json".length());
        } else {
            base = file;
        }
        return absolute.resolveSibling(base + ".runs");
    }

    /**
     * Saves {@code result} as a new run of {@code projectFile}.
     *
     * @return the run's folder
     * @throws IOException when the folder or file cannot be written; the message names it
     */
    public static Path save(Path projectFile, RunResult result) throws IOException {
        Path runs = runsDirectory(projectFile);
        try {
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw new IOException("cannot create the folder for saved runs " + runs + ": " + e.getMessage(), e);
        }
        String stamp = FOLDER.format(result.started());
        Path dir = null;
        for (int n = 1; dir == null; n++) {
            Path candidate = runs.resolve(n == 1 ? stamp : stamp + "-" + n);
            try {
                Files.createDirectory(candidate);
                dir = candidate;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run started in the same second: try the next suffix
            } catch (IOException e) {
                throw new IOException("cannot create the run folder " + candidate + ": " + e.getMessage(), e);
            }
        }
        ResultsJson.write(result, dir.resolve(RESULTS_FILE));
        return dir;
    }

    /**
     * The saved runs of {@code projectFile}, newest first; empty when there are none. Folders without a readable
     * results file (a run being saved, or a damaged one) are left out.
     */
    public static List<SavedRun> list(Path projectFile) throws IOException {
        Path runs = runsDirectory(projectFile);
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<SavedRun> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path file = dir.resolve(RESULTS_FILE);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    RunResult r = ResultsJson.read(file);
                    out.add(new SavedRun(
                            dir,
                            r.started(),
                            r.projectName(),
                            r.durationMillis(),
                            r.passed(),
                            r.finalStats().cumulativeTotal().requests(),
                            r.finalStats().cumulativeTotal().failures()));
                } catch (IOException e) {
                    // not a readable run: left out, as documented
                }
            }
        }
        out.sort(Comparator.comparing(SavedRun::started)
                .thenComparing(s -> s.directory().getFileName().toString())
                .reversed());
        return out;
    }

    /**
     * Loads a saved run.
     *
     * @param run the run's folder, or its {@code results.json} (or any results JSON file)
     * @throws IOException when it cannot be read; the message names the file and what is wrong
     */
    public static RunResult load(Path run) throws IOException {
        Path file = Files.isDirectory(run) ? run.resolve(RESULTS_FILE) : run;
        if (!Files.exists(file)) {
            throw new IOException("no saved run at " + run + " (expected a run folder holding " + RESULTS_FILE
                    + ", or a results JSON file)");
        }
        return ResultsJson.read(file);
    }
}
