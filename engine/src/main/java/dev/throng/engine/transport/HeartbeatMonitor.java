package dev.throng.engine.transport;

import dev.throng.engine.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Heartbeat bookkeeping as a pure function of a {@link Clock}: when to send the next heartbeat, and which peers have
 * been silent too long. Anything heard from a peer counts as a sign of life.
 *
 * <p>Not thread-safe: owned by one thread (the socket thread of an endpoint).
 *
 * @param <K> how peers are identified
 */
public final class HeartbeatMonitor<K> {
    /** A peer found silent: {@code silentNanos} since it was last heard (ns). */
    public record Lost<K>(K peer, long silentNanos) {
        /** The silence in milliseconds. */
        public long silentMillis() {
            return silentNanos / 1_000_000;
        }
    }

    private final Clock clock;
    private final long intervalNanos;
    private final long silenceLimitNanos;
    private final Map<K, Long> lastHeard = new LinkedHashMap<>();
    private long nextHeartbeatNanos;
    private boolean started;

    /**
     * @param clock the clock
     * @param interval time between two heartbeats sent
     * @param silenceLimit a peer not heard for longer than this is lost
     */
    public HeartbeatMonitor(Clock clock, Duration interval, Duration silenceLimit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.intervalNanos = interval.toNanos();
        this.silenceLimitNanos = silenceLimit.toNanos();
        if (intervalNanos <= 0 || silenceLimitNanos <= 0) {
            throw new IllegalArgumentException("heartbeat interval and silence limit must be positive");
        }
    }

    /** Records that {@code peer} was heard now (starts watching it if it was not watched). */
    public void heard(K peer) {
        lastHeard.put(peer, clock.nanoTime());
    }

    /** Stops watching {@code peer}. */
    public void forget(K peer) {
        lastHeard.remove(peer);
    }

    /** Whether {@code peer} is watched. */
    public boolean watches(K peer) {
        return lastHeard.containsKey(peer);
    }

    /**
     * Whether a heartbeat should be sent now: true on the first call and then once per interval. Missed intervals are
     * not made up (a late call is followed by one heartbeat, not a burst).
     */
    public boolean heartbeatDue() {
        long now = clock.nanoTime();
        if (!started || now - nextHeartbeatNanos >= 0) {
            started = true;
            nextHeartbeatNanos = now + intervalNanos;
            return true;
        }
        return false;
    }

    /** The peers silent for longer than the limit, longest silent first; they are no longer watched. */
    public List<Lost<K>> expire() {
        long now = clock.nanoTime();
        List<Lost<K>> lost = new ArrayList<>();
        var entries = lastHeard.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            long silent = now - entry.getValue();
            if (silent > silenceLimitNanos) {
                lost.add(new Lost<>(entry.getKey(), silent));
                entries.remove();
            }
        }
        lost.sort((a, b) -> Long.compare(b.silentNanos(), a.silentNanos()));
        return lost;
    }
}
