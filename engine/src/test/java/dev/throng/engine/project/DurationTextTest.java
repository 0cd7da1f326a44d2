package dev.throng.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsUnitsCombinationsAndDecimals() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(DurationText.parse("250µs")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(DurationText.parse("7ns")).isEqualTo(Duration.ofNanos(7));
        assertThat(DurationText.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(DurationText.parse(" -5s ")).isEqualTo(Duration.ofSeconds(-5));
    }

    @Test
    void writesTheShortestExactForm() {
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(DurationText.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationText.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(DurationText.format(Duration.ofSeconds(3601))).isEqualTo("1h1s");
        assertThat(DurationText.format(Duration.ofHours(1).plusMillis(1))).isEqualTo("1h1ms");
        assertThat(DurationText.format(Duration.ofSeconds(-5))).isEqualTo("-5s");
    }

    @Test
    void formatThenParseGivesTheSameDuration() {
        var random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            Duration d = Duration.ofNanos(random.nextLong(DurationText.MAX.toNanos()) >> random.nextInt(60));
            assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
        }
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationText.parse("5")).hasMessageContaining("500ms, 30s, 2m or 1h30m");
        assertThatThrownBy(() -> DurationText.parse("5 s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parse("1 minute")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.parse("0.5ns")).hasMessageContaining("finer than a nanosecond");
        assertThatThrownBy(() -> DurationText.parse("999999999h")).hasMessageContaining("too long");
    }
}
