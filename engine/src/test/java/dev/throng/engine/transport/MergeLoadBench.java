package dev.throng.engine.transport;

import dev.throng.engine.protocol.IntervalStatsCodec;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.MessageCodec;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.stats.IntervalStats;
import dev.throng.engine.stats.StatsAggregator;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.time.Clock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Benchmark (not a test): the controller's CPU to receive, decode and merge the stats of many agents.
 *
 * <p>N simulated agents (raw DEALERs with their own CURVE keys, all driven by one thread of this process) each send
 * one {@link Message.Stats} per second holding an interval of {@code names} request names (about 50 requests per name,
 * with latency, corrected and first-byte histograms), plus a heartbeat. The controller is a real
 * {@link ControllerEndpoint}; a consumer thread decodes each payload ({@link IntervalStatsCodec}) and adds it to a
 * {@link StatsAggregator}, taking a snapshot every second. Reported: CPU time of the controller's threads (socket
 * thread, ZeroMQ I/O thread) and of the consumer, as a share of one core, over the measured window.
 *
 * <p>Run: {@code java -cp <engine test classpath> dev.throng.engine.transport.MergeLoadBench [agents] [names] [seconds]
 * [--insecure]
 * [--no-sockets]}; {@code --no-sockets} stops after the measure without sockets (frame and payload decode and merge,
 * one thread). The agents run in the same JVM and compete for the cores; their CPU is not counted.
 */
public final class MergeLoadBench {
    private MergeLoadBench() {}

    public static void main(String[] args) throws Exception {
        List<String> plain = new ArrayList<>();
        boolean insecure = false;
        boolean socketsToo = true;
        for (String arg : args) {
            if (arg.equals("--no-sockets")) {
                socketsToo = false;
            } else if (arg.equals("--insecure")) {
                insecure = true;
            } else {
                plain.add(arg);
            }
        }
        int agents = plain.size() > 0 ? Integer.parseInt(plain.get(0)) : 100;
        int names = plain.size() > 1 ? Integer.parseInt(plain.get(1)) : 200;
        int seconds = plain.size() > 2 ? Integer.parseInt(plain.get(2)) : 20;
        Clock clock = Clock.system();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        List<byte[]> payloads = payloads(names, clock);
        System.out.printf(
                "%d agents x %d names/s, %s, stats payload %d bytes (%.1f MB/s in total)%n",
                agents,
                names,
                insecure ? "plain text" : "CURVE",
                payloads.getFirst().length,
                agents * (double) payloads.getFirst().length / 1e6);
        measurePureDecodeAndMerge(payloads, clock, threads, agents);
        if (!socketsToo) {
            return;
        }

        List<CurveKeyPair> agentKeys = new ArrayList<>();
        Set<String> allowed = new HashSet<>();
        for (int i = 0; i < agents; i++) {
            CurveKeyPair keys = CurveKeys.generate();
            agentKeys.add(keys);
            allowed.add(keys.publicKey());
        }
        CurveKeyPair controllerKeys = CurveKeys.generate();

        var queue = new LinkedBlockingQueue<ControllerEvent>();
        Set<Long> before = threadIds();
        var config = ControllerConfig.of("tcp://127.0.0.1:*").withTiming(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (var controller = insecure
                ? ControllerEndpoint.bindInsecure(config, queue::add)
                : ControllerEndpoint.bind(config, controllerKeys, new AllowList(allowed), queue::add)) {
            Set<Long> controllerThreads = threadIds();
            controllerThreads.removeAll(before);

            AtomicLong merged = new AtomicLong();
            AtomicLong rejected = new AtomicLong();
            StatsAggregator aggregator = new StatsAggregator(clock, 100_000);
            Thread consumer = Thread.ofPlatform()
                    .name("bench-consumer")
                    .start(() -> consume(queue, aggregator, merged, rejected, clock));
            controllerThreads.add(consumer.threadId());

            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            String endpoint = controller.endpoint();
            boolean plainText = insecure;
            Thread agentDriver = Thread.ofPlatform()
                    .name("bench-agents")
                    .start(() -> driveAgents(endpoint, plainText, agentKeys, controllerKeys, payloads, running, clock));

            long deadline = clock.nanoTime() + 120_000_000_000L;
            while (controller.agents().size() < agents && clock.nanoTime() < deadline) {
                clock.sleep(100_000_000L);
            }
            System.out.printf(
                    "%d agents joined; warming up 5 s%n", controller.agents().size());
            clock.sleep(5_000_000_000L);

            long cpuStart = cpu(threads, controllerThreads);
            long mergedStart = merged.get();
            long wallStart = clock.nanoTime();
            clock.sleep(seconds * 1_000_000_000L);
            long wall = clock.nanoTime() - wallStart;
            long cpuUsed = cpu(threads, controllerThreads) - cpuStart;
            long mergedCount = merged.get() - mergedStart;

            System.out.printf(
                    "over %.1f s: %d payloads merged (%.1f/s, expected %d/s), %d rejected; controller CPU %.1f%% of one"
                            + " core (socket + I/O + decode + merge), %.2f ms per payload%n",
                    wall / 1e9,
                    mergedCount,
                    mergedCount / (wall / 1e9),
                    agents,
                    rejected.get(),
                    100.0 * cpuUsed / wall,
                    cpuUsed / 1e6 / Math.max(1, mergedCount));
            for (long id : controllerThreads) {
                var info = threads.getThreadInfo(id);
                if (info != null) {
                    System.out.printf(
                            "  thread %-20s %.1f s CPU in total%n",
                            info.getThreadName(), threads.getThreadCpuTime(id) / 1e9);
                }
            }
            running.set(false);
            agentDriver.join();
            consumer.interrupt();
            consumer.join();
        }
    }

    private static void consume(
            LinkedBlockingQueue<ControllerEvent> queue,
            StatsAggregator aggregator,
            AtomicLong merged,
            AtomicLong rejected,
            Clock clock) {
        long nextSnapshot = clock.nanoTime() + 1_000_000_000L;
        try {
            while (true) {
                ControllerEvent event = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (event instanceof ControllerEvent.AgentMessage(String agentId, Message.Stats stats)) {
                    try {
                        aggregator.add(IntervalStatsCodec.decode(stats.intervalPayload()));
                        merged.incrementAndGet();
                    } catch (IllegalArgumentException e) {
                        rejected.incrementAndGet();
                    }
                }
                if (clock.nanoTime() - nextSnapshot >= 0) {
                    aggregator.snapshot();
                    nextSnapshot += 1_000_000_000L;
                }
            }
        } catch (InterruptedException e) {
            // done
        }
    }

    private static void driveAgents(
            String endpoint,
            boolean insecure,
            List<CurveKeyPair> agentKeys,
            CurveKeyPair controllerKeys,
            List<byte[]> payloads,
            java.util.concurrent.atomic.AtomicBoolean running,
            Clock clock) {
        try (ZContext context = new ZContext(1)) {
            List<ZMQ.Socket> sockets = new ArrayList<>();
            for (int i = 0; i < agentKeys.size(); i++) {
                ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
                dealer.setLinger(0);
                dealer.setHandshakeIvl(10_000);
                if (!insecure) {
                    dealer.setCurvePublicKey(CurveKeys.decode(agentKeys.get(i).publicKey()));
                    dealer.setCurveSecretKey(CurveKeys.decode(agentKeys.get(i).secretKey()));
                    dealer.setCurveServerKey(CurveKeys.decode(controllerKeys.publicKey()));
                }
                dealer.connect(endpoint);
                dealer.send(MessageCodec.encode(Farm.hello("agent-" + i)), 0);
                sockets.add(dealer);
            }
            // Stats frames are encoded once: the agents' side is not what is measured.
            List<byte[]> frames = new ArrayList<>();
            for (byte[] payload : payloads) {
                frames.add(MessageCodec.encode(new Message.Stats("bench", 1, 1000, 0.5, 1L << 30, payload)));
            }
            long sequence = 0;
            long next = clock.nanoTime();
            while (running.get()) {
                sequence++;
                for (int i = 0; i < sockets.size(); i++) {
                    ZMQ.Socket dealer = sockets.get(i);
                    while (dealer.recv(ZMQ.DONTWAIT) != null) {
                        // welcome and heartbeats from the controller
                    }
                    dealer.send(
                            MessageCodec.encode(new Message.Heartbeat(clock.currentTimeMillis(), PeerState.RUNNING)),
                            ZMQ.DONTWAIT);
                    dealer.send(frames.get((int) ((i + sequence) % frames.size())), ZMQ.DONTWAIT);
                }
                next += 1_000_000_000L;
                clock.sleepUntil(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A few intervals of {@code names} names with about 50 requests each, as an agent's collector makes them. */
    private static List<byte[]> payloads(int names, Clock clock) {
        Random random = new Random(42);
        List<byte[]> payloads = new ArrayList<>();
        StatsCollector collector = new StatsCollector(clock, names + 10);
        for (int variant = 0; variant < 8; variant++) {
            for (int n = 0; n < names; n++) {
                String name = "/api/item-" + n + "/{id}";
                for (int r = 0; r < 50; r++) {
                    long latency = 2_000 + (long) (Math.abs(random.nextGaussian()) * 40_000);
                    collector.record(name, "GET", latency, 2_048, random.nextInt(200) == 0);
                }
            }
            IntervalStats interval = collector.takeInterval();
            payloads.add(IntervalStatsCodec.encode(interval));
        }
        return payloads;
    }

    private static void measurePureDecodeAndMerge(
            List<byte[]> payloads, Clock clock, ThreadMXBean threads, int agents) {
        StatsAggregator aggregator = new StatsAggregator(clock, 100_000);
        for (int i = 0; i < 3_000; i++) {
            aggregator.add(IntervalStatsCodec.decode(payloads.get(i % payloads.size())));
            if (i % 100 == 99) {
                aggregator.snapshot();
            }
        }
        int count = 3_000;
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            byte[] frame =
                    MessageCodec.encode(new Message.Stats("bench", i, 1, 0, 0, payloads.get(i % payloads.size())));
            var decoded = (dev.throng.engine.protocol.DecodeResult.Decoded) MessageCodec.decode(frame);
            aggregator.add(IntervalStatsCodec.decode(((Message.Stats) decoded.message()).intervalPayload()));
            if (i % 100 == 99) {
                aggregator.snapshot();
            }
        }
        long cpuUsed = threads.getCurrentThreadCpuTime() - cpuStart;
        double millis = cpuUsed / 1e6 / count;
        System.out.printf(
                "without sockets: frame decode + payload decode + merge = %.3f ms CPU per agent-interval"
                        + " (%d agents, one interval a second each: %.1f%% of one core)%n",
                millis, agents, millis * agents / 10.0);
    }

    private static Set<Long> threadIds() {
        Set<Long> ids = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ids.add(thread.threadId());
        }
        return ids;
    }

    private static long cpu(ThreadMXBean threads, Set<Long> ids) {
        long total = 0;
        for (long id : ids) {
            long time = threads.getThreadCpuTime(id);
            if (time > 0) {
                total += time;
            }
        }
        return total;
    }
}
