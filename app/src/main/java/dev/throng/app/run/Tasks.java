package dev.throng.app.run;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where the run view-model's work happens: calls into the engine on one background thread (so the FX thread never
 * waits on the engine), their results on the owner thread (the FX thread in the app).
 *
 * <p>Thread-safe. Work submitted from one thread runs in submission order.
 */
final class Tasks {
    private final Executor background;
    private final Executor owner;
    private final ExecutorService service;

    private Tasks(Executor background, Executor owner, ExecutorService service) {
        this.background = background;
        this.owner = owner;
        this.service = service;
    }

    /** A background daemon thread; callbacks with {@link Platform#runLater}. */
    static Tasks fx() {
        ExecutorService service = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "throng-run-control");
            t.setDaemon(true);
            return t;
        });
        return new Tasks(service, Platform::runLater, service);
    }

    /** Runs everything at once on the calling thread: for unit tests of the view-model. */
    static Tasks inline() {
        return new Tasks(Runnable::run, Runnable::run, null);
    }

    /** Runs on the given executors (callbacks on {@code owner}). */
    static Tasks on(Executor background, Executor owner) {
        return new Tasks(Objects.requireNonNull(background), Objects.requireNonNull(owner), null);
    }

    /** The executor of the owner thread. */
    Executor owner() {
        return owner;
    }

    /** Runs {@code work} in the background; then {@code done} or {@code failed} on the owner thread. */
    <T> void call(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        background.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                owner.execute(() -> failed.accept(e));
                return;
            }
            owner.execute(() -> done.accept(value));
        });
    }

    /** Runs {@code work} in the background; a failure goes to {@code failed} on the owner thread. */
    void run(Runnable work, Consumer<Throwable> failed) {
        background.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                owner.execute(() -> failed.accept(e));
            }
        });
    }

    /** Lets queued work finish, then ends the background thread. Returns at once. */
    void shutdown() {
        if (service != null) {
            service.shutdown();
        }
    }
}
