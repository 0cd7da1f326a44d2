package dev.throng.demo;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the demo shop has answered, per route pattern: the same numbers as {@code GET /_demo/counters}.
 *
 * <p>A route is named {@code "<METHOD> <pattern>"}, for example {@code "GET /product/{id}"}; requests that match no
 * route are named {@code "<METHOD> (unmatched)"}, for example {@code "GET (unmatched)"}. Requests whose path starts
 * with {@code /_demo/} are never counted. A request is counted just before its response headers are written, so a
 * response a client has received is always already counted.
 *
 * <p>Thread-safe; counting is lock-free ({@link LongAdder}). A snapshot taken while requests are being answered is
 * not atomic across routes.
 */
public final class Counters {
    private final ConcurrentHashMap<String, LongAdder> byRoute = new ConcurrentHashMap<>();
    private final Runnable alsoOnReset;

    Counters(Runnable alsoOnReset) {
        this.alsoOnReset = alsoOnReset;
    }

    /** The number of counted requests answered since the start or the last {@link #reset()}. */
    public long total() {
        long sum = 0;
        for (LongAdder adder : byRoute.values()) {
            sum += adder.sum();
        }
        return sum;
    }

    /** The count of one route name (see the class comment for the format); 0 for a name never counted. */
    public long count(String route) {
        LongAdder adder = byRoute.get(route);
        return adder == null ? 0 : adder.sum();
    }

    /** A snapshot: route name to count, sorted by name, only routes with a count above zero; unmodifiable. */
    public Map<String, Long> routes() {
        TreeMap<String, Long> snapshot = new TreeMap<>();
        byRoute.forEach((route, adder) -> {
            long n = adder.sum();
            if (n > 0) {
                snapshot.put(route, n);
            }
        });
        return Collections.unmodifiableMap(snapshot);
    }

    /**
     * Zeroes every count, as {@code POST /_demo/counters/reset} does. It also restarts the request sequences that
     * decide which {@code /slow} requests fail and which {@code /mixed} requests are slow, and the maximum in flight
     * reported by {@code /_demo/capacity}.
     */
    public void reset() {
        byRoute.values().forEach(LongAdder::reset);
        alsoOnReset.run();
    }

    /** The adder of one route, created on first use; callers keep it to count without a map lookup. */
    LongAdder adder(String route) {
        return byRoute.computeIfAbsent(route, r -> new LongAdder());
    }
}
