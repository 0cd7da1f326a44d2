package dev.throng.engine.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.time.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeupsTest {
    private final FakeClock clock = new FakeClock();
    private final LinkedBlockingQueue<UserControl> woken = new LinkedBlockingQueue<>();
    private final Wakeups wakeups = new Wakeups(clock, woken::add);

    private UserControl take() throws InterruptedException {
        UserControl c = woken.poll(10, TimeUnit.SECONDS);
        assertThat(c).as("a wake-up within 10 s").isNotNull();
        return c;
    }

    @Test
    void wakesEachAtItsDeadlineInOrderAndNotBefore() throws Exception {
        var random = new SplittableRandom(7);
        var controls = new ArrayList<UserControl>();
        var deadlines = new ArrayList<Long>();
        for (int i = 0; i < 500; i++) {
            var c = new UserControl();
            long deadline = 1_000_000L * (1 + random.nextInt(1000));
            controls.add(c);
            deadlines.add(deadline);
            wakeups.add(c, deadline);
        }
        var removed = new ArrayList<UserControl>();
        for (int i = 0; i < 500; i += 3) {
            wakeups.remove(controls.get(i));
            removed.add(controls.get(i));
        }
        assertThat(wakeups.size()).isEqualTo(500 - removed.size());

        clock.advance(500, TimeUnit.MILLISECONDS);
        List<Long> seen = new ArrayList<>();
        int dueByNow = 0;
        for (int i = 0; i < 500; i++) {
            if (i % 3 != 0 && deadlines.get(i) <= 500_000_000L) {
                dueByNow++;
            }
        }
        for (int i = 0; i < dueByNow; i++) {
            seen.add(deadlines.get(controls.indexOf(take())));
        }
        assertThat(seen).isSorted().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(500_000_000L));
        assertThat(wakeups.size()).as("the others wait on").isEqualTo(500 - removed.size() - dueByNow);
        assertThat(woken).isEmpty();

        clock.advance(1, TimeUnit.SECONDS);
        for (int i = dueByNow; i < 500 - removed.size(); i++) {
            UserControl c = take();
            assertThat(removed).doesNotContain(c);
            seen.add(deadlines.get(controls.indexOf(c)));
        }
        assertThat(seen).isSorted().hasSize(500 - removed.size());
        assertThat(wakeups.size()).isZero();
    }

    @Test
    void anEarlierDeadlineAddedWhileTheTimerSleepsComesFirst() throws Exception {
        var late = new UserControl();
        var early = new UserControl();
        wakeups.add(late, 10_000_000_000L);
        wakeups.add(early, 1_000_000L);
        clock.advance(1, TimeUnit.MILLISECONDS);
        assertThat(take()).isSameAs(early);
        assertThat(wakeups.size()).isOne();
        wakeups.remove(late);
        assertThat(wakeups.size()).isZero();
    }
}
