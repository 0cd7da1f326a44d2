package dev.throng.engine.cluster;

import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunPhase;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a run keeps beside the request statistics: its warnings, one history point a second, the agents that left
 * it, and the arrivals dropped. It makes the run's {@link RunSnapshot}s. Confined to the run's thread.
 */
final class RunRecord {
    /** An agent busier than this (share of its machine's CPU) gets a warning in every snapshot. */
    static final double BUSY_CPU = 0.9;

    private final LinkedHashSet<String> warnings = new LinkedHashSet<>();
    private final List<HistoryPoint> history = new ArrayList<>();
    private final List<Peer> departed = new ArrayList<>();
    private long droppedAtLastPoint;

    void warn(String message) {
        warnings.add(message);
    }

    /** Keeps {@code p} for the agents' list of the run's results once it has left the run. */
    void departed(Peer p) {
        departed.add(p);
    }

    /** Arrivals dropped by every agent of the run since the start, those that left included. */
    long dropped(Collection<Peer> present) {
        long sum = 0;
        for (Peer p : departed) {
            sum += p.dropped;
        }
        for (Peer p : present) {
            sum += p.dropped;
        }
        return sum;
    }

    /** Adds the point of the interval that {@code s} closed. */
    void addPoint(long elapsedMillis, int users, StatsSnapshot s, long droppedNow) {
        RowStats t = s.intervalTotal();
        double seconds = Math.max(1e-9, s.intervalMillis() / 1000.0);
        history.add(new HistoryPoint(
                elapsedMillis,
                users,
                t.rps(),
                t.failures() / seconds,
                t.latency().p50Ms(),
                t.latency().p95Ms(),
                t.latency().p99Ms(),
                Math.max(0, droppedNow - droppedAtLastPoint)));
        droppedAtLastPoint = droppedNow;
    }

    List<HistoryPoint> history() {
        return List.copyOf(history);
    }

    /** The agents that left first, then those present, in the order they joined. */
    List<AgentStatus> agents(Collection<Peer> present) {
        var out = new ArrayList<AgentStatus>();
        for (Peer p : departed) {
            out.add(p.status());
        }
        for (Peer p : present) {
            out.add(p.status());
        }
        return out;
    }

    /**
     * A snapshot of the run; the fields the record does not know are given. A busy agent gets a warning, unless it
     * is the agent of a local run ({@code local}): its machine is the one the user looks at.
     */
    RunSnapshot snapshot(
            boolean local,
            RunPhase phase,
            long elapsedMillis,
            long plannedMillis,
            int users,
            int targetUsers,
            double arrivalRate,
            StatsSnapshot s,
            Collection<Peer> present,
            CapacityReport capacity) {
        var all = new ArrayList<>(warnings);
        all.addAll(s.warnings());
        for (Peer p : present) {
            if (!local && p.lostAtMillis == null && p.cpu > BUSY_CPU) {
                all.add(String.format(
                        Locale.ROOT,
                        "agent %s is at %.0f%% CPU: its response times include its own queueing; add agents or give"
                                + " it fewer users",
                        p.id(),
                        p.cpu * 100));
            }
        }
        return new RunSnapshot(
                phase,
                elapsedMillis,
                plannedMillis,
                users,
                targetUsers,
                arrivalRate,
                dropped(present),
                s,
                agents(present),
                all,
                capacity);
    }
}
