package dev.throng.engine.run;

import dev.throng.engine.project.Project;
import dev.throng.engine.project.io.ProjectFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Projects for the capacity-search tests: each iteration is one {@code GET /capacity} and one cheap request, over a
 * shared connection pool as large as the users (so arrivals do not each open a connection, and a search that adds
 * users on agents must size their pools for its highest load).
 */
public final class CapacityProjects {
    private CapacityProjects() {}

    /**
     * A project against {@code baseUrl} with the capacity plan {@code loadPlanJson} (a JSON object) and the thresholds
     * {@code rules}; think time 0.
     */
    public static Project of(String baseUrl, String loadPlanJson, String... rules) {
        var read = ProjectFiles.parse(json(baseUrl, loadPlanJson, rules), "capacity.throng.json");
        if (read.project() == null || read.problems().stream().anyMatch(p -> p.isError())) {
            throw new IllegalArgumentException("bad test project: " + read.problems());
        }
        return read.project();
    }

    /**
     * The project of {@link #of} as the text of a project file (format {@code throng-project/1}), for tests that hand
     * a file to the command line.
     */
    public static String json(String baseUrl, String loadPlanJson, String... rules) {
        var thresholds = new StringBuilder();
        for (String rule : rules) {
            thresholds
                    .append(thresholds.isEmpty() ? "" : ", ")
                    .append("{\"rule\": \"")
                    .append(rule)
                    .append("\"}");
        }
        return String.format(Locale.ROOT, """
                {
                  "format": "throng-project/1",
                  "name": "capacity",
                  "settings": {"baseUrls": ["%s"], "connections": {"policy": "shared", "poolSize": 0}},
                  "profiles": [
                    {"name": "user", "weight": 1, "thinkTime": {"type": "constant", "pause": "0s"}, "mainFlow": "main"}
                  ],
                  "flows": [
                    {
                      "id": "main",
                      "steps": [
                        {"id": "capacity", "type": "request", "method": "GET", "url": "/capacity"},
                        {"id": "cheap", "type": "request", "method": "GET", "url": "/product/1"}
                      ],
                      "edges": [
                        {"from": "start", "to": "capacity", "weight": 1},
                        {"from": "capacity", "to": "cheap", "weight": 1}
                      ]
                    }
                  ],
                  "loadPlan": %s,
                  "thresholds": [%s]
                }
                """, baseUrl, loadPlanJson, thresholds);
    }

    /**
     * Warms the JVM and the shop at {@code baseUrl} up (2 s of a plain run: class loading, JIT, connections), so the
     * first step of a search measures the shop rather than the start of the JVM.
     */
    public static void warmUp(String baseUrl) throws InterruptedException {
        var warmUp = of(baseUrl, """
                {"type": "open", "startRate": 40, "maxConcurrentUsers": 40, "duration": "2s", "gracefulStop": "1s"}""", "p95<1s");
        try (var run = Runs.startLocal(warmUp, RunOptions.of(Path.of(".")).withEnvironment(Map.of()))) {
            if (run.await(Duration.ofSeconds(30)) == null) {
                throw new IllegalStateException("the warm-up run did not end");
            }
        }
    }
}
