package dev.throng.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharesTest {
    private static final Shares.Member A1 = new Shares.Member("a1", "host-a");
    private static final Shares.Member A2 = new Shares.Member("a2", "host-a");
    private static final Shares.Member B1 = new Shares.Member("b1", "host-b");

    @Test
    void spreadsAcrossHostsBeforeASecondAgentOfAHost() {
        assertThat(Shares.spread(List.of(A2, A1, B1))).containsExactly(A1, B1, A2);
    }

    @Test
    void remainderGoesToOtherHostsFirstAndTheSumIsKept() {
        var split = Shares.split(5, List.of(A1, A2, B1));
        assertThat(split).containsEntry("a1", 2).containsEntry("b1", 2).containsEntry("a2", 1);
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    @Test
    void sameAgentsInAnyOrderGiveTheSameShares() {
        assertThat(Shares.split(7, List.of(B1, A2, A1))).isEqualTo(Shares.split(7, List.of(A1, A2, B1)));
    }

    @Test
    void survivorsTakeALostAgentsUsers() {
        assertThat(Shares.split(6, List.of(A2, B1))).containsEntry("b1", 3).containsEntry("a2", 3);
    }

    @Test
    void ratesFollowTheShareOfUsers() {
        assertThat(Shares.rate(6.0, 2, 6, 3)).isEqualTo(2.0);
        assertThat(Shares.rate(6.0, 0, 0, 3)).isEqualTo(2.0);
    }

    @Test
    void agentPlanScalesUsersRatesAndStages() {
        var closed = new LoadPlan.Closed(
                0,
                10,
                List.of(new LoadPlan.Stage(Duration.ofSeconds(10), 30, 3.0)),
                Duration.ofSeconds(20),
                Duration.ofSeconds(2));
        var own = (LoadPlan.Closed) Shares.planOf(closed, 10, 1.0 / 3, 15_000);
        assertThat(own.users()).isEqualTo(10);
        assertThat(own.stages().getFirst().target()).isEqualTo(10);
        assertThat(own.stages().getFirst().rate()).isEqualTo(1.0);
        assertThat(own.duration()).isEqualTo(Duration.ofSeconds(15));

        var open = new LoadPlan.Open(
                9, List.of(new LoadPlan.RateStage(Duration.ofSeconds(5), 30)), 9, Duration.ofSeconds(5), Duration.ZERO);
        var part = (LoadPlan.Open) Shares.planOf(open, 0, 1.0 / 3, 5_000);
        assertThat(part.startRate()).isEqualTo(3.0);
        assertThat(part.stages().getFirst().target()).isEqualTo(10.0);
        assertThat(part.maxConcurrentUsers()).isEqualTo(3);
    }
}
