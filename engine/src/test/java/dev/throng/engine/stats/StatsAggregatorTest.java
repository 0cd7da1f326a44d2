package dev.throng.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.time.FakeClock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsAggregatorTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void agentsSplittingTheLoadGiveExactlyTheFiguresOfOneCollector() {
        StatsCollector single = new StatsCollector(clock);
        List<StatsCollector> agents =
                List.of(new StatsCollector(clock), new StatsCollector(clock), new StatsCollector(clock));
        StatsAggregator controller = new StatsAggregator(clock);
        String[] names = {"/", "/product/{id}", "/cart", "/login"};
        String[] methods = {"GET", "GET", "POST", "POST"};
        Random random = new Random(42);

        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 20_000; i++) {
                int row = random.nextInt(names.length);
                // A long-tailed spread, from microseconds to tens of seconds.
                long latency = (long) Math.exp(random.nextDouble() * 17);
                boolean failed = random.nextInt(50) == 0;
                long bytes = random.nextInt(5000);
                long connect = random.nextInt(10) == 0 ? random.nextInt(3000) : -1;
                long pacing = row == 3 ? 50_000 : 0;
                StatsCollector agent = agents.get(i % 3);
                for (StatsCollector c : List.of(single, agent)) {
                    c.record(names[row], methods[row], latency, bytes, failed, connect, -1, latency / 2, pacing);
                    if (failed) {
                        c.recordFailure(names[row], methods[row], "http-status", "500 Internal Server Error", "");
                    }
                }
                if (i % 100 == 0) {
                    for (StatsCollector c : List.of(single, agent)) {
                        c.recordGroup("checkout", latency * 3, failed);
                    }
                }
            }
            clock.advanceMillis(1000);
            for (int a = 0; a < agents.size(); a++) {
                controller.add("agent-" + a, agents.get(a).takeInterval());
            }
            StatsSnapshot expected = single.snapshot();
            StatsSnapshot merged = controller.snapshot();

            assertThat(merged).isEqualTo(expected);
        }
        StatsSnapshot last = controller.snapshot();
        assertThat(last.cumulativeTotal().requests()).isEqualTo(100_000);
        assertThat(last.cumulative()).hasSize(5);
        assertThat(last.cumulative().get(3).corrected()).isNotNull();
        assertThat(last.cumulative().get(0).corrected()).isNull();
        assertThat(controller.encodedHistograms()).isEqualTo(single.encodedHistograms());
        Map<String, Long> perAgent = controller.requestsBySource();
        assertThat(perAgent).containsOnlyKeys("agent-0", "agent-1", "agent-2");
        assertThat(perAgent.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100_000);
    }

    @Test
    void intervalsCarrySequenceNumbersAndOnlyWhatChanged() {
        StatsCollector agent = new StatsCollector(clock);
        agent.record("/a", "GET", 1000, 10, false);
        agent.record("/b", "GET", 1000, 10, false);
        IntervalStats first = agent.takeInterval();
        agent.record("/a", "GET", 2000, 10, false);
        IntervalStats second = agent.takeInterval();
        IntervalStats third = agent.takeInterval();
        IntervalStats.Row a = second.rows().getFirst();
        IntervalStats.Row copy = new IntervalStats.Row(
                a.name(),
                a.method(),
                a.requests(),
                a.failures(),
                a.bytes(),
                a.latency().clone(),
                null,
                null,
                null,
                null);

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.rows()).hasSize(2);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.rows()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("/a");
            assertThat(r.requests()).isEqualTo(1);
            assertThat(HistogramCodec.decodeInterval(r.latency()).getMaxValue()).isBetween(2000L, 2002L);
            assertThat(r.corrected()).isNull();
        });
        assertThat(third.rows()).isEmpty();
        assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void theAggregatorFoldsRowsBeyondItsCapAndSaysWhich() {
        StatsAggregator controller = new StatsAggregator(clock, 2);
        for (String name : List.of("/a", "/b", "/c", "/d")) {
            StatsCollector agent = new StatsCollector(clock);
            agent.record(name, "GET", 1000, 0, true);
            agent.recordFailure(name, "GET", "check", "missing", "");
            controller.add(agent.takeInterval());
        }

        StatsSnapshot s = controller.snapshot();

        assertThat(s.cumulative()).extracting(RowStats::label).containsExactly("GET (other)", "GET /a", "GET /b");
        assertThat(s.cumulative().getFirst().requests()).isEqualTo(2);
        assertThat(s.failures()).extracting(FailureStats::name).containsExactly("(other)", "/a", "/b");
        assertThat(s.warnings()).singleElement().asString().contains("/c", "/d");
    }

    @Test
    void histogramsSurviveEncodingExactly() {
        Histogram h = new Histogram(3);
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            h.recordValue(random.nextLong(StatsCollector.MAX_LATENCY_MICROS));
        }

        Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));

        assertThat(back.getTotalCount()).isEqualTo(h.getTotalCount());
        assertThat(back.getMaxValue()).isEqualTo(h.getMaxValue());
        for (double p : new double[] {1, 50, 90, 99, 99.99}) {
            assertThat(back.getValueAtPercentile(p)).isEqualTo(h.getValueAtPercentile(p));
        }
        assertThat(back).isEqualTo(h);
    }

    @Test
    void badEncodedHistogramsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> HistogramCodec.decode("not base64 !"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> HistogramCodec.decode("AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an encoded histogram");
    }
}
