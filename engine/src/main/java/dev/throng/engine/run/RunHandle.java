package dev.throng.engine.run;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

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
    RunResult await(Duration timeout) throws InterruptedException;

    /** Stops at once if still running and releases everything. */
    @Override
    void close();
}
