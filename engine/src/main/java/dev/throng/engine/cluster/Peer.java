package dev.throng.engine.cluster;

import dev.throng.engine.protocol.Message;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.stats.IntervalStats;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One agent as a distributed run knows it: its slot, its share, and what its last statistics said. Confined to the
 * run's thread (the caller's before the start).
 */
final class Peer {
    final AgentLink link;
    /** Its slot among the run's agents (seeds and unique rows), or -1 when it has none. */
    int slot = -1;
    /** Whether it takes part in the run now. */
    boolean inRun;
    /** The users its share asks for now. */
    int shareUsers;
    /** The target last sent while the controller follows the plan's stages, or -1. */
    int sentTarget = -1;
    /** Users it ran at the end of its last interval. */
    int users;
    /** Requests per second of its last interval. */
    double rps;

    double cpu = -1;
    long memory = -1;
    /** Arrivals it dropped since its part started (open model), cumulative. */
    long dropped;
    /** Rows it handed out so far per unique data source id, as its last statistics said. */
    final Map<String, Long> rowsTaken = new LinkedHashMap<>();
    /** Whether it said its part of the run has ended (its last statistics came before). */
    boolean ended;
    /** When it was marked lost, ms since the epoch, or null. */
    Long lostAtMillis;

    Peer(AgentLink link) {
        this.link = link;
    }

    String id() {
        return link.id();
    }

    Shares.Member member() {
        return new Shares.Member(link.id(), link.hello().hostName());
    }

    /** Takes in the figures of its interval {@code interval} (read from {@code s}; merged elsewhere). */
    void heard(Message.Stats s, IntervalStats interval) {
        long requests = 0;
        for (IntervalStats.Row row : interval.rows()) {
            if (!row.method().isEmpty()) {
                requests += row.requests();
            }
        }
        users = s.users();
        rps = requests;
        cpu = s.cpu();
        memory = s.memoryBytes();
        dropped = s.droppedArrivals();
        rowsTaken.putAll(s.rowsTaken());
    }

    AgentStatus status() {
        boolean lost = lostAtMillis != null;
        String state = lost ? "lost" : inRun ? link.state().name().toLowerCase(Locale.ROOT) : "idle";
        return new AgentStatus(
                link.id(), state, lost ? 0 : users, lost ? 0 : rps, cpu, memory, link.lastHeardMillis(), lostAtMillis);
    }
}
