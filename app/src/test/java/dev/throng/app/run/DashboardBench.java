package dev.throng.app.run;

import dev.throng.engine.project.Project;
import dev.throng.engine.time.Clock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Responsiveness benchmark of the dashboard (not a test): a synthetic run with many distinct request names feeds the
 * dashboard one snapshot a second, the normal refresh; meanwhile it measures the FX thread's CPU share and the gaps
 * between frames (an {@link AnimationTimer} asks for a frame every pulse).
 *
 * <p>Run: {@code xvfb-run -a java -Dprism.order=sw -cp <test classpath> dev.throng.app.run.DashboardBench [names]
 * [seconds]} (defaults 10000 and 30).
 */
public final class DashboardBench {
    private DashboardBench() {}

    public static void main(String[] args) throws Exception {
        int names = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Clock clock = Clock.system();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();

        long[] tickCosts = new long[seconds * 4];
        long[] tickCpu = new long[seconds * 4];
        int[] ticks = {0};
        boolean[] measuring = {false};
        CompletableFuture<Long> fxThread = new CompletableFuture<>();
        CompletableFuture<RunView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            fxThread.complete(Thread.currentThread().threadId());
            Project project = RunViewGuiIT.shopProject(java.net.URI.create("http://127.0.0.1:1"));
            RunViewModel vm = new RunViewModel(
                    () -> project, () -> Path.of("."), (p, d) -> new SyntheticRun(names, 50, 1000, 3_600_000));
            RunView view = new RunView(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1280, 860));
            stage.show();
            vm.start();
            // The view's own sampler, timed: the same tick RunView.setActive(true) plays, every SAMPLE_MILLIS.
            Timeline sampler = new Timeline(new KeyFrame(Duration.millis(RunView.SAMPLE_MILLIS), e -> {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long t0 = clock.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                int points = vm.history().size();
                view.tick();
                long spent = clock.nanoTime() - t0;
                long cpu = mx.getCurrentThreadCpuTime() - c0;
                if (measuring[0] && ticks[0] < tickCosts.length && vm.history().size() > points) {
                    tickCosts[ticks[0]] = spent;
                    tickCpu[ticks[0]++] = cpu;
                }
            }));
            sampler.setCycleCount(Animation.INDEFINITE);
            sampler.play();
            shown.complete(view);
        });
        shown.get(30, TimeUnit.SECONDS);
        // Let the first snapshots arrive and the JIT warm up, then measure.
        clock.sleep(TimeUnit.SECONDS.toNanos(5));

        long[] gaps = new long[seconds * 240];
        int[] count = {0};
        AnimationTimer frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0 && count[0] < gaps.length) {
                    gaps[count[0]++] = now - last;
                }
                last = now;
            }
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxId = fxThread.get();
        Platform.runLater(() -> {
            measuring[0] = true;
            frames.start();
        });
        long cpu0 = threads.getThreadCpuTime(fxId);
        long wall0 = clock.nanoTime();
        clock.sleep(TimeUnit.SECONDS.toNanos(seconds));
        long cpu1 = threads.getThreadCpuTime(fxId);
        long wall1 = clock.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            measuring[0] = false;
            frames.stop();
            stopped.countDown();
        });
        stopped.await();
        long[] t = Arrays.copyOf(tickCosts, ticks[0]);
        Arrays.sort(t);
        long[] tc = Arrays.copyOf(tickCpu, ticks[0]);
        Arrays.sort(tc);

        long[] g = Arrays.copyOf(gaps, count[0]);
        Arrays.sort(g);
        double busy = (double) (cpu1 - cpu0) / (wall1 - wall0);
        long janky = Arrays.stream(g)
                .filter(x -> x > TimeUnit.MILLISECONDS.toNanos(50))
                .count();
        System.out.printf(
                Locale.ROOT,
                "names=%d seconds=%d frames=%d fx-thread-cpu=%.1f%% frame-gap median=%.1fms p99=%.1fms max=%.1fms"
                        + " gaps>50ms=%d%n  ticks with a new snapshot: %d, wall median=%.2fms max=%.2fms,"
                        + " FX-thread CPU median=%.2fms max=%.2fms%n",
                names,
                seconds,
                g.length,
                busy * 100,
                ms(g, 0.5),
                ms(g, 0.99),
                g.length == 0 ? 0 : g[g.length - 1] / 1e6,
                janky,
                t.length,
                ms(t, 0.5),
                t.length == 0 ? 0 : t[t.length - 1] / 1e6,
                ms(tc, 0.5),
                tc.length == 0 ? 0 : tc[tc.length - 1] / 1e6);
        Platform.exit();
        System.exit(0);
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6;
    }
}
