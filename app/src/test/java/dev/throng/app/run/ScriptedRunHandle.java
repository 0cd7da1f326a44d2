package dev.throng.app.run;

import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A run handle that replays snapshots a test pushes and records the changes asked of it. A test double for the
 * view-model's unit tests, and for the capacity GUI test's scripted search (whose exact figures a real run cannot
 * promise; the same test also runs the real engine). Thread-safe.
 */
final class ScriptedRunHandle implements RunHandle {
    private volatile RunSnapshot current;
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    ScriptedRunHandle(RunSnapshot first) {
        current = first;
    }

    void push(RunSnapshot next) {
        current = next;
    }

    void finish(RunResult result) {
        completion.complete(result);
    }

    @Override
    public RunSnapshot snapshot() {
        return current;
    }

    @Override
    public void setTargetUsers(int users) {
        calls.add("users " + users);
    }

    @Override
    public void setSpawnRate(double usersPerSecond) {
        calls.add("spawn " + usersPerSecond);
    }

    @Override
    public void setArrivalRate(double arrivalsPerSecond) {
        calls.add("arrivals " + arrivalsPerSecond);
    }

    @Override
    public void setProfileWeights(Map<String, Double> weights) {
        calls.add("weights " + weights);
    }

    @Override
    public void resetStatistics() {
        calls.add("reset");
    }

    @Override
    public void stop(boolean graceful) {
        calls.add("stop " + graceful);
    }

    @Override
    public CompletionStage<RunResult> completion() {
        return completion;
    }

    @Override
    public void close() {
        closed = true;
    }
}
