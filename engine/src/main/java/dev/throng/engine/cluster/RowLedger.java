package dev.throng.engine.cluster;

import dev.throng.engine.protocol.RowPartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows of each unique data source each agent holds, in the order it hands them out, so that no row is used
 * twice across the run: the rows an agent that left had not used (its count known from its last statistics, sent
 * after its users ended) are handed on to the agents still running. Rows are numbered from 0 in file order. Confined
 * to the run's thread.
 */
final class RowLedger {
    /** Rows per unique data source id. */
    private final Map<String, Long> sizes;
    /** Per agent id, per source: the slices it holds, in the order it hands them out. */
    private final Map<String, Map<String, List<RowPartition.Slice>>> held = new LinkedHashMap<>();
    /** Per source: slices no agent holds. */
    private final Map<String, List<RowPartition.Slice>> free = new LinkedHashMap<>();

    /** @param sizes the rows of each unique data source, by id */
    RowLedger(Map<String, Long> sizes) {
        this.sizes = Map.copyOf(sizes);
    }

    /** Whether the run has unique data sources. */
    boolean tracks() {
        return !sizes.isEmpty();
    }

    /** Gives agent {@code agentId} partition {@code slot} of {@code slots} of every unique source; returns them. */
    Map<String, RowPartition> assign(String agentId, int slot, int slots) {
        var out = new LinkedHashMap<String, RowPartition>();
        var mine = new LinkedHashMap<String, List<RowPartition.Slice>>();
        sizes.forEach((source, size) -> {
            long count = slot >= size ? 0 : (size - slot + slots - 1) / slots;
            var slice = new RowPartition.Slice(slot, slots, count);
            mine.put(source, new ArrayList<>(List.of(slice)));
            out.put(source, slice);
        });
        held.put(agentId, mine);
        return out;
    }

    /** Rows of every source no agent holds now. */
    long freeRows() {
        return free.values().stream()
                .flatMap(List::stream)
                .mapToLong(RowPartition.Slice::count)
                .sum();
    }

    /**
     * Agent {@code agentId} left after handing out {@code taken} rows of each source (its last figures, sent after
     * its users ended): the rest of its rows become free. Returns how many rows that freed.
     */
    long release(String agentId, Map<String, Long> taken) {
        var mine = held.remove(agentId);
        if (mine == null) {
            return 0;
        }
        long freed = 0;
        for (var entry : mine.entrySet()) {
            List<RowPartition.Slice> rest = drop(entry.getValue(), taken.getOrDefault(entry.getKey(), 0L));
            for (var slice : rest) {
                freed += slice.count();
            }
            free.computeIfAbsent(entry.getKey(), s -> new ArrayList<>()).addAll(rest);
        }
        return freed;
    }

    /**
     * Agent {@code agentId} was lost without saying how many rows it used: none of its rows is handed on. Returns
     * how many rows it held beyond what its last figures said it had used ({@code taken}), at most.
     */
    long forget(String agentId, Map<String, Long> taken) {
        var mine = held.remove(agentId);
        if (mine == null) {
            return 0;
        }
        long unused = 0;
        for (var entry : mine.entrySet()) {
            for (var slice : drop(entry.getValue(), taken.getOrDefault(entry.getKey(), 0L))) {
                unused += slice.count();
            }
        }
        return unused;
    }

    /**
     * Hands every free row to {@code agentIds} (each free slice split evenly among them) and returns, per agent and
     * source, the slices to add after the rows it has, in order.
     */
    Map<String, Map<String, List<RowPartition.Slice>>> handOut(List<String> agentIds) {
        var out = new LinkedHashMap<String, Map<String, List<RowPartition.Slice>>>();
        if (agentIds.isEmpty()) {
            return out;
        }
        int m = agentIds.size();
        for (var entry : free.entrySet()) {
            for (var slice : entry.getValue()) {
                for (int j = 0; j < m && j < slice.count(); j++) {
                    var part = new RowPartition.Slice(
                            slice.first() + j * slice.stride(), slice.stride() * m, (slice.count() - j + m - 1) / m);
                    String agent = agentIds.get(j);
                    out.computeIfAbsent(agent, a -> new LinkedHashMap<>())
                            .computeIfAbsent(entry.getKey(), s -> new ArrayList<>())
                            .add(part);
                    held.computeIfAbsent(agent, a -> new LinkedHashMap<>())
                            .computeIfAbsent(entry.getKey(), s -> new ArrayList<>())
                            .add(part);
                }
            }
        }
        free.clear();
        return out;
    }

    /** The slices of {@code slices} left after their first {@code taken} rows. */
    static List<RowPartition.Slice> drop(List<RowPartition.Slice> slices, long taken) {
        var rest = new ArrayList<RowPartition.Slice>();
        long skip = Math.max(0, taken);
        for (var slice : slices) {
            if (skip >= slice.count()) {
                skip -= slice.count();
                continue;
            }
            rest.add(new RowPartition.Slice(
                    slice.first() + skip * slice.stride(), slice.stride(), slice.count() - skip));
            skip = 0;
        }
        return rest;
    }
}
