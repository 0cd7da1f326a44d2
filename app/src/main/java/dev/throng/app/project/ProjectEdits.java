package dev.throng.app.project;

import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Variable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Pure project edits behind the tree's New / Rename / Delete actions: each takes a project value and returns the next
 * one (or throws {@link IllegalArgumentException} with a message for people). Stateless; thread-safe.
 */
public final class ProjectEdits {
    private static final String NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]*";

    private ProjectEdits() {}

    /** {@code base1}, {@code base2}, ... : the first not in {@code taken}. */
    public static String fresh(String base, Collection<String> taken) {
        Set<String> used = new HashSet<>(taken);
        for (int i = 1; ; i++) {
            String candidate = base + i;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** A name turned into an id: lower case, letters, digits, {@code -} and {@code _}; never empty. */
    public static String slug(String name) {
        String s = name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "flow" : s;
    }

    private static List<String> flowIds(Project p) {
        return p.flows().stream().map(Flow::id).toList();
    }

    // ---- new

    /** A new flow {@code flowN} whose START leads straight to END (weight 1), ready for its first steps. */
    public static Flow newFlow(Project p) {
        String id = fresh("flow", flowIds(p));
        return new Flow(id, id, List.of(), List.of(Edge.of(Flow.START, Flow.END, 1)));
    }

    /**
     * A new weighted profile {@code profileN} (weight 1, no think time) running {@code mainFlow}, or the first flow
     * when that is {@code null}.
     *
     * @throws IllegalArgumentException when the project has no flow to run
     */
    public static UserProfile newProfile(Project p, String mainFlow) {
        String flow = mainFlow != null && p.flow(mainFlow).isPresent()
                ? mainFlow
                : p.flows().stream().map(Flow::id).findFirst().orElse(null);
        if (flow == null) {
            throw new IllegalArgumentException("a profile runs a flow: add a flow first (New flow)");
        }
        String name =
                fresh("profile", p.profiles().stream().map(UserProfile::name).toList());
        return UserProfile.of(name, 1, flow);
    }

    /** A new circular data source reading {@code path} (relative to the project), its id from the file name. */
    public static DataSource newDataSource(Project p, String path) {
        String file = path.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.[^.]*$", "");
        String base = file.replaceAll("[^A-Za-z0-9_-]", "");
        base = base.isEmpty() ? "data" : base;
        var taken = p.dataSources().stream().map(DataSource::id).toList();
        String id = taken.contains(base) ? fresh(base, taken) : base;
        return new DataSource(id, path, ',', DataSource.Policy.CIRCULAR, DataSource.Exhausted.STOP_USER);
    }

    /** A new empty variable {@code varN}. */
    public static Variable newVariable(Project p) {
        return new Variable(
                fresh("var", p.variables().stream().map(Variable::name).toList()), "");
    }

    /** A new rule not in the project yet: {@code p95<1000ms}, else {@code p99<2000ms}, else an error-rate rule. */
    public static Threshold newThreshold(Project p) {
        for (String rule : List.of("p95<1000ms", "p99<2000ms", "error_rate<1%", "max<5000ms", "avg<500ms")) {
            Threshold t = Threshold.parse(rule);
            if (p.thresholds().stream().noneMatch(x -> x.metric() == t.metric() && x.scope() == null)) {
                return t;
            }
        }
        return Threshold.parse("p95<1000ms");
    }

    public static <T> List<T> plus(List<T> list, T item) {
        var out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    // ---- rename

    /**
     * Renames flow {@code id}: {@code name} becomes its name and (as a slug, unique) its id; profiles that run it
     * follow.
     */
    public static Project renameFlow(Project p, String id, String name) {
        Flow flow = p.flow(id).orElseThrow(() -> new IllegalArgumentException("no flow '" + id + "'"));
        String text = name.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a flow needs a name");
        }
        String newId = slug(text);
        var others = flowIds(p).stream().filter(f -> !f.equals(id)).toList();
        if (others.contains(newId)) {
            newId = fresh(newId, others);
        }
        String target = newId;
        Function<String, String> ref = f -> id.equals(f) ? target : f;
        var flows = p.flows().stream()
                .map(f -> f.id().equals(id) ? new Flow(target, text, flow.steps(), flow.edges()) : f)
                .toList();
        var profiles = p.profiles().stream()
                .map(u -> new UserProfile(
                        u.name(),
                        u.weight(),
                        u.fixedCount(),
                        u.thinkTime(),
                        ref.apply(u.startFlow()),
                        u.startProbability(),
                        ref.apply(u.mainFlow()),
                        ref.apply(u.stopFlow()),
                        u.data()))
                .toList();
        return p.withFlows(flows).withProfiles(profiles);
    }

    public static Project renameProfile(Project p, String name, String newName) {
        String text = newName.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if (!text.equals(name) && p.profile(text).isPresent()) {
            throw new IllegalArgumentException("there is already a profile '" + text + "'");
        }
        return p.withProfiles(p.profiles().stream()
                .map(u -> u.name().equals(name)
                        ? new UserProfile(
                                text,
                                u.weight(),
                                u.fixedCount(),
                                u.thinkTime(),
                                u.startFlow(),
                                u.startProbability(),
                                u.mainFlow(),
                                u.stopFlow(),
                                u.data())
                        : u)
                .toList());
    }

    /** Renames data source {@code id}; the profiles' bindings follow. */
    public static Project renameDataSource(Project p, String id, String newId) {
        String text = newId.strip();
        if (!text.matches(NAME)) {
            throw new IllegalArgumentException("a data source id uses letters, digits, _ . - (e.g. accounts)");
        }
        if (!text.equals(id) && p.dataSource(text).isPresent()) {
            throw new IllegalArgumentException("there is already a data source '" + text + "'");
        }
        return p.withDataSources(p.dataSources().stream()
                        .map(d -> d.id().equals(id)
                                ? new DataSource(text, d.path(), d.delimiter(), d.policy(), d.whenExhausted())
                                : d)
                        .toList())
                .withProfiles(p.profiles().stream()
                        .map(u -> u.withData(u.data().stream()
                                .map(b -> b.source().equals(id) ? new DataBinding(text, b.when()) : b)
                                .toList()))
                        .toList());
    }

    // ---- delete

    /** "main flow of profile 'browser'" for every use of flow {@code id}; empty when nothing uses it. */
    public static List<String> usesOfFlow(Project p, String id) {
        var out = new ArrayList<String>();
        for (UserProfile u : p.profiles()) {
            if (id.equals(u.mainFlow())) {
                out.add("main flow of profile '" + u.name() + "'");
            }
            if (id.equals(u.startFlow())) {
                out.add("start flow of profile '" + u.name() + "'");
            }
            if (id.equals(u.stopFlow())) {
                out.add("stop flow of profile '" + u.name() + "'");
            }
        }
        return out;
    }

    /** The profiles that read data source {@code id}. */
    public static List<String> usesOfDataSource(Project p, String id) {
        return p.profiles().stream()
                .filter(u -> u.data().stream().anyMatch(b -> b.source().equals(id)))
                .map(u -> "read by profile '" + u.name() + "'")
                .toList();
    }

    /**
     * Deletes flow {@code id} and drops it as start or stop flow of profiles.
     *
     * @throws IllegalArgumentException when a profile runs it as its main flow (a profile needs one)
     */
    public static Project deleteFlow(Project p, String id) {
        var mains = p.profiles().stream()
                .filter(u -> id.equals(u.mainFlow()))
                .map(u -> "'" + u.name() + "'")
                .toList();
        if (!mains.isEmpty()) {
            throw new IllegalArgumentException("flow '" + id + "' is the main flow of profile "
                    + String.join(", ", mains) + ": choose another main flow there (or delete the profile) first");
        }
        return p.withFlows(p.flows().stream().filter(f -> !f.id().equals(id)).toList())
                .withProfiles(p.profiles().stream()
                        .map(u -> u.withStart(
                                        Objects.equals(id, u.startFlow()) ? null : u.startFlow(), u.startProbability())
                                .withStopFlow(Objects.equals(id, u.stopFlow()) ? null : u.stopFlow()))
                        .toList());
    }

    public static Project deleteProfile(Project p, String name) {
        return p.withProfiles(
                p.profiles().stream().filter(u -> !u.name().equals(name)).toList());
    }

    /** Deletes data source {@code id} and the profiles' bindings to it. */
    public static Project deleteDataSource(Project p, String id) {
        return p.withDataSources(
                        p.dataSources().stream().filter(d -> !d.id().equals(id)).toList())
                .withProfiles(p.profiles().stream()
                        .map(u -> u.withData(u.data().stream()
                                .filter(b -> !b.source().equals(id))
                                .toList()))
                        .toList());
    }
}
