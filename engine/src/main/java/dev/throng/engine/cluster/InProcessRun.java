package dev.throng.engine.cluster;

import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A run on agents in this process ({@link Controller#startInProcess}): the controller's {@link RunHandle}, plus a way
 * to cut an agent off as a network failure would (for tests of the controller's re-dispatch). Thread-safe.
 */
public final class InProcessRun implements RunHandle {
    private final RunHandle run;
    private final java.util.concurrent.CopyOnWriteArrayList<InProcessAgent> agents;
    private final java.util.function.Function<String, InProcessAgent> newAgent;

    /** @param newAgent makes (and announces to the controller) an agent joining late, by id */
    InProcessRun(
            RunHandle run, List<InProcessAgent> agents, java.util.function.Function<String, InProcessAgent> newAgent) {
        this.run = run;
        this.agents = new java.util.concurrent.CopyOnWriteArrayList<>(agents);
        this.newAgent = newAgent;
    }

    /**
     * A new agent {@code id} joins the running run (it gets a share as a late agent does).
     *
     * @throws IllegalArgumentException when an agent of that id exists
     */
    public void join(String id) {
        if (agentIds().contains(id)) {
            throw new IllegalArgumentException("there already is an in-process agent " + id);
        }
        agents.add(newAgent.apply(id));
    }

    /**
     * Agent {@code id} leaves as a shut-down agent does: it ends its part (its last figures reach the controller),
     * then it is gone; the controller hands its users, and the unique rows it did not use, to the others.
     *
     * @throws IllegalArgumentException when there is no such agent
     */
    public void leave(String id) {
        agent(id).leave("shut down by hand");
    }

    private InProcessAgent agent(String id) {
        return agents.stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no in-process agent " + id + "; have " + agentIds()));
    }

    /** The agents' ids ("local-1", ...). */
    public List<String> agentIds() {
        return agents.stream().map(InProcessAgent::id).toList();
    }

    /**
     * Cuts agent {@code id} off: it stops its load at once, as when its controller goes silent, and the controller
     * hears it was lost and hands its users to the others.
     *
     * @throws IllegalArgumentException when there is no such agent
     */
    public void disconnect(String id) {
        agent(id).disconnect("disconnected by hand");
    }

    @Override
    public RunSnapshot snapshot() {
        return run.snapshot();
    }

    @Override
    public void setTargetUsers(int users) {
        run.setTargetUsers(users);
    }

    @Override
    public void setSpawnRate(double usersPerSecond) {
        run.setSpawnRate(usersPerSecond);
    }

    @Override
    public void setArrivalRate(double arrivalsPerSecond) {
        run.setArrivalRate(arrivalsPerSecond);
    }

    @Override
    public void setProfileWeights(Map<String, Double> weights) {
        run.setProfileWeights(weights);
    }

    @Override
    public void resetStatistics() {
        run.resetStatistics();
    }

    @Override
    public void stop(boolean graceful) {
        run.stop(graceful);
    }

    @Override
    public CompletionStage<RunResult> completion() {
        return run.completion();
    }

    @Override
    public void close() {
        run.close();
        agents.forEach(InProcessAgent::close);
    }
}
