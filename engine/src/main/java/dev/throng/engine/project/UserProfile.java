package dev.throng.engine.project;

import java.util.List;
import java.util.Objects;

/**
 * A kind of simulated user (Locust's user class).
 *
 * @param name unique in the project
 * @param weight share of the weighted users (ignored when {@code fixedCount} is set)
 * @param fixedCount an exact number of users of this profile, placed before the weighted ones; {@code null} for none
 * @param thinkTime wait between iterations of the main flow
 * @param startFlow a flow run once when the user starts, or {@code null}
 * @param startProbability the chance in {@code [0, 1]} that a user runs the start flow (e.g. 0.3: 30% log in)
 * @param mainFlow the flow run in a loop
 * @param stopFlow a flow run once on a graceful stop, or {@code null}
 * @param data data sources this profile's users read
 */
public record UserProfile(
        String name,
        double weight,
        Integer fixedCount,
        ThinkTime thinkTime,
        String startFlow,
        double startProbability,
        String mainFlow,
        String stopFlow,
        List<DataBinding> data) {

    public UserProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(thinkTime, "thinkTime");
        Objects.requireNonNull(mainFlow, "mainFlow");
        data = List.copyOf(data);
    }

    /** A weighted profile running {@code mainFlow} with no think time. */
    public static UserProfile of(String name, double weight, String mainFlow) {
        return new UserProfile(name, weight, null, ThinkTime.NONE, null, 0, mainFlow, null, List.of());
    }

    public UserProfile withWeight(double value) {
        return new UserProfile(
                name, value, fixedCount, thinkTime, startFlow, startProbability, mainFlow, stopFlow, data);
    }

    public UserProfile withFixedCount(Integer value) {
        return new UserProfile(name, weight, value, thinkTime, startFlow, startProbability, mainFlow, stopFlow, data);
    }

    public UserProfile withThinkTime(ThinkTime value) {
        return new UserProfile(name, weight, fixedCount, value, startFlow, startProbability, mainFlow, stopFlow, data);
    }

    public UserProfile withStart(String flow, double probability) {
        return new UserProfile(name, weight, fixedCount, thinkTime, flow, probability, mainFlow, stopFlow, data);
    }

    public UserProfile withStopFlow(String value) {
        return new UserProfile(name, weight, fixedCount, thinkTime, startFlow, startProbability, mainFlow, value, data);
    }

    public UserProfile withData(List<DataBinding> value) {
        return new UserProfile(
                name, weight, fixedCount, thinkTime, startFlow, startProbability, mainFlow, stopFlow, value);
    }
}
