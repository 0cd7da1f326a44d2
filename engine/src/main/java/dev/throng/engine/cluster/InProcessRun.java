package dev.throng.engine.cluster;

import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A run on agents in this process ({@link Controller#startInProcess}): the controller's {@link RunHandle}, plus a way
 * to cut an agent off as a network failure would (for tests of the controller's re-dispatch). Thread-safe.
 */
public final class InProcessRun implements RunHandle {
    private final RunHandle run;
    private final List<InProcessAgent> agents;

    InProcessRun(RunHandle run, List<InProcessAgent> agents) {
        this.run = run;
        this.agents = List.copyOf(agents);
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
        agents.stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no in-process agent " + id + "; have " + agentIds()))
                .disconnect("disconnected by hand");
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
    public RunResult await(Duration timeout) throws InterruptedException {
        return run.await(timeout);
    }

    @Override
    public void close() {
        run.close();
    }
}
