package dev.throng.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanInputsTest {
    private final LoadPlan.Closed staged = new LoadPlan.Closed(
            0,
            5,
            List.of(
                    new LoadPlan.Stage(Duration.ofSeconds(30), 50, null),
                    new LoadPlan.Stage(Duration.ofSeconds(60), 50, null),
                    new LoadPlan.Stage(Duration.ofSeconds(30), 0, null)),
            Duration.ofSeconds(120),
            Duration.ofSeconds(5));

    @Test
    void unchangedInputsKeepTheStages() {
        PlanInputs in = PlanInputs.of(staged);
        assertThat(in).isEqualTo(new PlanInputs(false, 50, 5, 0, 120));
        assertThat(in.applyTo(staged)).isEqualTo(staged);
    }

    @Test
    void changedUsersReplaceTheStagesByARamp() {
        PlanInputs in = new PlanInputs(false, 80, 5, 0, 120);
        assertThat(in.applyTo(staged))
                .isEqualTo(new LoadPlan.Closed(80, 5, List.of(), Duration.ofSeconds(120), Duration.ofSeconds(5)));
    }

    @Test
    void aChangedDurationKeepsTheStages() {
        PlanInputs in = new PlanInputs(false, 50, 5, 0, 300);
        assertThat(in.applyTo(staged)).isEqualTo(staged.withDuration(Duration.ofSeconds(300)));
    }

    @Test
    void openModelRateOverride() {
        LoadPlan.Open open = new LoadPlan.Open(
                1,
                List.of(new LoadPlan.RateStage(Duration.ofSeconds(60), 20)),
                100,
                Duration.ofSeconds(60),
                Duration.ofSeconds(5));
        PlanInputs in = PlanInputs.of(open);
        assertThat(in).isEqualTo(new PlanInputs(true, 0, 0, 20, 60));
        assertThat(in.applyTo(open)).isEqualTo(open);
        assertThat(new PlanInputs(true, 0, 0, 35, 60).applyTo(open))
                .isEqualTo(new LoadPlan.Open(35, List.of(), 100, Duration.ofSeconds(60), Duration.ofSeconds(5)));
    }
}
