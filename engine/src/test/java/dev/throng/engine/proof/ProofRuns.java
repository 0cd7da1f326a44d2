package dev.throng.engine.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.Runs;
import dev.throng.engine.stats.HistogramCodec;
import dev.throng.engine.stats.RowStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What the proof tests share: building small projects, running them to the end, reading their histograms. */
final class ProofRuns {
    /** The longest a run of these tests may take, plan and graceful stop included. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(40);

    private ProofRuns() {}

    /** A project with one profile running {@code main} against {@code base}. */
    static Project project(URI base, LoadPlan plan, UserProfile profile, Flow... flows) {
        return Project.empty("proof")
                .withSettings(Settings.defaults().withBaseUrls(List.of(base.toString())))
                .withProfiles(List.of(profile))
                .withFlows(List.of(flows))
                .withLoadPlan(plan);
    }

    /** A flow whose iteration is one step drawn by weight (Locust's weighted tasks). */
    static Flow weighted(String id, Map<Step.Request, Double> steps) {
        var edges = new ArrayList<Edge>();
        steps.forEach((s, w) -> edges.add(Edge.of(Flow.START, s.id(), w)));
        return new Flow(id, id, List.copyOf(steps.keySet()), edges);
    }

    /** A flow whose iteration is every step in order. */
    static Flow chain(String id, Step... steps) {
        var edges = new ArrayList<Edge>();
        String from = Flow.START;
        for (Step s : steps) {
            edges.add(Edge.of(from, s.id(), 1));
            from = s.id();
        }
        edges.add(Edge.of(from, Flow.END, 1));
        return new Flow(id, id, List.of(steps), edges);
    }

    static RunOptions options(Path dir) {
        return RunOptions.of(dir).withSeed(7).withEnvironment(Map.of());
    }

    /** Runs {@code project} to its end and returns the result. */
    static RunResult runToEnd(Project project, Path dir) throws InterruptedException {
        try (RunHandle run = Runs.startLocal(project, options(dir))) {
            return awaitEnd(run);
        }
    }

    /** Waits for the end of {@code run}, at most {@link #RUN_LIMIT}. */
    static RunResult awaitEnd(RunHandle run) throws InterruptedException {
        RunResult result = run.await(RUN_LIMIT);
        assertThat(result).as("the run finished within %s", RUN_LIMIT).isNotNull();
        return result;
    }

    /** The cumulative row {@code "METHOD name"} of the result. */
    static RowStats row(RunResult result, String label) {
        return result.finalStats().cumulative().stream()
                .filter(r -> r.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in "
                        + result.finalStats().cumulative().stream()
                                .map(RowStats::label)
                                .toList()));
    }

    /** The cumulative latency histogram (µs) of the row {@code label}, as the run saved it. */
    static Histogram histogram(RunResult result, String label) {
        String encoded = result.histograms().get(label);
        assertThat(encoded)
                .as("histogram of '%s' in %s", label, result.histograms().keySet())
                .isNotNull();
        return HistogramCodec.decode(encoded);
    }

    /** How many values of {@code h} (µs) are at least {@code millis} ms. */
    static long atLeast(Histogram h, long millis) {
        long from = millis * 1000;
        return from > h.getMaxValue() ? 0 : h.getCountBetweenValues(from, h.getMaxValue());
    }

    /** Stalls the shop for {@code millis} ms ({@code POST /_demo/pause}). */
    static void pauseShop(DemoShop shop, long millis) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(shop.baseUri().resolve("/_demo/pause?ms=" + millis))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("pause: %s", response.body()).isEqualTo(200);
        }
    }

    /**
     * A second of light load so that the JIT has compiled the request path before a test measures it, then the
     * shop's counters and sequences are reset.
     */
    static void warmUp(DemoShop shop, Path dir) throws InterruptedException {
        var plan = new LoadPlan.Closed(4, 100, List.of(), Duration.ofSeconds(1), Duration.ofSeconds(5));
        runToEnd(
                project(
                        shop.baseUri(),
                        plan,
                        UserProfile.of("warm", 1, "main"),
                        chain("main", Step.Request.of("warm", "GET", "/delay/1"))),
                dir);
        shop.counters().reset();
    }
}
