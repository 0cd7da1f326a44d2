package dev.throng.engine.http;

import dev.throng.engine.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The response timeout of every connection of one {@link HttpEngine}: one daemon thread that looks at the open
 * {@link WatchedSocket}s every {@value #PERIOD_MS} ms and closes any whose current read has been blocked longer than
 * its read timeout, so that the read fails (as a {@link java.net.SocketTimeoutException}, see
 * {@link WatchedSocket}). This replaces {@code SO_TIMEOUT}: on a virtual thread the JDK schedules and cancels a timer
 * for every blocking read with a timeout, which cost about a tenth of the CPU of a request.
 *
 * <p>Precision: a read blocked for {@code t} ms fails after between {@code t} and {@code t + 2 * }{@value #PERIOD_MS}
 * ms. Cost: one look at each open socket per period (a few nanoseconds each; the number of open sockets is bounded by
 * the open-file limit), nothing per request beyond two field writes per read.
 *
 * <p>Time: sleeps and reads time on the engine's {@link Clock} (so a test clock must be advanced by hand or be real
 * time: one whose sleeps return at once would make this thread spin). Thread-safe: sockets register and leave from any
 * thread; the per-socket watch state is touched by the watchdog thread only.
 */
final class ReadWatchdog implements Runnable {
    /** How often the open sockets are looked at, in milliseconds. */
    static final long PERIOD_MS = 100;

    private final Clock clock;
    private final Set<WatchedSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stopped;

    ReadWatchdog(Clock clock) {
        this.clock = clock;
        this.thread = Thread.ofPlatform()
                .name("throng-http-read-watchdog")
                .daemon(true)
                .unstarted(this);
        thread.start();
    }

    /** Watches {@code socket} until it is closed. */
    void register(WatchedSocket socket) {
        sockets.add(socket);
    }

    /** Stops watching {@code socket} (it was closed). */
    void unregister(WatchedSocket socket) {
        sockets.remove(socket);
    }

    /** Stops the thread; the sockets are not closed here. Idempotent. */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    @Override
    public void run() {
        long period = TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
        while (!stopped) {
            try {
                clock.sleep(period);
            } catch (InterruptedException e) {
                return; // stopped
            }
            sweep(clock.nanoTime());
        }
    }

    /** One look at every open socket at time {@code now} (ns of the engine's clock). Only on the watchdog thread. */
    void sweep(long now) {
        for (WatchedSocket s : sockets) {
            try {
                s.check(now);
            } catch (RuntimeException e) {
                sockets.remove(s); // a socket the JDK cannot close any more is of no use to watch
            }
        }
    }
}
