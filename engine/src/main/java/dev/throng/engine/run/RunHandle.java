package dev.throng.engine.run;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run in progress. Thread-safe: every method may be called from any thread and none blocks on the load, except
 * {@link #await}. The app's FX thread calls {@link #snapshot()} a few times a second; it never waits.
 */
public interface RunHandle extends AutoCloseable {

    /** The latest snapshot (taken about once a second); never null. */
    RunSnapshot snapshot();

    /** Changes the target number of users (closed model); reaches every agent. */
    void setTargetUsers(int users);

    /** Changes the spawn rate, users per second (closed model). */
    void setSpawnRate(double usersPerSecond);

    /** Changes the arrival rate, arrivals per second (open model). */
    void setArrivalRate(double arrivalsPerSecond);

    /** Changes the weights of weighted profiles, by profile name; users are moved between profiles to match. */
    void setProfileWeights(Map<String, Double> weights);

    /** Starts the statistics again from zero (the history is kept). */
    void resetStatistics();

    /**
     * Asks the run to stop. Graceful: users finish their current step within the plan's graceful-stop timeout, stop
     * flows run; otherwise users are cut off at once. Returns immediately.
     */
    void stop(boolean graceful);

    /** Completes once the run has finished. */
    CompletionStage<RunResult> completion();

    /** Waits for the result at most {@code timeout}; {@code null} when it has not finished by then. */
    default RunResult await(Duration timeout) throws InterruptedException {
        try {
            return completion().toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run ended on an internal error", e.getCause());
        }
    }

    /** Stops at once if still running and releases everything. */
    @Override
    void close();
}
