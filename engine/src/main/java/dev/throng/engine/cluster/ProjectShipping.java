package dev.throng.engine.cluster;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Validator;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.user.UserEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the controller checks and reads before it ships a project to agents. Stateless; thread-safe. */
final class ProjectShipping {
    private ProjectShipping() {}

    /** Throws a {@link RunStartException} listing the project's errors, as a local run would. */
    static void requireRunnable(Project project, Path projectDirectory) {
        if (project.profiles().isEmpty()) {
            throw new RunStartException("the project has no user profile: add one (a name, a weight and a main flow)");
        }
        var errors = Validator.validate(project, projectDirectory).stream()
                .filter(Problem::isError)
                .map(Problem::format)
                .toList();
        if (!errors.isEmpty()) {
            throw new RunStartException(
                    "the project has problems to fix before it can run:\n" + String.join("\n", errors));
        }
        for (UserProfile p : project.profiles()) {
            for (String flow : new String[] {p.mainFlow(), p.startFlow(), p.stopFlow()}) {
                if (flow != null && project.flow(flow).isEmpty()) {
                    throw new RunStartException(
                            "profile '" + p.name() + "' runs the flow '" + flow + "', which the project does not have");
                }
            }
        }
    }

    /**
     * The files the project reads (data sources, request bodies from files, TLS stores), by their path relative to
     * the project folder, as the agents get them.
     *
     * @throws RunStartException when a file cannot be read, or lies outside the project folder
     */
    static Map<String, byte[]> readFiles(Project project, Path projectDirectory) {
        Set<String> paths = new LinkedHashSet<>();
        for (DataSource ds : project.dataSources()) {
            paths.add(ds.path());
        }
        for (Flow flow : project.flows()) {
            collectBodies(flow.steps(), paths);
        }
        var tls = project.settings().tls();
        if (tls != null) {
            for (String p : new String[] {tls.trustStore(), tls.clientCertificate()}) {
                if (p != null && !p.isBlank()) {
                    paths.add(p);
                }
            }
        }
        var files = new LinkedHashMap<String, byte[]>();
        for (String path : paths) {
            String relative = path.replace('\\', '/');
            if (relative.startsWith("/") || relative.contains("..") || relative.matches("^[A-Za-z]:.*")) {
                throw new RunStartException("the file " + path + " cannot be sent to the agents: a distributed run"
                        + " needs the project's files inside the project folder, by a relative path without '..'");
            }
            try {
                files.put(relative, Files.readAllBytes(projectDirectory.resolve(path)));
            } catch (IOException e) {
                throw new RunStartException(
                        "cannot read " + projectDirectory.resolve(path) + " to send it to the" + " agents: "
                                + e.getMessage(),
                        e);
            }
        }
        return files;
    }

    private static void collectBodies(List<Step> steps, Set<String> paths) {
        for (Step s : steps) {
            switch (s) {
                case Step.Request r -> {
                    if (r.body() instanceof Body.File f) {
                        paths.add(f.path());
                    }
                }
                case Step.Group g -> collectBodies(g.steps(), paths);
                case Step.Pause p -> {}
            }
        }
    }

    /**
     * The rows of each unique data source, by id.
     *
     * @throws RunStartException when a file cannot be read
     */
    static Map<String, Long> uniqueRowCounts(Project project, Path projectDirectory) {
        var counts = new LinkedHashMap<String, Long>();
        for (DataSource ds : project.dataSources()) {
            if (ds.policy() == DataSource.Policy.UNIQUE) {
                try {
                    counts.put(ds.id(), (long)
                            UserEnvironment.readTable(ds, projectDirectory).size());
                } catch (IOException e) {
                    throw new RunStartException(e.getMessage(), e);
                }
            }
        }
        return counts;
    }

    /** Writes shipped files below {@code directory}; refuses paths that would leave it. */
    static void writeFiles(Map<String, byte[]> files, Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        for (var entry : files.entrySet()) {
            Path target = root.resolve(entry.getKey()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("refused to write " + entry.getKey() + " outside " + root);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue());
        }
    }
}
