package dev.throng.app.project;

/** What is selected in the project tree (and so shown in the centre and in the property sheet). Immutable. */
public sealed interface Selection {
    record ProjectRoot() implements Selection {}

    record Settings() implements Selection {}

    record Variables() implements Selection {}

    record DataSources() implements Selection {}

    record DataSource(String id) implements Selection {}

    record Profiles() implements Selection {}

    record Profile(String name) implements Selection {}

    record Flow(String id) implements Selection {}

    record Step(String flowId, String stepId) implements Selection {}

    record Edge(String flowId, int index) implements Selection {}

    record LoadPlan() implements Selection {}

    record Thresholds() implements Selection {}

    record Agents() implements Selection {}

    /** The flow this selection is in, or {@code null}. */
    default String flowId() {
        return switch (this) {
            case Flow f -> f.id();
            case Step s -> s.flowId();
            case Edge e -> e.flowId();
            default -> null;
        };
    }
}
