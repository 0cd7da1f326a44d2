package dev.throng.app.project;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.UserProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The project tree's New / Rename / Delete actions. Each is one undoable edit of the document; a new item gets a
 * unique id or name and becomes the selection (a new flow so opens in the designer). Methods return an error message
 * for people, or {@code null} when done.
 *
 * <p>Confined to the thread that made it (the FX thread in the app).
 */
public final class TreeActions {

    /**
     * What deleting a selection involves.
     *
     * @param refusal why it cannot be deleted, or {@code null}
     * @param question what to confirm first because other parts use it (they are changed too), or {@code null}
     */
    public record DeletePlan(String refusal, String question) {}

    private final ThreadOwner owner = new ThreadOwner();
    private final MainViewModel main;
    private final ProjectDocument document;

    public TreeActions(MainViewModel main) {
        this.main = main;
        this.document = main.document();
    }

    private String edit(UnaryOperator<Project> change, Selection select) {
        owner.check();
        Project next;
        try {
            next = change.apply(document.project());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        document.apply(next);
        if (select != null) {
            main.selectionProperty().set(select);
        }
        return null;
    }

    /** Adds flow {@code flowN} (START → END) and shows it in the designer. */
    public String newFlow() {
        Flow flow = ProjectEdits.newFlow(document.project());
        return edit(p -> p.withFlows(ProjectEdits.plus(p.flows(), flow)), new Selection.Flow(flow.id()));
    }

    /** Adds profile {@code profileN} running the selected flow (or the first one) and selects it. */
    public String newProfile() {
        owner.check();
        Selection s = main.selectionProperty().get();
        String flow = s == null ? null : s.flowId();
        UserProfile profile;
        try {
            profile = ProjectEdits.newProfile(document.project(), flow);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return edit(
                p -> p.withProfiles(ProjectEdits.plus(p.profiles(), profile)), new Selection.Profile(profile.name()));
    }

    /** Adds a data source reading {@code csv} (stored relative to the project's folder when inside it). */
    public String newDataSource(Path csv) {
        owner.check();
        Path dir = document.directory().toAbsolutePath().normalize();
        Path abs = csv.toAbsolutePath().normalize();
        String path = abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
        DataSource source = ProjectEdits.newDataSource(document.project(), path);
        return edit(
                p -> p.withDataSources(ProjectEdits.plus(p.dataSources(), source)),
                new Selection.DataSource(source.id()));
    }

    /** Adds an empty variable {@code varN} and shows the variables. */
    public String newVariable() {
        var v = ProjectEdits.newVariable(document.project());
        return edit(p -> p.withVariables(ProjectEdits.plus(p.variables(), v)), new Selection.Variables());
    }

    /** Adds a rule the project does not have yet (p95&lt;1000ms first) and shows the thresholds. */
    public String newThreshold() {
        var t = ProjectEdits.newThreshold(document.project());
        return edit(p -> p.withThresholds(ProjectEdits.plus(p.thresholds(), t)), new Selection.Thresholds());
    }

    // ---- rename

    /** Whether {@code s} can be renamed here: a flow, a profile or a data source. */
    public boolean canRename(Selection s) {
        return nameOf(s) != null;
    }

    /** The current name of what {@code s} selects, or {@code null} when it has none to rename. */
    public String nameOf(Selection s) {
        Project p = document.project();
        return switch (s) {
            case Selection.Flow f -> p.flow(f.id()).map(Flow::name).orElse(null);
            case Selection.Profile u ->
                p.profile(u.name()).map(UserProfile::name).orElse(null);
            case Selection.DataSource d ->
                p.dataSource(d.id()).map(DataSource::id).orElse(null);
            case null -> null;
            default -> null;
        };
    }

    /** Renames; references follow (profiles to flows, bindings to data sources). */
    public String rename(Selection s, String name) {
        owner.check();
        if (!canRename(s)) {
            return "only flows, profiles and data sources are renamed here";
        }
        return switch (s) {
            case Selection.Flow f -> {
                String problem = edit(p -> ProjectEdits.renameFlow(p, f.id(), name), null);
                if (problem == null) {
                    String newId = document.project().flows().stream()
                            .filter(x -> x.name().equals(name.strip()))
                            .map(Flow::id)
                            .findFirst()
                            .orElse(f.id());
                    main.selectionProperty().set(new Selection.Flow(newId));
                }
                yield problem;
            }
            case Selection.Profile u ->
                edit(p -> ProjectEdits.renameProfile(p, u.name(), name), new Selection.Profile(name.strip()));
            case Selection.DataSource d ->
                edit(p -> ProjectEdits.renameDataSource(p, d.id(), name), new Selection.DataSource(name.strip()));
            default -> "only flows, profiles and data sources are renamed here";
        };
    }

    // ---- delete

    public boolean canDelete(Selection s) {
        return canRename(s);
    }

    /** Whether deleting {@code s} is refused, needs a confirmation (and why), or can go ahead. */
    public DeletePlan planDelete(Selection s) {
        Project p = document.project();
        return switch (s) {
            case Selection.Flow f -> {
                List<String> uses = ProjectEdits.usesOfFlow(p, f.id());
                if (uses.stream().anyMatch(u -> u.startsWith("main flow"))) {
                    try {
                        ProjectEdits.deleteFlow(p, f.id());
                    } catch (IllegalArgumentException e) {
                        yield new DeletePlan(e.getMessage(), null);
                    }
                }
                yield uses.isEmpty()
                        ? new DeletePlan(null, null)
                        : new DeletePlan(
                                null,
                                "Flow '" + f.id() + "' is the " + String.join(", ", uses)
                                        + ". Delete it and remove it there?");
            }
            case Selection.DataSource d -> {
                List<String> uses = ProjectEdits.usesOfDataSource(p, d.id());
                yield uses.isEmpty()
                        ? new DeletePlan(null, null)
                        : new DeletePlan(
                                null,
                                "Data source '" + d.id() + "' is " + String.join(", ", uses)
                                        + ". Delete it and remove it from those profiles?");
            }
            case Selection.Profile u -> new DeletePlan(null, null);
            case null -> new DeletePlan("select a flow, a profile or a data source to delete", null);
            default -> new DeletePlan("select a flow, a profile or a data source to delete", null);
        };
    }

    /** Deletes (after {@link #planDelete} was confirmed), cleaning references; selects the enclosing group. */
    public String delete(Selection s) {
        owner.check();
        return switch (s) {
            case Selection.Flow f -> edit(p -> ProjectEdits.deleteFlow(p, f.id()), new Selection.ProjectRoot());
            case Selection.Profile u -> edit(p -> ProjectEdits.deleteProfile(p, u.name()), new Selection.Profiles());
            case Selection.DataSource d ->
                edit(p -> ProjectEdits.deleteDataSource(p, d.id()), new Selection.DataSources());
            case null -> "select a flow, a profile or a data source to delete";
            default -> "select a flow, a profile or a data source to delete";
        };
    }
}
