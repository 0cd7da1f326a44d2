package dev.throng.app.fx;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * The one way the app runs work off the FX thread: {@link #run} executes blocking work (file I/O, HTTP and runs
 * through the engine) on a virtual thread and delivers its result or failure on the UI thread; {@link #every} ticks
 * on the UI thread at a fixed period; {@link #inOrder()} gives a view whose work runs one piece at a time in the order
 * it was submitted (for commands to a run: start, live changes, stop).
 *
 * <p>{@link #fx()} is the app's instance (UI thread = FX thread). {@link #inline()} runs work and callbacks at once
 * on the caller's thread and ticks only when {@link #tick()} is called, for view-model unit tests; {@link #on} runs
 * work on a given executor, for tests that hold work back.
 *
 * <p>Thread-safe.
 */
public final class BackgroundTasks implements AutoCloseable {
    private final Executor ui;
    /** Where work runs; null runs it at once on the caller's thread. */
    private final Executor workers;
    /** The executor this instance made and closes; null for views and test instances. */
    private final ExecutorService owned;

    private final boolean timed;
    private final List<Runnable> manualTicks = new ArrayList<>(); // guarded by this; untimed instances only
    private ScheduledExecutorService timer; // guarded by this; made on first use of every()

    private BackgroundTasks(Executor ui, Executor workers, ExecutorService owned, boolean timed) {
        this.ui = ui;
        this.workers = workers;
        this.owned = owned;
        this.timed = timed;
    }

    /** Work on virtual threads, callbacks through {@link Platform#runLater}. */
    public static BackgroundTasks fx() {
        ExecutorService service = Executors.newVirtualThreadPerTaskExecutor();
        return new BackgroundTasks(Platform::runLater, service, service, true);
    }

    /** Everything on the caller's thread, at once; {@link #every} waits for {@link #tick()}. */
    public static BackgroundTasks inline() {
        return new BackgroundTasks(Runnable::run, null, null, false);
    }

    /** Work on {@code workers}, callbacks on {@code ui}; {@link #every} waits for {@link #tick()}. For tests. */
    public static BackgroundTasks on(Executor workers, Executor ui) {
        return new BackgroundTasks(
                Objects.requireNonNull(ui, "ui"), Objects.requireNonNull(workers, "workers"), null, false);
    }

    /** The UI thread's executor (the FX thread in the app): for callbacks from engine futures. */
    public Executor ui() {
        return ui;
    }

    /**
     * A view of these tasks whose work runs one piece at a time, in the order it was submitted, on the same workers;
     * callbacks still come on the UI thread. Closing the view does nothing; close the instance it came from.
     */
    public BackgroundTasks inOrder() {
        Executor serial = workers == null ? null : new InOrder(this::execute);
        return new BackgroundTasks(ui, serial, null, false);
    }

    /**
     * Runs {@code work} off the UI thread, then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @param onFailure receives the exception thrown by {@code work}
     *     <p>After {@link #close()}, work is dropped.
     */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(value));
        });
    }

    /** Runs {@code work} off the UI thread; a failure goes to {@code onFailure} on the UI thread. */
    public void run(Runnable work, Consumer<? super Exception> onFailure) {
        execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                ui.execute(() -> onFailure.accept(e));
            }
        });
    }

    private void execute(Runnable task) {
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
        if (!timed) {
            synchronized (this) {
                manualTicks.add(onUi);
            }
            return () -> {
                synchronized (this) {
                    manualTicks.remove(onUi);
                }
            };
        }
        ScheduledExecutorService t;
        synchronized (this) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    var thread = new Thread(r, "throng-ui-timer");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            t = timer;
        }
        var future = t.scheduleAtFixedRate(
                () -> ui.execute(onUi), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Untimed instances ({@link #inline()}, {@link #on}): runs every periodic callback once, now, on this thread. */
    public void tick() {
        List<Runnable> copy;
        synchronized (this) {
            copy = List.copyOf(manualTicks);
        }
        copy.forEach(Runnable::run);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }

    /** Runs tasks one after another on {@code target}, in submission order. Thread-safe. */
    private static final class InOrder implements Executor {
        private final Executor target;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>(); // guarded by this
        private boolean draining; // guarded by this

        InOrder(Executor target) {
            this.target = target;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                queue.add(task);
                if (draining) {
                    return;
                }
                draining = true;
            }
            target.execute(this::drainOne);
        }

        /** Runs the oldest task, then hands the next one to the target (so a held-back target sees one at a time). */
        private void drainOne() {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } finally {
                boolean more;
                synchronized (this) {
                    more = !queue.isEmpty();
                    if (!more) {
                        draining = false;
                    }
                }
                if (more) {
                    target.execute(this::drainOne);
                }
            }
        }
    }
}
