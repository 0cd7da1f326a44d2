package dev.throng.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void parsesTheUsualRules() {
        assertThat(Threshold.parse("p95<300ms"))
                .isEqualTo(new Threshold(Threshold.Metric.P95, null, Threshold.Comparison.LT, 300, false));
        assertThat(Threshold.parse(" p99 <= 1.5s ").value()).isEqualTo(1500);
        assertThat(Threshold.parse("error_rate<1%").value()).isEqualTo(0.01);
        assertThat(Threshold.parse("error_rate<0.02").value()).isEqualTo(0.02);
        assertThat(Threshold.parse("rps>100").comparison()).isEqualTo(Threshold.Comparison.GT);
        assertThat(Threshold.parse("MAX>=2S").value()).isEqualTo(2000);
        Threshold scoped = Threshold.parse("name~/product:p95<300ms");
        assertThat(scoped.scope()).isEqualTo("/product");
        assertThat(scoped.metric()).isEqualTo(Threshold.Metric.P95);
        assertThat(Threshold.parse("name~a:b:avg<5").scope()).isEqualTo("a:b");
    }

    @Test
    void percentagesAndSecondsAreExact() {
        // 0.7 % is 0.007 exactly as a double would print it, not 0.007000000000000001
        assertThat(Threshold.parse("error_rate<0.7%").value()).isEqualTo(0.007);
        assertThat(Threshold.parse("p90<0.3s").value()).isEqualTo(300);
        assertThat(new Threshold(Threshold.Metric.ERROR_RATE, null, Threshold.Comparison.LT, 0.007, false).rule())
                .isEqualTo("error_rate<0.7%");
        assertThat(new Threshold(Threshold.Metric.P95, null, Threshold.Comparison.LT, 1e16, false).rule())
                .isEqualTo("p95<10000000000000000ms");
        assertThat(new Threshold(Threshold.Metric.RPS, null, Threshold.Comparison.GT, 1e-7, false).rule())
                .isEqualTo("rps>0.0000001");
    }

    @Test
    void ruleThenParseGivesTheSameThreshold() {
        var random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            Threshold.Metric metric = Threshold.Metric.values()[random.nextInt(Threshold.Metric.values().length)];
            double value = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10_000);
                case 1 -> random.nextDouble();
                case 2 -> random.nextDouble() * 1e9;
                default -> random.nextInt(1000) / 1000.0;
            };
            String scope = random.nextBoolean() ? null : "GET /product/\\d+|a:b";
            var t = new Threshold(metric, scope, Threshold.Comparison.values()[random.nextInt(4)], value, false);
            assertThat(Threshold.parse(t.rule())).as(t.rule()).isEqualTo(t);
        }
    }

    @Test
    void badRulesSayWhatIsAccepted() {
        assertThatThrownBy(() -> Threshold.parse("p95 300"))
                .hasMessageContaining("expected METRIC<VALUE such as p95<300ms");
        assertThatThrownBy(() -> Threshold.parse("p42<3ms")).hasMessageContaining("unknown metric 'p42'");
        assertThatThrownBy(() -> Threshold.parse("error_rate<5ms")).hasMessageContaining("percentage");
        assertThatThrownBy(() -> Threshold.parse("rps>5%")).hasMessageContaining("plain number");
        assertThatThrownBy(() -> Threshold.parse("p95<5%")).hasMessageContaining("takes a time");
        assertThatThrownBy(() -> Threshold.parse("name~(:p95<5ms")).hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> Threshold.parse("name~x")).hasMessageContaining("name~PATTERN:RULE");
    }

    @Test
    void abortIsKeptOutOfTheRuleText() {
        Threshold t = Threshold.parse("p95<300ms").withAbortOnFail(true);
        assertThat(t.abortOnFail()).isTrue();
        assertThat(t.rule()).isEqualTo("p95<300ms");
    }
}
