package dev.throng.engine.project;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole test project: what one {@code .throng.json} file holds. Immutable; thread-safe.
 *
 * @param name shown in the title bar and reports
 * @param description free text, may be empty
 * @param settings HTTP settings for every request
 * @param variables project variables, usable as {@code ${name}} in templates; values may reference secrets
 *     ({@code ${env:NAME}}), which are resolved at run time and never written to the file
 * @param dataSources CSV files read by users
 * @param profiles user profiles (Locust's user classes)
 * @param flows the flows the profiles run
 * @param loadPlan how many users, when
 * @param thresholds pass/fail rules
 */
public record Project(
        String name,
        String description,
        Settings settings,
        List<Variable> variables,
        List<DataSource> dataSources,
        List<UserProfile> profiles,
        List<Flow> flows,
        LoadPlan loadPlan,
        List<Threshold> thresholds) {

    public Project {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(settings, "settings");
        variables = List.copyOf(variables);
        dataSources = List.copyOf(dataSources);
        profiles = List.copyOf(profiles);
        flows = List.copyOf(flows);
        Objects.requireNonNull(loadPlan, "loadPlan");
        thresholds = List.copyOf(thresholds);
    }

    /** An empty project with default settings and a small closed plan. */
    public static Project empty(String name) {
        return new Project(
                name,
                "",
                Settings.defaults(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                LoadPlan.defaults(),
                List.of());
    }

    public Optional<Flow> flow(String id) {
        return flows.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<UserProfile> profile(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<DataSource> dataSource(String id) {
        return dataSources.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Project withName(String value) {
        return new Project(value, description, settings, variables, dataSources, profiles, flows, loadPlan, thresholds);
    }

    public Project withSettings(Settings value) {
        return new Project(name, description, value, variables, dataSources, profiles, flows, loadPlan, thresholds);
    }

    public Project withVariables(List<Variable> value) {
        return new Project(name, description, settings, value, dataSources, profiles, flows, loadPlan, thresholds);
    }

    public Project withDataSources(List<DataSource> value) {
        return new Project(name, description, settings, variables, value, profiles, flows, loadPlan, thresholds);
    }

    public Project withProfiles(List<UserProfile> value) {
        return new Project(name, description, settings, variables, dataSources, value, flows, loadPlan, thresholds);
    }

    public Project withFlows(List<Flow> value) {
        return new Project(name, description, settings, variables, dataSources, profiles, value, loadPlan, thresholds);
    }

    /** Replaces the flow with the same id (or appends it when there is none). */
    public Project withFlow(Flow flow) {
        var list = new java.util.ArrayList<>(flows);
        int i = 0;
        for (; i < list.size(); i++) {
            if (list.get(i).id().equals(flow.id())) {
                list.set(i, flow);
                return withFlows(list);
            }
        }
        list.add(flow);
        return withFlows(list);
    }

    public Project withLoadPlan(LoadPlan value) {
        return new Project(name, description, settings, variables, dataSources, profiles, flows, value, thresholds);
    }

    public Project withThresholds(List<Threshold> value) {
        return new Project(name, description, settings, variables, dataSources, profiles, flows, loadPlan, value);
    }
}
