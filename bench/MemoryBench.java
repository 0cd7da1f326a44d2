// Throng benchmark: memory per waiting user holding its keep-alive connection.
// Each user sends one request, then waits (think time 1 h) with its connection open.
// Run through bench/memory-bench.sh; standalone:
//   java -Xmx4g -cp "remote-agent/target/throng-remote-agent-0.1.0-SNAPSHOT.jar:remote-agent/target/lib/*" \
//        bench/MemoryBench.java URL USERS [HOLD_SECONDS]
// Prints: "throng users=N heap_bytes=... rss_bytes=..." (heap after a full GC). The run is stopped at the end and
// is bounded by a 10-minute plan anyway. Only loopback URLs are accepted.
// System properties: -Dpool=N uses the shared connection pool of N connections (default: one connection per user),
// -Dspawn=R starts users at R per second (default 2,000), -Dwait=S waits at most S seconds for all users (default 180).

import dev.throng.engine.project.*;
import dev.throng.engine.run.*;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

public class MemoryBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("benchmarks only target loopback, not " + url);
        }
        int users = Integer.parseInt(args[1]);
        int pool = Integer.getInteger("pool", 0);
        double spawn = Double.parseDouble(System.getProperty("spawn", "2000"));
        long waitSeconds = Long.getLong("wait", 180);
        Settings settings = Settings.defaults().withBaseUrls(List.of(url));
        if (pool > 0) {
            settings = settings.withConnections(new Settings.Connections(Settings.Connections.Policy.SHARED, pool));
        }
        Flow flow = new Flow("main", "main", List.of(Step.Request.of("get", "GET", "/")), List.of(Edge.of(Flow.START, "get", 1)));
        Project project = Project.empty("bench-memory")
                .withSettings(settings)
                .withFlows(List.of(flow))
                .withProfiles(List.of(UserProfile.of("waiter", 1, "main").withThinkTime(new ThinkTime.Constant(Duration.ofHours(1)))))
                .withLoadPlan(new LoadPlan.Closed(users, spawn, List.of(), Duration.ofMinutes(20), Duration.ofSeconds(1)));
        long t0 = System.nanoTime();
        try (RunHandle run = Runs.startLocal(project, RunOptions.of(Path.of(".")).withSeed(1))) {
            run.snapshot().warnings().forEach(w -> System.err.println("warning: " + w));
            long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
            long lastProgress = System.nanoTime();
            while (true) {
                RunSnapshot s = run.snapshot();
                long requests = s.stats() == null ? 0 : s.stats().cumulativeTotal().requests();
                if (s.users() >= users && requests >= users) {
                    break;
                }
                if (System.nanoTime() - lastProgress > 10_000_000_000L) { // progress on stderr every 10 s
                    lastProgress = System.nanoTime();
                    System.err.printf("  %d s: %d users, %d requests, heap used %d MB%n", (lastProgress - t0) / 1_000_000_000L,
                            s.users(), requests, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("users did not all start: " + s.users() + " users, " + requests + " requests");
                }
                Thread.sleep(200);
            }
            long startedNanos = System.nanoTime() - t0;
            Thread.sleep(2000); // let the last responses settle and a tick pass
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(300);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1);
            System.out.printf("throng users=%d heap_bytes=%d rss_bytes=%d failures=%d started_in_ms=%d%n", users, heap, rss,
                    run.snapshot().stats().cumulativeTotal().failures(), startedNanos / 1_000_000);
            if (args.length > 2) { // optional: hold for a heap histogram (jmap -histo:live PID)
                System.out.flush();
                Thread.sleep(Long.parseLong(args[2]) * 1000);
            }
            run.stop(false);
        }
        System.exit(0);
    }
}
