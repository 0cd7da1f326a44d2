package dev.throng.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.time.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StatsCollectorConcurrencyTest {
    private static final int THREADS = 8;
    private static final int RECORDS = 100_000;

    @Test
    void manyThreadsRecordingWhileSnapshotsAreTakenLoseNothing() throws Exception {
        StatsCollector stats = new StatsCollector(new FakeClock());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            writers.add(Thread.ofPlatform().start(() -> {
                await(start);
                RowRecorder mine = stats.row("/own/" + id, "GET");
                RowRecorder shared = stats.row("/shared", "GET");
                for (int i = 0; i < RECORDS; i++) {
                    boolean failed = i % 10 == 0;
                    if (i % 2 == 0) {
                        mine.record(i % 5000, 3, failed);
                    } else {
                        // The convenience path looks the row up each time.
                        stats.record("/shared", "GET", i % 5000, 3, failed, i % 7 == 0 ? 100 : -1, -1, 50, 0);
                    }
                    if (failed) {
                        (i % 2 == 0 ? mine : shared).recordFailure("http-status", "500", "");
                    }
                }
            }));
        }
        AtomicBoolean done = new AtomicBoolean();
        long[] intervalRequests = new long[1];
        long[] intervalFailures = new long[1];
        Thread ticker = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                StatsSnapshot s = stats.snapshot();
                intervalRequests[0] += s.intervalTotal().requests();
                intervalFailures[0] += s.intervalTotal().failures();
                assertThat(s.cumulativeTotal().failures())
                        .isLessThanOrEqualTo(s.cumulativeTotal().requests());
            }
        });
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        done.set(true);
        ticker.join();

        StatsSnapshot last = stats.snapshot();
        intervalRequests[0] += last.intervalTotal().requests();
        intervalFailures[0] += last.intervalTotal().failures();
        long total = (long) THREADS * RECORDS;
        assertThat(last.cumulativeTotal().requests()).isEqualTo(total);
        assertThat(last.cumulativeTotal().failures()).isEqualTo(total / 10);
        assertThat(last.cumulativeTotal().bytes()).isEqualTo(total * 3);
        assertThat(intervalRequests[0]).isEqualTo(total);
        assertThat(intervalFailures[0]).isEqualTo(total / 10);
        RowStats shared = last.cumulative().stream()
                .filter(r -> r.name().equals("/shared"))
                .findFirst()
                .orElseThrow();
        assertThat(shared.requests()).isEqualTo(total / 2);
        assertThat(shared.phases().firstBytes()).isEqualTo(total / 2);
        assertThat(last.failures().stream().mapToLong(FailureStats::count).sum())
                .isEqualTo(total / 10);
        assertThat(last.cumulative()).hasSize(THREADS + 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
