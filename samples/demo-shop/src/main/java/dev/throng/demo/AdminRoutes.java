package dev.throng.demo;

import java.util.Map;

/**
 * The shop's own controls under {@code /_demo/}: counters, a server stall and the capacity resource's state. These
 * requests are never counted. Thread-safe.
 */
final class AdminRoutes {
    private final Counters counters;
    private final Stall stall;
    private final Capacity capacity;

    AdminRoutes(Counters counters, Stall stall, Capacity capacity) {
        this.counters = counters;
        this.stall = stall;
        this.capacity = capacity;
    }

    void addTo(Router router) {
        router.add("GET", "/_demo/counters", r -> countersResponse())
                .add("POST", "/_demo/counters/reset", r -> {
                    counters.reset();
                    return countersResponse();
                })
                .add("POST", "/_demo/pause", this::pause)
                .add("GET", "/_demo/pause", r -> pauseState())
                .add("GET", "/_demo/capacity", capacity::describe);
    }

    /** {@code {"total": N, "routes": {"GET /product/{id}": n, ...}}}; the total is the sum of the routes shown. */
    private Response countersResponse() {
        Map<String, Long> routes = counters.routes();
        long total = 0;
        StringBuilder json = new StringBuilder(64 + routes.size() * 32).append("{\"routes\":{");
        boolean first = true;
        for (var entry : routes.entrySet()) {
            json.append(first ? "" : ",");
            Json.quote(json, entry.getKey()).append(':').append(entry.getValue());
            total += entry.getValue();
            first = false;
        }
        json.append("}}");
        return Response.json(200, "{\"total\":" + total + "," + json.substring(1));
    }

    private Response pause(Request request) {
        long millis = LoadRoutes.millis(request.query("ms"), "ms (the length of the pause)", -1);
        stall.pause(millis);
        return Response.json(200, "{\"paused_ms\":" + millis + "}");
    }

    private Response pauseState() {
        return Response.json(
                200, "{\"remaining_ms\":" + stall.remainingMillis() + ",\"waiting\":" + stall.waiting() + "}");
    }
}
