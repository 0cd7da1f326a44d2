package dev.throng.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanProgressTest {
    @Test
    void namesTheCurrentStageAndMarksWhereStagesEnd() {
        LoadPlan plan = new LoadPlan.Closed(
                0,
                0,
                List.of(
                        new LoadPlan.Stage(Duration.ofSeconds(30), 50, null),
                        new LoadPlan.Stage(Duration.ofSeconds(90), 50, null)),
                Duration.ofSeconds(120),
                Duration.ofSeconds(5));
        PlanProgress p = PlanProgress.of(plan, 45_000, 120_000);
        assertThat(p.fraction()).isEqualTo(0.375);
        assertThat(p.label()).isEqualTo("Stage 2 of 2: to 50 users");
        assertThat(p.stageEnds()).containsExactly(0.25, 1.0);
    }

    @Test
    void aPlainRampSaysWhetherItIsRampingOrHolding() {
        LoadPlan plan = new LoadPlan.Closed(10, 2, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(5));
        assertThat(PlanProgress.of(plan, 3_000, 60_000).label()).isEqualTo("Ramping to 10 users at 2.0/s");
        assertThat(PlanProgress.of(plan, 6_000, 60_000).label()).isEqualTo("Holding 10 users");
        assertThat(PlanProgress.of(plan, 90_000, 60_000).fraction()).isEqualTo(1.0);
    }
}
