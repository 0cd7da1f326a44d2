package dev.throng.engine.cluster;

import dev.throng.engine.load.ProfilePlacement;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.io.ProjectFiles;
import dev.throng.engine.protocol.AgentShare;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PlanParameters;
import dev.throng.engine.protocol.RowPartition;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each agent of a run is sent: its share of the users or arrivals the run wants ({@link LiveTargets}), as a
 * project shipment for an agent that starts and as a change for one that runs. After a rebalance of a plan with
 * stages it moves the agents along the stages itself, one tick ahead. Times are ns since the run's start. Confined to
 * the run's thread.
 */
final class ShareDispatch {
    private static final long TICK_NANOS = 1_000_000_000L;

    private final Project project;
    private final String runId;
    private final Map<String, byte[]> dataFiles;
    private final String host;
    private final long seed;
    private final int maxNames;
    private final long durationNanos;
    private final LiveTargets targets;
    private final Clock clock;
    private final RowLedger ledger;
    private boolean[] slotUsed = new boolean[1];
    private boolean sentOnce;
    private boolean followingStages;

    /** @param host the base URL replacing the project's, or null */
    ShareDispatch(RunPlan plan, String runId, String host, RunOptions options, LiveTargets targets, RowLedger ledger) {
        this.project = plan.project();
        this.runId = runId;
        this.dataFiles = plan.dataFiles();
        this.host = host;
        this.seed = options.seed();
        this.maxNames = Math.max(1, options.maxNames());
        this.durationNanos = plan.durationNanos();
        this.targets = targets;
        this.clock = options.clock();
        this.ledger = ledger;
    }

    /** Sets the number of slots (the agents at the start); unique rows are partitioned among them. */
    void slots(int count) {
        slotUsed = new boolean[Math.max(1, count)];
    }

    /** A free slot among those of the start, taken; or -1 when none is free. */
    int freeSlot() {
        for (int i = 0; i < slotUsed.length; i++) {
            if (!slotUsed[i]) {
                slotUsed[i] = true;
                return i;
            }
        }
        return -1;
    }

    /** Whether the agents are moved along the stages by the controller (after a rebalance). */
    boolean followingStages() {
        return followingStages;
    }

    /** A live user target replaced the stages. */
    void stopFollowingStages() {
        followingStages = false;
    }

    /** The users the whole run wants now (closed model), or 0 (open model); before the start, the peak. */
    int globalUsers(boolean started, long elapsedNanos) {
        return started ? targets.usersAt(elapsedNanos) : targets.peakUsers();
    }

    /**
     * Computes every agent's share and sends it: a project shipment and a start to {@code newcomer} (to every agent
     * the first time, when {@code newcomer} is null), a change to the others. After a rebalance of a plan with
     * stages, the agents follow the stages through {@link #followStages}.
     *
     * @param members the agents in the run, at least one
     */
    void dispatch(List<Peer> members, Peer newcomer, boolean started, long elapsedNanos) {
        boolean first = !sentOnce;
        sentOnce = true;
        if (!first && targets.followsStages()) {
            followingStages = true;
            if (newcomer != null) {
                newcomer.shareUsers = 0;
                ship(newcomer, 0, 0, false, elapsedNanos);
            }
            followStages(members, elapsedNanos);
            return;
        }
        int total = globalUsers(started, elapsedNanos);
        Map<String, Integer> split =
                Shares.split(total, members.stream().map(Peer::member).toList());
        for (Peer p : members) {
            int users = split.get(p.id());
            p.shareUsers = users;
            double fraction = total > 0 ? (double) users / total : 1.0 / members.size();
            if (first || p == newcomer) {
                ship(p, users, fraction, first, elapsedNanos);
            } else {
                change(p, users, total, members.size(), fraction, elapsedNanos);
            }
        }
    }

    /** Nothing to send to anyone (no agent is in the run); the next dispatch is not the first. */
    void noMembers() {
        sentOnce = true;
    }

    /**
     * Sends each agent its share of the users the stages want one tick ahead (a change only when it differs from
     * the last one sent), so that the agents left after a rebalance follow the run's schedule from its start.
     */
    void followStages(List<Peer> members, long elapsedNanos) {
        if (members.isEmpty()) {
            return;
        }
        int total = targets.usersAt(elapsedNanos + TICK_NANOS);
        Map<String, Integer> split =
                Shares.split(total, members.stream().map(Peer::member).toList());
        double rate = targets.spawnRate(total);
        for (Peer p : members) {
            int users = split.get(p.id());
            p.shareUsers = users;
            if (users != p.sentTarget) {
                p.sentTarget = users;
                p.link.send(new Message.Change(
                        runId, users, Shares.rate(rate, users, total, members.size()), null, null, null));
            }
        }
    }

    /**
     * Hands the unique rows agent {@code lost} had not used to {@code to}, when its count is known (it sent its last
     * figures after its users ended); otherwise hands on none of them.
     *
     * @return a warning for people when the rows are not handed on, or null
     */
    String passOnRows(Peer lost, List<Peer> to, java.util.function.Consumer<String> log) {
        if (!ledger.tracks()) {
            return null;
        }
        if (lost.ended) {
            long freed = ledger.release(lost.id(), lost.rowsTaken);
            log.accept("the " + freed + " unique rows agent " + lost.id() + " did not use go to the others");
            handOutFreeRows(to);
            return null;
        }
        long unused = ledger.forget(lost.id(), lost.rowsTaken);
        return "agent " + lost.id() + " was lost before it said how many unique data rows it used after its last"
                + " statistics: the " + unused + " rows of its share it had not used by then are not handed on, so"
                + " that no row is used twice";
    }

    /** Hands every free unique row to {@code to} (each free slice split among them). */
    void handOutFreeRows(List<Peer> to) {
        if (!ledger.tracks() || to.isEmpty()) {
            return;
        }
        var slices = ledger.handOut(to.stream().map(Peer::id).toList());
        for (Peer p : to) {
            var mine = slices.get(p.id());
            if (mine != null) {
                addRows(p, mine);
            }
        }
    }

    /** Sends {@code slices} (per source, in order) to {@code p} as rows to hand out after those it has. */
    private void addRows(Peer p, Map<String, List<RowPartition.Slice>> slices) {
        slices.forEach((source, list) -> {
            for (RowPartition.Slice slice : list) {
                var share = new AgentShare(Map.of(), 0, 1, Map.of(source, slice));
                p.link.send(new Message.Change(runId, null, null, null, null, share));
            }
        });
    }

    /** A slot for an agent that joins late: a seed of its own; its unique rows come from {@link RowLedger}. */
    int lateSlot() {
        return slotUsed.length + lateJoins++;
    }

    private int lateJoins;

    /** Sends the profile weights set live to every agent. */
    void weights(List<Peer> members) {
        for (Peer p : members) {
            p.link.send(new Message.Change(runId, null, null, null, targets.weights(), null));
        }
    }

    private void ship(Peer p, int users, double fraction, boolean first, long elapsedNanos) {
        long remaining = Math.max(0, (durationNanos - elapsedNanos) / 1_000_000);
        LoadPlan plan = project.loadPlan();
        LoadPlan own = Shares.planOf(plan, users, fraction, remaining);
        if (!first && plan instanceof LoadPlan.Closed c && !c.stages().isEmpty()) {
            int total = Math.max(1, globalUsers(true, elapsedNanos));
            double rate = targets.spawnRate(total) * users / total;
            own = new LoadPlan.Closed(users, rate, List.of(), Duration.ofMillis(remaining), c.gracefulStop());
        }
        String json = ProjectFiles.write(project.withLoadPlan(own));
        int[] counts = ProfilePlacement.of(project.profiles()).countsAt(users);
        var perProfile = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < counts.length; i++) {
            perProfile.put(project.profiles().get(i).name(), counts[i]);
        }
        int slots = slotUsed.length;
        int slot = Math.min(p.slot, slots - 1);
        var rows = new LinkedHashMap<String, RowPartition>();
        if (ledger.tracks() && first) {
            rows.putAll(ledger.assign(p.id(), slot, slots));
        } else {
            for (DataSource ds : project.dataSources()) {
                if (ds.policy() == DataSource.Policy.UNIQUE) {
                    // an agent joining late starts with no row; free rows are handed to it after this
                    rows.put(
                            ds.id(),
                            ledger.tracks()
                                    ? new RowPartition.Ranges(List.of())
                                    : new RowPartition.Strided(slot, slots));
                }
            }
        }
        var share = new AgentShare(perProfile, slot, slots, rows);
        var params =
                new PlanParameters(null, null, remaining, host, seed ^ (0x9E3779B97F4A7C15L * (p.slot + 1)), maxNames);
        p.link.send(new Message.ProjectShipment(runId, json, dataFiles, share, params));
        if (!first) {
            p.link.send(new Message.Start(runId, clock.currentTimeMillis()));
        }
        if (!targets.weights().isEmpty()) {
            p.link.send(new Message.Change(runId, null, null, null, targets.weights(), null));
        }
        if (targets.liveArrivalRate() != null) {
            p.link.send(new Message.Change(runId, null, null, targets.liveArrivalRate() * fraction, null, null));
        }
    }

    private void change(Peer p, int users, int total, int agents, double fraction, long elapsedNanos) {
        switch (project.loadPlan()) {
            case LoadPlan.Closed c ->
                p.link.send(new Message.Change(
                        runId, users, Shares.rate(targets.spawnRate(total), users, total, agents), null, null, null));
            case LoadPlan.Open o ->
                p.link.send(new Message.Change(
                        runId, null, null, targets.arrivalRateAt(elapsedNanos) * fraction, null, null));
            case LoadPlan.Capacity k -> throw new IllegalStateException("a capacity search runs as its base plan");
        }
    }
}
