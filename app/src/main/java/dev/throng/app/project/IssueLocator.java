package dev.throng.app.project;

import dev.throng.engine.project.Project;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the JSON path of a problem ({@code $.flows[0].steps[2].url}) into the element to select. Pure. */
public final class IssueLocator {
    private static final Pattern INDEXED = Pattern.compile("^\\$\\.([a-zA-Z]+)(?:\\[(\\d+)])?(.*)$");
    private static final Pattern STEP = Pattern.compile("^\\.steps\\[(\\d+)].*");
    private static final Pattern EDGE = Pattern.compile("^\\.edges\\[(\\d+)].*");

    private IssueLocator() {}

    public static Selection locate(Project project, String jsonPath) {
        Matcher m = INDEXED.matcher(jsonPath == null ? "" : jsonPath);
        if (!m.matches()) {
            return new Selection.ProjectRoot();
        }
        String field = m.group(1);
        int index = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        String rest = m.group(3);
        return switch (field) {
            case "settings" -> new Selection.Settings();
            case "variables" -> new Selection.Variables();
            case "dataSources", "data" ->
                index >= 0 && index < project.dataSources().size()
                        ? new Selection.DataSource(
                                project.dataSources().get(index).id())
                        : new Selection.DataSources();
            case "profiles" ->
                index >= 0 && index < project.profiles().size()
                        ? new Selection.Profile(project.profiles().get(index).name())
                        : new Selection.Profiles();
            case "flows" -> flow(project, index, rest);
            case "loadPlan", "load" -> new Selection.LoadPlan();
            case "thresholds" -> new Selection.Thresholds();
            default -> new Selection.ProjectRoot();
        };
    }

    private static Selection flow(Project project, int index, String rest) {
        if (index < 0 || index >= project.flows().size()) {
            return new Selection.ProjectRoot();
        }
        var flow = project.flows().get(index);
        Matcher step = STEP.matcher(rest);
        if (step.matches()) {
            int s = Integer.parseInt(step.group(1));
            if (s < flow.steps().size()) {
                return new Selection.Step(flow.id(), flow.steps().get(s).id());
            }
        }
        Matcher edge = EDGE.matcher(rest);
        if (edge.matches()) {
            int e = Integer.parseInt(edge.group(1));
            if (e < flow.edges().size()) {
                return new Selection.Edge(flow.id(), e);
            }
        }
        return new Selection.Flow(flow.id());
    }
}
