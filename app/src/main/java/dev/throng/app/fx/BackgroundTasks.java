package dev.throng.app.fx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way the app runs work off the FX thread: {@link #run} executes blocking work (file I/O, HTTP through the
 * engine) on a virtual thread and delivers its result or failure on the UI thread; {@link #every} ticks on the UI
 * thread at a fixed period.
 *
 * <p>{@link #fx()} is the app's instance (UI thread = FX thread). {@link #inline()} runs work and callbacks at once
 * on the caller's thread and ticks only when {@link #tick()} is called, for view-model unit tests.
 *
 * <p>Thread-safe.
 */
public final class BackgroundTasks implements AutoCloseable {
    private final Executor ui;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final List<Runnable> manualTicks = new ArrayList<>(); // guarded by this; inline mode only

    private BackgroundTasks(Executor ui, ExecutorService workers, ScheduledExecutorService timer) {
        this.ui = ui;
        this.workers = workers;
        this.timer = timer;
    }

    /** Work on virtual threads, callbacks through {@link Platform#runLater}. */
    public static BackgroundTasks fx() {
        return new BackgroundTasks(
                Platform::runLater,
                Executors.newVirtualThreadPerTaskExecutor(),
                Executors.newSingleThreadScheduledExecutor(r -> {
                    var t = new Thread(r, "throng-ui-timer");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** Everything on the caller's thread, at once; {@link #every} waits for {@link #tick()}. */
    public static BackgroundTasks inline() {
        return new BackgroundTasks(Runnable::run, null, null);
    }

    /**
     * Runs {@code work} off the UI thread, then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @param onFailure receives the exception thrown by {@code work}
     *     <p>After {@link #close()}, work is dropped.
     */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        Runnable task = () -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(value));
        };
        if (workers == null) {
            task.run();
        } else {
            try {
                workers.execute(task);
            } catch (RejectedExecutionException e) {
                // closed: the app is exiting and nobody waits for the result
            }
        }
    }

    /** Calls {@code onUi} on the UI thread every {@code period} until the returned handle is closed. */
    public AutoCloseable every(Duration period, Runnable onUi) {
        if (timer == null) {
            synchronized (this) {
                manualTicks.add(onUi);
            }
            return () -> {
                synchronized (this) {
                    manualTicks.remove(onUi);
                }
            };
        }
        var future = timer.scheduleAtFixedRate(
                () -> ui.execute(onUi), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Inline mode: runs every periodic callback once, now, on the caller's thread. */
    public void tick() {
        List<Runnable> copy;
        synchronized (this) {
            copy = List.copyOf(manualTicks);
        }
        copy.forEach(Runnable::run);
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
            timer.shutdownNow();
        }
    }
}
