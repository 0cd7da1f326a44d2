package dev.throng.demo;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resource of fixed capacity ({@code GET /capacity}): at most {@code slots} requests are served at once, each
 * holding its slot for {@code serviceMillis} ms; the others queue in arrival order (fair semaphore). Its greatest
 * throughput is therefore {@code slots * 1000 / serviceMillis} requests per second. Thread-safe.
 */
final class Capacity {
    private static final Response SERVED = Response.json(200, "{\"served\":true}");

    private final int slots;
    private final long serviceMillis;
    private final Semaphore semaphore;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    Capacity(int slots, long serviceMillis) {
        this.slots = slots;
        this.serviceMillis = serviceMillis;
        this.semaphore = new Semaphore(slots, true);
    }

    /** Waits for a slot, holds it for the service time, and answers. */
    Response serve(Request request) throws InterruptedException {
        semaphore.acquire();
        try {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(serviceMillis);
            } finally {
                inFlight.decrementAndGet();
            }
        } finally {
            semaphore.release();
        }
        return SERVED;
    }

    /** The greatest throughput of the resource, in requests per second. */
    double maxRps() {
        return slots * 1000.0 / serviceMillis;
    }

    /** The greatest number of requests served at once since the start or the last reset. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Restarts {@link #maxInFlight()} from the number in flight now. */
    void resetMaxInFlight() {
        maxInFlight.set(inFlight.get());
    }

    /** {@code GET /_demo/capacity}: the settings and the current state. */
    Response describe(Request request) {
        return Response.json(
                200,
                "{\"slots\":" + slots + ",\"service_ms\":" + serviceMillis + ",\"max_rps\":" + maxRps()
                        + ",\"in_flight\":" + inFlight.get() + ",\"max_in_flight\":" + maxInFlight.get()
                        + ",\"queued\":" + semaphore.getQueueLength() + "}");
    }
}
