package dev.throng.app.project;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the property sheet for the current selection. Rows are rebuilt when the selection changes; their values
 * follow the project, so edits elsewhere (undo, the canvas) show at once. Each set is one undoable edit.
 *
 * <p>Confined to the thread that made it (the FX thread in the app). Durations are shown in ms.
 */
public final class PropertiesViewModel {
    private static final String BAD_NUMBER = "enter a number";

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PropertyRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private Selection shown;

    public PropertiesViewModel(ProjectDocument document, MainViewModel main) {
        this.document = document;
        main.selectionProperty().addListener((o, a, b) -> show(b));
        document.projectProperty().addListener((o, a, b) -> {
            if (!stillExists(b)) {
                show(new Selection.ProjectRoot());
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
        var out = new ArrayList<PropertyRow>();
        switch (selection) {
            case Selection.Settings s -> settings(out);
            case Selection.Profile p -> profile(out, p.name());
            case Selection.Flow f -> flow(out, f.id());
            case Selection.Step s -> step(out, s.flowId(), s.stepId());
            case Selection.Edge e -> edge(out, e.flowId(), e.index());
            case Selection.LoadPlan l -> loadPlan(out);
            case null -> project(out);
            default -> project(out);
        }
        rows.setAll(out);
    }

    // ---- row builders

    private <T> PropertyRow row(
            String category,
            String name,
            String description,
            Class<?> type,
            Function<Project, T> get,
            BiFunction<Project, T, Project> set) {
        return new PropertyRow(
                category,
                name,
                description,
                type,
                Bindings.createObjectBinding(() -> safeGet(get), document.projectProperty()),
                value -> apply(set, value),
                set != null,
                List.of());
    }

    private <T> Object safeGet(Function<Project, T> get) {
        try {
            return get.apply(document.project());
        } catch (RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> String apply(BiFunction<Project, T, Project> set, Object value) {
        owner.check();
        try {
            Project next = set.apply(document.project(), (T) value);
            document.apply(next);
            return null;
        } catch (NumberFormatException e) {
            return BAD_NUMBER;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? "not accepted" : e.getMessage();
        }
    }

    private void project(List<PropertyRow> out) {
        out.add(row(
                "Project",
                "Name",
                "shown in the title bar and reports",
                String.class,
                Project::name,
                (p, v) -> p.withName((String) v)));
        out.add(row(
                "Project",
                "Description",
                "free text",
                String.class,
                Project::description,
                (p, v) -> new Project(
                        p.name(),
                        (String) v,
                        p.settings(),
                        p.variables(),
                        p.dataSources(),
                        p.profiles(),
                        p.flows(),
                        p.loadPlan(),
                        p.thresholds())));
    }

    private void settings(List<PropertyRow> out) {
        String c = "HTTP";
        out.add(row(
                c,
                "Base URL",
                "relative request URLs resolve against it, e.g. http://127.0.0.1:8080",
                String.class,
                p -> p.settings().baseUrl(),
                (p, v) -> p.withSettings(
                        p.settings().withBaseUrls(withFirst(p.settings().baseUrls(), (String) v)))));
        out.add(row(
                c,
                "Connect timeout (ms)",
                "establishing a connection, ms",
                Long.class,
                p -> p.settings().timeouts().connect().toMillis(),
                (p, v) -> p.withSettings(p.settings()
                        .withTimeouts(new Settings.Timeouts(
                                Duration.ofMillis((Long) v),
                                p.settings().timeouts().response(),
                                p.settings().timeouts().total())))));
        out.add(row(
                c,
                "Response timeout (ms)",
                "the longest wait for data once connected, ms",
                Long.class,
                p -> p.settings().timeouts().response().toMillis(),
                (p, v) -> p.withSettings(p.settings()
                        .withTimeouts(new Settings.Timeouts(
                                p.settings().timeouts().connect(),
                                Duration.ofMillis((Long) v),
                                p.settings().timeouts().total())))));
        out.add(row(
                c,
                "Follow redirects",
                "follow 3xx responses",
                Boolean.class,
                p -> p.settings().redirects().follow(),
                (p, v) -> p.withSettings(p.settings()
                        .withRedirects(new Settings.Redirects(
                                (Boolean) v, p.settings().redirects().max())))));
        out.add(row(
                c,
                "Verify TLS",
                "check server certificates (on unless you test a server with a self-signed certificate)",
                Boolean.class,
                p -> p.settings().tls().verify(),
                (p, v) -> {
                    var t = p.settings().tls();
                    return p.withSettings(p.settings()
                            .withTls(new Settings.Tls(
                                    (Boolean) v,
                                    t.trustStore(),
                                    t.trustStorePassword(),
                                    t.clientCertificate(),
                                    t.clientCertificatePassword(),
                                    t.trustAll())));
                }));
        out.add(row(
                "Connections",
                "Policy",
                "PER_USER: one keep-alive connection per user, as browsers do; SHARED: one pool",
                Settings.Connections.Policy.class,
                p -> p.settings().connections().policy(),
                (p, v) -> p.withSettings(p.settings()
                        .withConnections(new Settings.Connections(
                                (Settings.Connections.Policy) v,
                                p.settings().connections().poolSize())))));
        out.add(row(
                "Connections",
                "Pool size",
                "size of the shared pool; 0 lets the plan size it",
                Integer.class,
                p -> p.settings().connections().poolSize(),
                (p, v) -> p.withSettings(p.settings()
                        .withConnections(new Settings.Connections(
                                p.settings().connections().policy(), (Integer) v)))));
    }

    private static List<String> withFirst(List<String> list, String first) {
        var out = new ArrayList<>(list);
        if (out.isEmpty()) {
            out.add(first);
        } else {
            out.set(0, first);
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private void profile(List<PropertyRow> out, String name) {
        String c = "Profile " + name;
        Function<Project, UserProfile> get = p -> p.profile(name).orElseThrow();
        BiFunction<Project, Function<UserProfile, UserProfile>, Project> put =
                (p, f) -> p.withProfiles(p.profiles().stream()
                        .map(u -> u.name().equals(name) ? f.apply(u) : u)
                        .toList());
        out.add(row(
                c,
                "Weight",
                "share among weighted profiles",
                Double.class,
                p -> get.apply(p).weight(),
                (p, v) -> put.apply(p, u -> u.withWeight(nonNegative((Double) v)))));
        out.add(row(
                c,
                "Main flow",
                "the flow run in a loop",
                String.class,
                p -> get.apply(p).mainFlow(),
                (p, v) -> put.apply(
                        p,
                        u -> new UserProfile(
                                u.name(),
                                u.weight(),
                                u.fixedCount(),
                                u.thinkTime(),
                                u.startFlow(),
                                u.startProbability(),
                                (String) v,
                                u.stopFlow(),
                                u.data()))));
        out.add(row(
                c,
                "Start flow",
                "run once when a user starts (empty for none)",
                String.class,
                p -> Optional.ofNullable(get.apply(p).startFlow()).orElse(""),
                (p, v) -> put.apply(
                        p,
                        u -> u.withStart(((String) v).isBlank() ? null : ((String) v).strip(), u.startProbability()))));
        out.add(row(
                c,
                "Start probability",
                "share of users that run the start flow, 0 to 1 (0.3: 30% log in)",
                Double.class,
                p -> get.apply(p).startProbability(),
                (p, v) -> {
                    double d = (Double) v;
                    if (d < 0 || d > 1) {
                        throw new IllegalArgumentException("a probability is between 0 and 1");
                    }
                    return put.apply(p, u -> u.withStart(u.startFlow(), d));
                }));
    }

    private void flow(List<PropertyRow> out, String id) {
        out.add(row("Flow", "Id", "referenced by profiles", String.class, p -> id, null));
        out.add(row(
                "Flow",
                "Name",
                "shown to people",
                String.class,
                p -> p.flow(id).orElseThrow().name(),
                (p, v) -> p.withFlow(p.flow(id).orElseThrow().withName((String) v))));
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
                                        .withMethod(((String) v).strip().toUpperCase(java.util.Locale.ROOT)))));
                out.add(row(
                        c,
                        "URL",
                        "a template, absolute or relative to the base URL",
                        String.class,
                        p -> ((Step.Request) get.apply(p)).url(),
                        (p, v) -> put.apply(p, ((Step.Request) get.apply(p)).withUrl((String) v))));
                out.add(row(
                        c,
                        "Name",
                        "the statistics row; empty: the URL template",
                        String.class,
                        p -> Optional.ofNullable(((Step.Request) get.apply(p)).name())
                                .orElse(""),
                        (p, v) -> put.apply(
                                p,
                                ((Step.Request) get.apply(p)).withName(((String) v).isBlank() ? null : (String) v))));
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
                            long ms = nonNegative((Long) v);
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
                            long ms = nonNegative((Long) v);
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
                            return put.apply(p, new Step.Group(stepId, (String) v, s.steps(), s.position()));
                        }));
        }
    }

    private void edge(List<PropertyRow> out, String flowId, int index) {
        Function<Project, Edge> get = p -> p.flow(flowId).orElseThrow().edges().get(index);
        out.add(row(
                "Arrow",
                "From",
                "a step or START",
                String.class,
                p -> get.apply(p).from(),
                null));
        out.add(row(
                "Arrow",
                "To",
                "a step, END or START",
                String.class,
                p -> get.apply(p).to(),
                null));
        out.add(row(
                "Arrow",
                "Weight",
                "relative chance among the arrows leaving the same node",
                Double.class,
                p -> get.apply(p).weight(),
                (p, v) -> {
                    Flow f = p.flow(flowId).orElseThrow();
                    var edges = new ArrayList<>(f.edges());
                    edges.set(index, edges.get(index).withWeight(nonNegative((Double) v)));
                    return p.withFlow(f.withEdges(edges));
                }));
    }

    private void loadPlan(List<PropertyRow> out) {
        if (document.project().loadPlan() instanceof LoadPlan.Closed) {
            String c = "Closed model";
            Function<Project, LoadPlan.Closed> get = p -> (LoadPlan.Closed) p.loadPlan();
            out.add(row(
                    c,
                    "Users",
                    "target users (without stages)",
                    Integer.class,
                    p -> get.apply(p).users(),
                    (p, v) -> p.withLoadPlan(get.apply(p).withUsers(nonNegative((Integer) v)))));
            out.add(row(
                    c,
                    "Spawn rate (users/s)",
                    "users started per second",
                    Double.class,
                    p -> get.apply(p).spawnRate(),
                    (p, v) -> p.withLoadPlan(get.apply(p).withSpawnRate(nonNegative((Double) v)))));
            out.add(row(
                    c,
                    "Duration (s)",
                    "the whole run, seconds",
                    Long.class,
                    p -> get.apply(p).duration().toSeconds(),
                    (p, v) -> p.withLoadPlan(get.apply(p).withDuration(Duration.ofSeconds(nonNegative((Long) v))))));
        } else {
            String c = "Open model";
            Function<Project, LoadPlan.Open> get = p -> (LoadPlan.Open) p.loadPlan();
            out.add(row(
                    c,
                    "Duration (s)",
                    "the whole run, seconds",
                    Long.class,
                    p -> get.apply(p).duration().toSeconds(),
                    (p, v) -> p.withLoadPlan(get.apply(p).withDuration(Duration.ofSeconds(nonNegative((Long) v))))));
        }
    }

    private static <N extends Number> N nonNegative(N n) {
        if (n.doubleValue() < 0 || Double.isNaN(n.doubleValue())) {
            throw new IllegalArgumentException("enter 0 or more");
        }
        return n;
    }
}
