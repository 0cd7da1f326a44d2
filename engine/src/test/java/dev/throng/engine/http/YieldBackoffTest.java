package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YieldBackoffTest {
    /** How many requests go by without a yield before the next one. */
    private static int skipped(YieldBackoff b) {
        int n = 0;
        while (!b.shouldYield()) {
            n++;
        }
        return n;
    }

    @Test
    void yieldsWhileItPays() {
        YieldBackoff b = new YieldBackoff();
        for (int i = 0; i < 5; i++) {
            assertThat(b.shouldYield()).isTrue();
            b.yielded(true);
        }
    }

    @Test
    void missesInARowDoubleTheRequestsSkippedUpToTheLimit() {
        YieldBackoff b = new YieldBackoff();
        int[] expected = {1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 1023, 1023};
        for (int want : expected) {
            assertThat(b.shouldYield()).isTrue();
            b.yielded(false);
            assertThat(skipped(b)).isEqualTo(want);
        }
        assertThat(YieldBackoff.MAX_SKIPS).isEqualTo(1023);
    }

    @Test
    void aYieldThatPaysStartsOver() {
        YieldBackoff b = new YieldBackoff();
        for (int i = 0; i < 4; i++) {
            b.shouldYield();
            b.yielded(false);
            skipped(b);
        }
        b.yielded(true);
        assertThat(b.shouldYield()).isTrue();
        b.yielded(false);
        assertThat(skipped(b)).isEqualTo(1);
    }
}
