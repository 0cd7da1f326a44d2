// Throng benchmark: the response times Throng reports at a steady, moderate load, to compare builds (a change that
// saves CPU must not make the reported times worse: the generator's own delays would show up as the server's).
// Closed model: USERS users each thinking THINK_MS between requests to URL, for SECONDS after a warm-up of 8 s
// (statistics are reset after it). Run through bench/latency-bench.sh; standalone:
//   java -cp "remote-agent/target/throng-remote-agent-0.1.0-SNAPSHOT.jar:remote-agent/target/lib/*" \
//        bench/LatencyBench.java URL USERS THINK_MS SECONDS
// Prints one line: "throng users=... think_ms=... requests=... failures=... p50_ms=... p90_ms=... p99_ms=... p999_ms=... max_ms=..."
// The load goes only to URL, which must be on 127.0.0.1; the run stops by itself after 8 s + SECONDS.

import dev.throng.engine.project.*;
import dev.throng.engine.run.*;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

public class LatencyBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("benchmarks only target loopback, not " + url);
        }
        int users = Integer.parseInt(args[1]);
        long thinkMs = Long.parseLong(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = 8;
        Flow flow = new Flow("main", "main", List.of(Step.Request.of("get", "GET", "/")), List.of(Edge.of(Flow.START, "get", 1)));
        Project project = Project.empty("bench-latency")
                .withSettings(Settings.defaults().withBaseUrls(List.of(url)))
                .withFlows(List.of(flow))
                .withProfiles(List.of(UserProfile.of("user", 1, "main").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(thinkMs)))))
                .withLoadPlan(new LoadPlan.Closed(users, 10_000, List.of(), Duration.ofSeconds(warmup + seconds), Duration.ofSeconds(1)));
        try (RunHandle run = Runs.startLocal(project, RunOptions.of(Path.of(".")).withSeed(1))) {
            Thread.sleep(warmup * 1000L); // JIT and connections warm; then the figures start from zero
            run.resetStatistics();
            run.await(Duration.ofSeconds(seconds + 30));
            var t = run.snapshot().stats().cumulativeTotal();
            var l = t.latency();
            System.out.printf(java.util.Locale.ROOT,
                    "throng users=%d think_ms=%d requests=%d failures=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f%n",
                    users, thinkMs, t.requests(), t.failures(), l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(), l.maxMs());
        }
        System.exit(0);
    }
}
