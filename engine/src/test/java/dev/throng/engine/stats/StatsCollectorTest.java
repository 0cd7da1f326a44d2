package dev.throng.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.throng.engine.time.FakeClock;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsCollectorTest {
    private final FakeClock clock = new FakeClock();
    private final StatsCollector stats = new StatsCollector(clock);

    @Test
    void percentilesOfUniformValuesAreWithinHistogramPrecision() {
        RowRecorder row = stats.row("/product/{id}", "GET");
        for (int micros = 1; micros <= 10_000; micros++) {
            row.record(micros, 100, false);
        }
        clock.advanceMillis(1000);

        RowStats r = single(stats.snapshot().cumulative());

        assertThat(r.requests()).isEqualTo(10_000);
        assertThat(r.bytes()).isEqualTo(1_000_000);
        assertThat(r.latency().p50Ms()).isCloseTo(5.0, within(0.005));
        assertThat(r.latency().p90Ms()).isCloseTo(9.0, within(0.009));
        assertThat(r.latency().p95Ms()).isCloseTo(9.5, within(0.0095));
        assertThat(r.latency().p99Ms()).isCloseTo(9.9, within(0.0099));
        assertThat(r.latency().maxMs()).isCloseTo(10.0, within(0.01));
        assertThat(r.latency().meanMs()).isCloseTo(5.0005, within(0.005));
        assertThat(r.rps()).isEqualTo(10_000.0);
    }

    @Test
    void cumulativeFiguresAreTheSumOfTheIntervals() {
        RowRecorder row = stats.row("/a", "GET");
        Histogram all = new Histogram(3);
        long[][] intervals = {{1_000, 2_000, 3_000}, {50_000}, {}, {7, 8, 9, 10_000_000}};
        long requests = 0;
        for (long[] values : intervals) {
            for (long v : values) {
                row.record(v, 10, v == 50_000);
                all.recordValue(v);
            }
            requests += values.length;
            clock.advanceMillis(1000);
            StatsSnapshot s = stats.snapshot();
            assertThat(s.intervalTotal().requests()).isEqualTo(values.length);
            assertThat(s.cumulativeTotal().requests()).isEqualTo(requests);
        }
        StatsSnapshot last = stats.snapshot();
        RowStats r = single(last.cumulative());
        assertThat(r.requests()).isEqualTo(8);
        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.bytes()).isEqualTo(80);
        assertThat(r.latency().p50Ms()).isEqualTo(all.getValueAtPercentile(50) / 1000.0);
        assertThat(r.latency().p99Ms()).isEqualTo(all.getValueAtPercentile(99) / 1000.0);
        assertThat(r.latency().maxMs()).isEqualTo(all.getMaxValue() / 1000.0);
        assertThat(last.cumulativeTotal().latency()).isEqualTo(r.latency());
        assertThat(last.sequence()).isEqualTo(5);
        assertThat(last.elapsedMillis()).isEqualTo(4000);
        assertThat(last.cumulativeTotal().rps()).isEqualTo(2.0);
    }

    @Test
    void intervalRowsShowZeroWhenARowWasQuietAndRpsUsesTheIntervalLength() {
        stats.record("/a", "GET", 1000, 0, false);
        stats.record("/b", "GET", 1000, 0, false);
        clock.advanceMillis(2000);
        stats.snapshot();
        for (int i = 0; i < 30; i++) {
            stats.record("/a", "GET", 1000, 0, false);
        }
        clock.advanceMillis(500);
        StatsSnapshot s = stats.snapshot();

        assertThat(s.intervalMillis()).isEqualTo(500);
        assertThat(s.interval()).extracting(RowStats::label).containsExactly("GET /a", "GET /b");
        assertThat(s.interval().get(0).rps()).isEqualTo(60.0);
        assertThat(s.interval().get(1).requests()).isZero();
        assertThat(s.interval().get(1).latency()).isEqualTo(LatencySummary.EMPTY);
        assertThat(s.cumulative().get(0).rps()).isEqualTo(31 / 2.5);
    }

    @Test
    void rowsAreSortedByLabel() {
        stats.record("/z", "GET", 1, 0, false);
        stats.record("/a", "POST", 1, 0, false);
        stats.record("/a", "GET", 1, 0, false);
        stats.recordGroup("checkout", 5, false);

        StatsSnapshot s = stats.snapshot();

        assertThat(s.cumulative())
                .extracting(RowStats::label)
                .containsExactly("GET /a", "GET /z", "POST /a", "checkout");
    }

    @Test
    void groupsAreRowsWithoutMethodAndNotPartOfTheTotal() {
        stats.record("/cart", "POST", 2_000, 0, false);
        stats.record("/pay", "POST", 3_000, 0, true);
        stats.recordGroup("checkout", 5_000, true);
        clock.advanceMillis(1000);

        StatsSnapshot s = stats.snapshot();

        RowStats group = s.cumulative().stream()
                .filter(r -> r.method().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(group.name()).isEqualTo("checkout");
        assertThat(group.failures()).isEqualTo(1);
        assertThat(s.cumulativeTotal().requests()).isEqualTo(2);
        assertThat(s.cumulativeTotal().failures()).isEqualTo(1);
        assertThat(s.cumulativeTotal().name()).isEqualTo("Total");
        assertThat(s.cumulativeTotal().latency().maxMs()).isCloseTo(3.0, within(0.003));
    }

    @Test
    void resetStartsTheFiguresAgainButKeepsHandlesWorking() {
        RowRecorder row = stats.row("/a", "GET");
        row.record(1000, 0, true);
        row.recordFailure("http-status", "500 Internal Server Error", "GET /a");
        clock.advanceMillis(1000);
        stats.snapshot();
        row.record(2000, 0, false); // not yet taken: dropped by the reset
        clock.advanceMillis(1000);

        stats.reset();
        StatsSnapshot empty = stats.snapshot();
        assertThat(empty.cumulative()).isEmpty();
        assertThat(empty.cumulativeTotal().requests()).isZero();
        assertThat(empty.failures()).isEmpty();

        row.record(3000, 0, false);
        clock.advanceMillis(4000);
        StatsSnapshot after = stats.snapshot();
        assertThat(single(after.cumulative()).requests()).isEqualTo(1);
        assertThat(single(after.cumulative()).latency().maxMs()).isCloseTo(3.0, within(0.003));
        assertThat(after.cumulativeTotal().rps()).isEqualTo(0.25);
        assertThat(after.elapsedMillis()).isEqualTo(6000);
    }

    @Test
    void failuresAreGroupedWithCountsTimesAndOneCappedExample() {
        String longBody = "x".repeat(2000);
        stats.record("/a", "GET", 10, 0, true);
        stats.recordFailure("/a", "GET", "http-status", "503 Service Unavailable", longBody);
        clock.advanceMillis(1500);
        stats.record("/a", "GET", 10, 0, true);
        stats.recordFailure("/a", "GET", "http-status", "503 Service Unavailable", "second example");
        stats.record("/a", "GET", 10, 0, true);
        stats.recordFailure("/a", "GET", "check", "body does not contain 'ok'", "");
        stats.record("/b", "POST", 10, 0, true);
        stats.recordFailure("/b", "POST", "http-status", "503 Service Unavailable", "");

        List<FailureStats> failures = stats.snapshot().failures();

        assertThat(failures).hasSize(3);
        FailureStats top = failures.getFirst();
        assertThat(top.name()).isEqualTo("/a");
        assertThat(top.kind()).isEqualTo("http-status");
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.firstSeenMillis()).isEqualTo(1_800_000_000_000L);
        assertThat(top.lastSeenMillis()).isEqualTo(1_800_000_001_500L);
        assertThat(top.example()).hasSize(StatsCollector.MAX_TEXT).startsWith("xxx");
        assertThat(failures).extracting(FailureStats::count).containsExactly(2L, 1L, 1L);
    }

    @Test
    void failureGroupsKeepGrowingAcrossIntervals() {
        stats.recordFailure("/a", "GET", "timeout", "response timeout after 30 s", "");
        stats.snapshot();
        stats.recordFailure("/a", "GET", "timeout", "response timeout after 30 s", "");
        stats.recordFailure("/a", "GET", "timeout", "response timeout after 30 s", "");

        assertThat(single(stats.snapshot().failures()).count()).isEqualTo(3);
    }

    @Test
    void failureMessagesBeyondTheCapAreCountedTogether() {
        for (int i = 0; i < 3000; i++) {
            stats.recordFailure("/a", "GET", "exception", "connection reset by peer #" + i, "");
        }

        List<FailureStats> failures = stats.snapshot().failures();

        assertThat(failures).hasSize(StatsCollector.MAX_FAILURE_GROUPS + 1);
        assertThat(failures.getFirst().message()).isEqualTo("(other messages)");
        assertThat(failures.getFirst().count()).isEqualTo(2000);
        assertThat(failures.stream().mapToLong(FailureStats::count).sum()).isEqualTo(3000);
    }

    @Test
    void distinctNamesBeyondTheCapFoldIntoOneRowPerMethodWithAWarning() {
        StatsCollector capped = new StatsCollector(clock, 500);
        for (int i = 0; i < 10_000; i++) {
            String method = i % 2 == 0 ? "GET" : "DELETE";
            capped.record("/item/" + i, method, 100, 0, true);
            capped.recordFailure("/item/" + i, method, "http-status", "404 Not Found", "");
        }

        StatsSnapshot s = capped.snapshot();

        assertThat(capped.rowCount()).isLessThanOrEqualTo(500 + 2);
        assertThat(s.cumulative()).hasSizeLessThanOrEqualTo(500 + 2);
        assertThat(s.cumulativeTotal().requests()).isEqualTo(10_000);
        RowStats otherGets = s.cumulative().stream()
                .filter(r -> r.label().equals("GET (other)"))
                .findFirst()
                .orElseThrow();
        assertThat(otherGets.requests()).isEqualTo(4750);
        assertThat(otherGets.failures()).isEqualTo(4750);
        assertThat(s.warnings()).singleElement().asString().contains("(other)", "/item/500", "500", "name");
        assertThat(s.failures()).hasSizeLessThanOrEqualTo(502);
        assertThat(s.failures().stream().mapToLong(FailureStats::count).sum()).isEqualTo(10_000);
    }

    @Test
    void coordinatedOmissionCorrectionAddsTheMissedSamplesBesideTheRawFigures() {
        RowRecorder paced = stats.row("/paced", "GET");
        for (int i = 0; i < 9; i++) {
            paced.record(10_000, 0, false, -1, -1, -1, 100_000);
        }
        // One stall of 1 s while the user should have sent a request every 100 ms.
        paced.record(1_000_000, 0, false, -1, -1, -1, 100_000);
        stats.record("/unpaced", "GET", 10_000, 0, false);

        StatsSnapshot s = stats.snapshot();

        RowStats r = s.cumulative().get(0);
        assertThat(r.name()).isEqualTo("/paced");
        assertThat(r.requests()).isEqualTo(10);
        assertThat(r.latency().p50Ms()).isCloseTo(10.0, within(0.01));
        assertThat(r.corrected()).isNotNull();
        // 9 x 10 ms plus 1000, 900, ..., 100 ms: the median is no longer 10 ms.
        assertThat(r.corrected().p50Ms()).isCloseTo(100.0, within(0.1));
        assertThat(r.corrected().maxMs()).isCloseTo(1000.0, within(1.0));
        assertThat(s.cumulative().get(1).corrected()).isNull();
        assertThat(s.cumulativeTotal().corrected()).isNotNull();
        assertThat(s.cumulativeTotal().requests()).isEqualTo(11);
    }

    @Test
    void phaseTimingsCountOnlyTheRequestsWhereThePhaseHappened() {
        RowRecorder row = stats.row("/a", "GET");
        row.record(50_000, 0, false, 2_000, 8_000, 40_000, 0);
        row.record(30_000, 0, false, -1, -1, 20_000, 0);
        row.record(30_000, 0, false, 4_000, -1, 20_000, 0);

        RowStats r = single(stats.snapshot().cumulative());

        assertThat(r.corrected()).isNull();
        assertThat(r.phases().connects()).isEqualTo(2);
        // Phases keep two significant digits: 1%.
        assertThat(r.phases().connect().maxMs()).isCloseTo(4.0, within(0.04));
        assertThat(r.phases().tlsHandshakes()).isEqualTo(1);
        assertThat(r.phases().tls().p50Ms()).isCloseTo(8.0, within(0.08));
        assertThat(r.phases().firstBytes()).isEqualTo(3);
    }

    @Test
    void outOfRangeLatenciesAreClamped() {
        stats.record("/a", "GET", -5, 0, false);
        stats.record("/a", "GET", Long.MAX_VALUE, 0, false);

        RowStats r = single(stats.snapshot().cumulative());

        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.latency().maxMs()).isCloseTo(StatsCollector.MAX_LATENCY_MICROS / 1000.0, within(4000.0));
    }

    @Test
    void keptHandlesAreTheSameRow() {
        assertThat(stats.row("/a", "GET")).isSameAs(stats.row("/a", "GET"));
        assertThat(stats.row("/a", "GET")).isNotSameAs(stats.row("/a", "POST"));
        assertThat(stats.group("flow")).isSameAs(stats.row("flow", ""));
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.getFirst();
    }
}
