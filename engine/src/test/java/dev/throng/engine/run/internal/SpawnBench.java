package dev.throng.engine.run.internal;

import dev.throng.engine.http.HttpEngine;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.time.Clock;
import dev.throng.engine.user.Transport;
import dev.throng.engine.user.UserEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Benchmark (not a test): how closely a local run keeps a closed plan's spawn rate. {@code USERS} users asked at
 * {@code RATE} users/s, each sending one request through the shared pool and then thinking for an hour.
 *
 * <p>Built as {@code Runs.startLocal} builds a run, except that each user's transport records, with the system
 * clock, when the scheduler made it (the launch) and when the user sent its first request (its start). The plan
 * starts user {@code k} (from 0) at {@code k / RATE} s after the run's start, so the achieved rate is
 * {@code (USERS - 1) / (time of the last start after the run's start)}; also printed: the lag of each start behind its
 * planned time (median, 99th percentile, largest).
 *
 * <p>Run: {@code java -cp engine/target/test-classes:engine/target/classes:remote-agent/target/lib/*
 * dev.throng.engine.run.internal.SpawnBench URL [USERS=20000] [RATE=50000] [POOL=256] [ROUNDS=1]}. Only loopback URLs.
 * POOL 0 replaces HTTP by a transport that answers at once (the scheduler and the users alone). With ROUNDS above 1
 * the same spawn is run that many times in this JVM (each a new run) and every round is printed: the first is a cold
 * start, the later ones show the warmed code. Each run is stopped as soon as every user has started (at most 60 s).
 */
public final class SpawnBench {
    private SpawnBench() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("benchmarks only target loopback, not " + url);
        }
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 50_000;
        int pool = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean ok = true;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(
                    "round %d of %d (%s)%n", round, rounds, pool > 0 ? "HTTP, shared pool of " + pool : "no HTTP");
            ok &= round(url, users, rate, pool);
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean round(String url, int users, double rate, int pool) throws Exception {

        Flow flow = new Flow(
                "main", "main", List.of(Step.Request.of("get", "GET", "/")), List.of(Edge.of(Flow.START, "get", 1)));
        Settings settings = Settings.defaults()
                .withBaseUrls(List.of(url))
                .withConnections(new Settings.Connections(Settings.Connections.Policy.SHARED, Math.max(1, pool)));
        Project project = Project.empty("bench-spawn")
                .withSettings(settings)
                .withFlows(List.of(flow))
                .withProfiles(List.of(UserProfile.of("spawned", 1, "main")
                        .withThinkTime(new ThinkTime.Constant(Duration.ofHours(1)))))
                .withLoadPlan(
                        new LoadPlan.Closed(users, rate, List.of(), Duration.ofMinutes(2), Duration.ofSeconds(1)));

        Clock clock = Clock.system();
        var stats = new StatsCollector(clock, 500);
        var env = UserEnvironment.prepare(
                project,
                new UserEnvironment.Config(
                        Path.of("."), Map.of(), null, clock, new CollectorSink(stats), Map.of(), 0, m -> {}));
        var http = HttpEngine.create(HttpSetup.options(settings, Path.of("."), Map.of(), users), clock);

        long[] launched = new long[users];
        long[] started = new long[users];
        var made = new AtomicInteger();
        var sentFirst = new AtomicInteger();
        Supplier<Transport> transports = () -> {
            int i = made.getAndIncrement();
            Transport inner = pool > 0 ? new HttpTransport(http.newSession()) : new Instant();
            if (i >= users) {
                return inner;
            }
            launched[i] = clock.nanoTime();
            return new Transport() {
                private boolean sent;

                @Override
                public Reply send(Outgoing request) throws InterruptedException {
                    if (!sent) {
                        sent = true;
                        started[i] = clock.nanoTime();
                        sentFirst.incrementAndGet();
                    }
                    return inner.send(request);
                }

                @Override
                public Optional<String> cookie(String name) {
                    return inner.cookie(name);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        };
        var run = new LocalRun(
                project,
                env,
                transports,
                http,
                stats,
                clock,
                1,
                Duration.ofMinutes(2).toNanos(),
                List.of());
        long t0 = clock.nanoTime();
        run.start();
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        while (sentFirst.get() < users && clock.nanoTime() - deadline < 0) {
            clock.sleep(1_000_000);
        }
        long all = clock.nanoTime() - t0;
        int n = sentFirst.get();
        run.close();
        if (n < users) {
            System.out.printf("throng spawn: only %d of %d users started within 60 s%n", n, users);
            return false;
        }
        System.out.println(line("launch", launched, t0, rate));
        System.out.println(line("start", started, t0, rate));
        System.out.printf(
                Locale.ROOT,
                "throng spawn users=%d rate=%.0f planned_ms=%.1f all_started_ms=%.1f failures=%d%n",
                users,
                rate,
                (users - 1) / rate * 1e3,
                all / 1e6,
                stats.takeInterval().rows().stream()
                        .mapToLong(r -> r.failures())
                        .sum());
        return true;
    }

    /** A transport that answers 200 at once, without a network. */
    private static final class Instant implements Transport {
        @Override
        public Reply send(Outgoing request) {
            return new Reply(200, "OK", List.of(), new byte[0], 0, -1, -1, 0, 0, null, null);
        }

        @Override
        public Optional<String> cookie(String name) {
            return Optional.empty();
        }

        @Override
        public void close() {}
    }

    /** The achieved rate and the lags behind the plan of one kind of event, as one line. */
    private static String line(String what, long[] at, long t0, double rate) {
        int n = at.length;
        long[] lag = new long[n];
        long last = 0;
        for (int k = 0; k < n; k++) {
            long since = at[k] - t0;
            last = Math.max(last, since);
            lag[k] = since - (long) (k / rate * 1e9);
        }
        Arrays.sort(lag);
        double achieved = (n - 1) / (last / 1e9);
        return String.format(
                Locale.ROOT,
                "throng spawn %s: achieved_rate=%.0f (%.2f%% of the plan) last_at_ms=%.1f lag_ms p50=%.2f p99=%.2f"
                        + " max=%.2f",
                what,
                achieved,
                achieved / rate * 100,
                last / 1e6,
                lag[n / 2] / 1e6,
                lag[(int) (n * 0.99)] / 1e6,
                lag[n - 1] / 1e6);
    }
}
