package dev.throng.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.UserProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilePlacementTest {

    private static final List<UserProfile> WEB_MOBILE =
            List.of(UserProfile.of("web", 3, "main"), UserProfile.of("mobile", 1, "main"));

    @Test
    void threeToOneIsExactAtEveryMultiple() {
        var placement = ProfilePlacement.of(WEB_MOBILE);
        assertThat(placement.countsAt(4)).containsExactly(3, 1);
        assertThat(placement.countsAt(8)).containsExactly(6, 2);
        assertThat(placement.countsAt(100)).containsExactly(75, 25);
        assertThat(placement.countsAt(100_000)).containsExactly(75_000, 25_000);
        for (int n = 1; n < 3000; n++) {
            int[] c = placement.countsAt(n);
            assertThat(Math.abs(c[0] - n * 0.75)).as("n=%d", n).isLessThan(1);
        }
    }

    @Test
    void profileOfIsAPureFunctionOfTheIndex() {
        var a = ProfilePlacement.of(WEB_MOBILE);
        var b = ProfilePlacement.of(WEB_MOBILE);
        b.countsAt(5000);
        for (int i = 4999; i >= 0; i--) {
            assertThat(a.profileOf(i)).isEqualTo(b.profileOf(i));
        }
        int[] counted = new int[2];
        for (int i = 0; i < 100; i++) {
            counted[a.profileOf(i)]++;
        }
        assertThat(counted).containsExactly(75, 25);
    }

    @Test
    void fixedCountsComeFirst() {
        var profiles = List.of(
                UserProfile.of("web", 1, "main"),
                UserProfile.of("admin", 0, "main").withFixedCount(2),
                UserProfile.of("mobile", 1, "main"));
        var placement = ProfilePlacement.of(profiles);
        assertThat(placement.profileOf(0)).isEqualTo(1);
        assertThat(placement.profileOf(1)).isEqualTo(1);
        assertThat(placement.countsAt(1)).containsExactly(0, 1, 0);
        assertThat(placement.countsAt(12)).containsExactly(5, 2, 5);
    }

    @Test
    void addingAndRemovingFollowTheSequence() {
        var placement = ProfilePlacement.of(WEB_MOBILE);
        int[] current = new int[2];
        for (int i = 0; i < 40; i++) {
            int p = placement.chooseToAdd(current);
            assertThat(p).isEqualTo(placement.profileOf(i));
            current[p]++;
        }
        for (int n = 40; n > 0; n--) {
            current[placement.chooseToRemove(current)]--;
            assertThat(current).containsExactly(placement.countsAt(n - 1));
        }
        assertThat(placement.chooseToRemove(current)).isEqualTo(-1);
    }

    @Test
    void newWeightsGiveNewTargetsAndGrowthConvergesToThem() {
        var placement = ProfilePlacement.of(WEB_MOBILE);
        int[] current = placement.countsAt(8);
        var changed = placement.withWeights(Map.of("mobile", 3.0));
        assertThat(changed.countsAt(8)).containsExactly(4, 4);
        // moving users one at a time: remove from the surplus profile, add to the deficit one
        int[] target = changed.countsAt(8);
        while (!Arrays.equals(current, target)) {
            int from = -1;
            int to = -1;
            for (int p = 0; p < 2; p++) {
                if (current[p] > target[p]) {
                    from = p;
                }
                if (current[p] < target[p]) {
                    to = p;
                }
            }
            current[from]--;
            current[to]++;
        }
        for (int i = 0; i < 92; i++) {
            current[changed.chooseToAdd(current)]++;
        }
        assertThat(current).containsExactly(50, 50);
        assertThat(changed.withWeights(Map.of("web", 1.0, "mobile", 0.0)).countsAt(10))
                .containsExactly(10, 0);
    }

    @Test
    void aStreamOfArrivalsFollowsTheSameSequenceWithoutMemory() {
        var placement = ProfilePlacement.of(WEB_MOBILE);
        long[] sofar = new long[2];
        for (int i = 0; i < 1000; i++) {
            int p = placement.nextWeighted(sofar);
            assertThat(p).isEqualTo(placement.profileOf(i));
            sofar[p]++;
        }
        assertThat(sofar).containsExactly(750, 250);
    }
}
