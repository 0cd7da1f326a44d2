package dev.throng.app.project;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the property sheet for the current selection. Rows are rebuilt when the selection changes; their values
 * follow the project, so edits elsewhere (undo, the canvas) show at once. Each set is one undoable edit.
 *
 * <p>Confined to the thread that made it (the FX thread in the app). Durations are shown in ms.
 */
public final class PropertiesViewModel {
    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final PropertyRows factory;
    private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PropertyRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private Selection shown;

    public PropertiesViewModel(ProjectDocument document, MainViewModel main) {
        this.document = document;
        this.factory = new PropertyRows(document);
        main.selectionProperty().addListener((o, a, b) -> show(b));
        document.projectProperty().addListener((o, a, b) -> {
            if (!stillExists(b)) {
                show(new Selection.ProjectRoot());
            } else {
                reshape();
            }
        });
        show(main.selectionProperty().get());
    }

    public ObservableList<PropertyRow> rows() {
        return rowsView;
    }

    private boolean stillExists(Project p) {
        return switch (shown) {
            case Selection.Step s ->
                p.flow(s.flowId()).flatMap(f -> f.step(s.stepId())).isPresent();
            case Selection.Edge e ->
                p.flow(e.flowId()).map(f -> e.index() < f.edges().size()).orElse(false);
            case Selection.Flow f -> p.flow(f.id()).isPresent();
            case Selection.Profile pr -> p.profile(pr.name()).isPresent();
            case null -> true;
            default -> true;
        };
    }

    /** Rebuilds the rows for {@code selection}. */
    public void show(Selection selection) {
        owner.check();
        shown = selection;
        rows.setAll(build(selection));
    }

    /** Rebuilds the rows when an edit changed which rows there are (e.g. another kind of think time). */
    private void reshape() {
        var next = build(shown);
        if (!names(next).equals(names(rows))) {
            rows.setAll(next);
        }
    }

    private static List<String> names(List<PropertyRow> list) {
        return list.stream().map(r -> r.category() + "/" + r.name()).toList();
    }

    private List<PropertyRow> build(Selection selection) {
        var out = new ArrayList<PropertyRow>();
        switch (selection) {
            case Selection.Settings s -> SettingsProperties.add(factory, out);
            case Selection.Profile p -> ProfileProperties.add(factory, out, p.name());
            case Selection.Flow f -> flow(out, f.id());
            case Selection.Step s -> step(out, s.flowId(), s.stepId());
            case Selection.Edge e -> EdgeProperties.add(factory, out, e.flowId(), e.index());
            case Selection.LoadPlan l -> LoadPlanProperties.add(factory, out);
            case null -> project(out);
            default -> project(out);
        }
        return out;
    }

    // ---- row builders

    private <T> PropertyRow row(
            String category,
            String name,
            String description,
            Class<?> type,
            Function<Project, T> get,
            BiFunction<Project, T, Project> set) {
        return factory.row(category, name, description, type, get, set);
    }

    private void project(List<PropertyRow> out) {
        out.add(row(
                "Project",
                "Name",
                "shown in the title bar and reports",
                String.class,
                Project::name,
                (p, v) -> p.withName(v)));
        out.add(row(
                "Project",
                "Description",
                "free text",
                String.class,
                Project::description,
                (p, v) -> new Project(
                        p.name(),
                        v,
                        p.settings(),
                        p.variables(),
                        p.dataSources(),
                        p.profiles(),
                        p.flows(),
                        p.loadPlan(),
                        p.thresholds())));
    }

    private void flow(List<PropertyRow> out, String id) {
        out.add(row("Flow", "Id", "referenced by profiles", String.class, p -> id, null));
        out.add(row(
                "Flow",
                "Name",
                "shown to people",
                String.class,
                p -> p.flow(id).orElseThrow().name(),
                (p, v) -> p.withFlow(p.flow(id).orElseThrow().withName(v))));
    }

    private void step(List<PropertyRow> out, String flowId, String stepId) {
        Function<Project, Step> get =
                p -> p.flow(flowId).orElseThrow().step(stepId).orElseThrow();
        BiFunction<Project, Step, Project> put =
                (p, s) -> p.withFlow(p.flow(flowId).orElseThrow().withStep(s));
        Step step = get.apply(document.project());
        out.add(row("Step", "Id", "unique in the flow", String.class, p -> stepId, null));
        switch (step) {
            case Step.Request r -> {
                String c = "Request";
                out.add(row(
                        c,
                        "Method",
                        "GET, POST, ...",
                        String.class,
                        p -> ((Step.Request) get.apply(p)).method(),
                        (p, v) -> put.apply(
                                p,
                                ((Step.Request) get.apply(p))
                                        .withMethod((v).strip().toUpperCase(java.util.Locale.ROOT)))));
                out.add(row(
                        c,
                        "URL",
                        "a template, absolute or relative to the base URL",
                        String.class,
                        p -> ((Step.Request) get.apply(p)).url(),
                        (p, v) -> put.apply(p, ((Step.Request) get.apply(p)).withUrl(v))));
                out.add(row(
                        c,
                        "Name",
                        "the statistics row; empty: the URL template",
                        String.class,
                        p -> Optional.ofNullable(((Step.Request) get.apply(p)).name())
                                .orElse(""),
                        (p, v) -> put.apply(p, ((Step.Request) get.apply(p)).withName((v).isBlank() ? null : v))));
            }
            case Step.Pause pause -> {
                out.add(row(
                        "Pause",
                        "Min (ms)",
                        "shortest wait, ms",
                        Long.class,
                        p -> ((Step.Pause) get.apply(p)).min().toMillis(),
                        (p, v) -> {
                            var s = (Step.Pause) get.apply(p);
                            long ms = PropertyRows.nonNegative(v);
                            return put.apply(
                                    p,
                                    new Step.Pause(
                                            stepId,
                                            Duration.ofMillis(ms),
                                            s.max().toMillis() < ms ? Duration.ofMillis(ms) : s.max(),
                                            s.position()));
                        }));
                out.add(row(
                        "Pause",
                        "Max (ms)",
                        "longest wait, ms",
                        Long.class,
                        p -> ((Step.Pause) get.apply(p)).max().toMillis(),
                        (p, v) -> {
                            var s = (Step.Pause) get.apply(p);
                            long ms = PropertyRows.nonNegative(v);
                            if (ms < s.min().toMillis()) {
                                throw new IllegalArgumentException("the maximum cannot be below the minimum");
                            }
                            return put.apply(p, new Step.Pause(stepId, s.min(), Duration.ofMillis(ms), s.position()));
                        }));
            }
            case Step.Group g ->
                out.add(row(
                        "Group",
                        "Name",
                        "its statistics row",
                        String.class,
                        p -> ((Step.Group) get.apply(p)).name(),
                        (p, v) -> {
                            var s = (Step.Group) get.apply(p);
                            return put.apply(p, new Step.Group(stepId, v, s.steps(), s.position()));
                        }));
        }
    }
}
