package dev.throng.engine.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The total-timeout watch of one call: when it fires, it cancels what is being executed (the request, or the session's connections), which closes the
 * connection and makes the blocked thread fail. Written by the session's thread, fired by the engine's timer thread.
 */
final class TotalTimeout implements Runnable {
    private volatile Cancellable request;
    private volatile boolean fired;
    private ScheduledFuture<?> future;

    void start(ScheduledExecutorService timer, long delay, TimeUnit unit) {
        future = timer.schedule(this, delay, unit);
    }

    /** Watches {@code r} from now on; aborts it at once if the time is already up. */
    void watch(Cancellable r) {
        request = r;
        if (fired) {
            r.cancel();
        }
    }

    @Override
    public void run() {
        fired = true;
        Cancellable r = request;
        if (r != null) {
            r.cancel();
        }
    }

    /** True once the timeout has fired: whatever failed afterwards failed because of it. */
    boolean fired() {
        return fired;
    }

    /** Stops watching (the call is over). */
    void stop() {
        future.cancel(false);
    }
}
