// Throng benchmark: CPU microseconds per request and requests/s of the generator, closed model, no think time.
// Run through bench/http-bench.sh (which starts nginx and wrk); standalone:
//   java -cp "remote-agent/target/throng-remote-agent-0.1.0-SNAPSHOT.jar:remote-agent/target/lib/*" \
//        bench/ThroughputBench.java URL USERS WARMUP_S MEASURE_S
// Prints one line: "throng users=64 requests=... seconds=... rps=... cpu_us_per_request=... failures=... alloc_bytes_per_request=..."
// (bytes allocated per request by the whole process in the measured window: steady under load, unlike CPU time)
// The load goes only to URL, which must be on 127.0.0.1; the run stops by itself after WARMUP_S + MEASURE_S.

import com.sun.management.OperatingSystemMXBean;
import dev.throng.engine.project.*;
import dev.throng.engine.run.*;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

public class ThroughputBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("benchmarks only target loopback, not " + url);
        }
        int users = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measure = Integer.parseInt(args[3]);

        Flow flow = new Flow("main", "main", List.of(Step.Request.of("get", "GET", "/")), List.of(Edge.of(Flow.START, "get", 1)));
        Project project = Project.empty("bench")
                .withSettings(Settings.defaults().withBaseUrls(List.of(url)))
                .withFlows(List.of(flow))
                .withProfiles(List.of(UserProfile.of("bench", 1, "main")))
                .withLoadPlan(new LoadPlan.Closed(users, 10_000, List.of(), Duration.ofSeconds(warmup + measure + 2), Duration.ofSeconds(1)));

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (RunHandle run = Runs.startLocal(project, RunOptions.of(Path.of(".")).withSeed(1))) {
            long[] start = waitForTick(run, warmup * 1000L, os);
            long[] end = waitForTick(run, (warmup + measure) * 1000L, os);
            double seconds = (end[2] - start[2]) / 1e9;
            long requests = end[0] - start[0];
            double cpuMicros = (end[1] - start[1]) / 1e3;
            RunSnapshot last = run.snapshot();
            System.out.printf(java.util.Locale.ROOT,
                    "throng users=%d requests=%d seconds=%.2f rps=%.0f cpu_us_per_request=%.2f failures=%d alloc_bytes_per_request=%.0f%n",
                    users, requests, seconds, requests / seconds, cpuMicros / requests,
                    last.stats().cumulativeTotal().failures(), (double) (end[3] - start[3]) / requests);
            run.stop(false);
        }
        System.exit(0);
    }

    /** Waits for the first snapshot at or after {@code elapsedMillis}; returns {requests, cpu ns, wall ns, bytes allocated} at it. */
    private static long[] waitForTick(RunHandle run, long elapsedMillis, OperatingSystemMXBean os) throws InterruptedException {
        long seen = -1;
        while (true) {
            RunSnapshot s = run.snapshot();
            if (s.stats() != null && s.stats().sequence() != seen) {
                seen = s.stats().sequence();
                if (s.elapsedMillis() >= elapsedMillis) {
                    long allocated = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
                    return new long[] {s.stats().cumulativeTotal().requests(), os.getProcessCpuTime(), System.nanoTime(), allocated};
                }
            }
            Thread.sleep(2);
        }
    }
}
