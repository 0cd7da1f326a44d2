package dev.throng.engine.user;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A statistics sink that keeps every report. Thread-safe. */
final class RecordingSink implements StatsSink {
    record Request(String name, String method, long latencyMicros, boolean failed, long expectedIntervalMicros) {}

    record Failure(String name, String method, String kind, String message, String example) {}

    record Group(String name, long latencyMicros, boolean failed) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<Failure> failures = new CopyOnWriteArrayList<>();
    final List<Group> groups = new CopyOnWriteArrayList<>();

    @Override
    public void request(
            String name,
            String method,
            long latencyMicros,
            long bytes,
            boolean failed,
            long connectMicros,
            long tlsMicros,
            long firstByteMicros,
            long expectedIntervalMicros) {
        requests.add(new Request(name, method, latencyMicros, failed, expectedIntervalMicros));
    }

    @Override
    public void failure(String name, String method, String kind, String message, String example) {
        failures.add(new Failure(name, method, kind, message, example));
    }

    @Override
    public void group(String name, long latencyMicros, boolean failed) {
        groups.add(new Group(name, latencyMicros, failed));
    }
}
