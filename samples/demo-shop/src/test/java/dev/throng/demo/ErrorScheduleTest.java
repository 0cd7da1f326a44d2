package dev.throng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorScheduleTest {
    private static long failuresIn(long first, long count, double rate) {
        long ppm = ErrorSchedule.partsPerMillion(rate);
        long failures = 0;
        for (long n = first; n < first + count; n++) {
            if (ErrorSchedule.fails(n, ppm)) {
                failures++;
            }
        }
        return failures;
    }

    @ParameterizedTest
    @CsvSource({"0.0,1000", "0.01,1000", "0.1,1000", "0.25,40", "0.29,100", "0.3,10", "0.5,7", "0.7,10", "1.0,13"})
    void theFirstNRequestsHaveExactlyFloorOfNTimesTheShare(double rate, long n) {
        for (long count = 0; count <= n; count++) {
            long expected = Math.floorDiv(count * ErrorSchedule.partsPerMillion(rate), ErrorSchedule.PARTS);
            assertThat(failuresIn(0, count, rate))
                    .as("rate %s of %d", rate, count)
                    .isEqualTo(expected);
        }
    }

    @Test
    void failuresAreSpreadEvenly() {
        // Any window of 10 requests at 30% holds exactly 3 failures.
        for (long start = 0; start < 200; start++) {
            assertThat(failuresIn(start, 10, 0.3)).isEqualTo(3);
        }
    }

    @Test
    void hugeSequenceNumbersDoNotOverflow() {
        long start = Long.MAX_VALUE - 2_000_000;
        assertThat(failuresIn(start, 1_000_000, 0.001)).isEqualTo(1000);
    }
}
