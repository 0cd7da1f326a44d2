package dev.throng.demo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes with known timing for tests and benchmarks: {@code /slow} (delay and a deterministic error share),
 * {@code /delay/{ms}}, {@code /mixed} (every K-th request slow) and {@code /capacity} (a resource of fixed capacity).
 * Delays sleep the request's virtual thread, so they hold no platform thread and never block other requests.
 * Thread-safe: the sequences are atomic counters.
 */
final class LoadRoutes {
    /** The longest delay accepted, in ms. */
    static final long MAX_DELAY_MILLIS = 600_000;

    private final Capacity capacity;
    private final AtomicLong slowSequence = new AtomicLong();
    private final AtomicLong mixedSequence = new AtomicLong();

    LoadRoutes(Capacity capacity) {
        this.capacity = capacity;
    }

    void addTo(Router router) {
        router.add("GET", "/slow", this::slow)
                .add("GET", "/delay/{ms}", this::delay)
                .add("GET", "/mixed", this::mixed)
                .add("GET", "/capacity", capacity::serve);
    }

    /** Starts the sequences of {@code /slow} and {@code /mixed} again from their first request. */
    void resetSequences() {
        slowSequence.set(0);
        mixedSequence.set(0);
    }

    private Response slow(Request request) throws InterruptedException {
        long delay = millis(request.query("delay_ms"), "delay_ms", 0);
        double rate = rate(request.query("error_rate"));
        long n = slowSequence.getAndIncrement();
        Thread.sleep(delay);
        if (ErrorSchedule.fails(n, ErrorSchedule.partsPerMillion(rate))) {
            return Response.json(500, "{\"error\":\"planned failure of /slow\",\"n\":" + (n + 1) + "}");
        }
        return Response.json(200, "{\"delay_ms\":" + delay + ",\"n\":" + (n + 1) + "}");
    }

    private Response delay(Request request) throws InterruptedException {
        long delay = millis(request.pathParam(), "the {ms} of /delay/{ms}", -1);
        Thread.sleep(delay);
        return Response.json(200, "{\"delay_ms\":" + delay + "}");
    }

    private Response mixed(Request request) throws InterruptedException {
        long fast = millis(request.query("fast_ms"), "fast_ms", 5);
        long slowMillis = millis(request.query("slow_ms"), "slow_ms", 200);
        long every = positive(request.query("slow_every"), "slow_every", 10);
        long n = mixedSequence.incrementAndGet();
        boolean slow = n % every == 0;
        long delay = slow ? slowMillis : fast;
        Thread.sleep(delay);
        return Response.json(200, "{\"n\":" + n + ",\"slow\":" + slow + ",\"delay_ms\":" + delay + "}");
    }

    /** A delay in ms from {@code text}; {@code fallback} when absent (a negative fallback makes it required). */
    static long millis(String text, String name, long fallback) {
        if (text == null || text.isEmpty()) {
            if (fallback < 0) {
                throw new BadRequest(name + " is required: a whole number of ms from 0 to " + MAX_DELAY_MILLIS);
            }
            return fallback;
        }
        long value = parseLong(text, name);
        if (value < 0 || value > MAX_DELAY_MILLIS) {
            throw new BadRequest(name + " must be from 0 to " + MAX_DELAY_MILLIS + " ms, not " + value);
        }
        return value;
    }

    private static long positive(String text, String name, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        long value = parseLong(text, name);
        if (value < 1) {
            throw new BadRequest(name + " must be 1 or more, not " + value);
        }
        return value;
    }

    private static long parseLong(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, not '" + text + "'");
        }
    }

    /** The error share from {@code error_rate}: 0 when absent, else a number from 0 to 1. */
    static double rate(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRequest("error_rate must be a number from 0 to 1, not '" + text + "'");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new BadRequest("error_rate must be from 0 to 1, not " + text);
        }
        return value;
    }
}
