package dev.throng.engine.user;

import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Variable;
import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What every user of one run shares: the project with its requests compiled, the base URL, the environment, the
 * clock, the statistics sink, the data sources, the run's counter and the timer of the users that think without a
 * thread. Thread-safe (immutable apart from the atomic counter, the timer and the thread-safe row sources and sink).
 */
public final class UserEnvironment {

    /**
     * How a run wants its users set up.
     *
     * @param projectDirectory relative paths (body files) resolve against it
     * @param environment what {@code ${env:NAME}} reads
     * @param host replaces the project's base URL when not {@code null} (the {@code --host} flag)
     * @param clock the clock
     * @param stats where users report
     * @param rowSources the data sources by id (see {@link #readRowSources})
     * @param agentIndex this agent's number (0 for a local run)
     * @param failRun called (from a user's thread) when a user makes the whole run fail, with the reason
     */
    public record Config(
            Path projectDirectory,
            Map<String, String> environment,
            String host,
            Clock clock,
            StatsSink stats,
            Map<String, RowSource> rowSources,
            int agentIndex,
            Consumer<String> failRun) {
        public Config {
            Objects.requireNonNull(projectDirectory, "projectDirectory");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(stats, "stats");
            rowSources = Map.copyOf(rowSources);
            Objects.requireNonNull(failRun, "failRun");
        }
    }

    final Project project;
    final Config config;
    final String baseUrl;
    final Map<String, CompiledFlow> flows;
    /** The prepared requests by flow id, then by step id (no key is built per request). */
    final Map<String, Map<String, PreparedRequest>> requests;

    final List<Map.Entry<String, Template>> variables;
    final AtomicLong counter = new AtomicLong();
    /** The deadlines of the users that think without a thread (see {@link VirtualUser#startClosed}). */
    final Wakeups wakeups;

    private UserEnvironment(
            Project project,
            Config config,
            Map<String, CompiledFlow> flows,
            Map<String, Map<String, PreparedRequest>> requests,
            List<Map.Entry<String, Template>> variables) {
        this.project = project;
        this.config = config;
        this.baseUrl = config.host() != null && !config.host().isBlank()
                ? config.host().strip()
                : project.settings().baseUrl();
        this.flows = flows;
        this.requests = requests;
        this.variables = variables;
        this.wakeups = new Wakeups(config.clock());
    }

    /**
     * Compiles the project's requests and variables for a run and checks that every secret it uses is set.
     *
     * @throws IllegalArgumentException listing every problem, one per line, each naming where it is and what to do
     */
    public static UserEnvironment prepare(Project project, Config config) {
        var problems = new ArrayList<String>();
        var flows = new LinkedHashMap<String, CompiledFlow>();
        var requests = new HashMap<String, Map<String, PreparedRequest>>();
        var templates = new ArrayList<Template>();
        for (Flow flow : project.flows()) {
            flows.put(flow.id(), CompiledFlow.of(flow));
            for (Step.Request r : requestsOf(flow.steps())) {
                try {
                    var prepared = PreparedRequest.prepare(
                            flow.id(), r, project.settings().headers(), config.projectDirectory());
                    requests.computeIfAbsent(flow.id(), k -> new HashMap<>()).put(r.id(), prepared);
                    templates.addAll(prepared.templates());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        var variables = new ArrayList<Map.Entry<String, Template>>();
        for (Variable v : project.variables()) {
            try {
                var t = Template.compile(v.value());
                variables.add(Map.entry(v.name(), t));
                templates.add(t);
            } catch (TemplateException e) {
                problems.add("variable '" + v.name() + "': " + e.getMessage());
            }
        }
        for (Header h : project.settings().headers()) {
            try {
                templates.add(Template.compile(h.value()));
            } catch (TemplateException e) {
                problems.add("default header '" + h.name() + "': " + e.getMessage());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Template t : templates) {
            for (String name : t.environmentNames()) {
                if (!config.environment().containsKey(name)) {
                    missing.add(name);
                }
            }
        }
        for (String name : missing) {
            problems.add("the project uses ${env:" + name + "} but the environment variable " + name
                    + " is not set: set it before starting the run (for example: export " + name
                    + "=...); secrets are never sent empty");
        }
        for (var profile : project.profiles()) {
            for (var binding : profile.data()) {
                if (!config.rowSources().containsKey(binding.source())) {
                    problems.add("profile '" + profile.name() + "' reads the data source '" + binding.source()
                            + "', which this run does not have");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", new LinkedHashSet<>(problems)));
        }
        return new UserEnvironment(project, config, Map.copyOf(flows), frozen(requests), List.copyOf(variables));
    }

    /**
     * Reads the project's data files (relative to {@code projectDirectory}) into row sources, giving each unique
     * source the rows (numbered from 0 in file order) its predicate in {@code uniqueRows} holds (every row when
     * absent).
     *
     * @throws IOException naming the data source and the file when one cannot be read
     */
    public static Map<String, RowSource> readRowSources(
            Project project, Path projectDirectory, Map<String, java.util.function.LongPredicate> uniqueRows)
            throws IOException {
        var sources = new LinkedHashMap<String, RowSource>();
        for (DataSource ds : project.dataSources()) {
            DataTable table = readTable(ds, projectDirectory);
            sources.put(ds.id(), RowSource.partition(ds, table, uniqueRows.getOrDefault(ds.id(), row -> true)));
        }
        return sources;
    }

    /**
     * Reads the table of data source {@code ds} (relative to {@code projectDirectory}).
     *
     * @throws IOException naming the data source and the file when it cannot be read
     */
    public static DataTable readTable(DataSource ds, Path projectDirectory) throws IOException {
        try {
            return DataTable.read(projectDirectory.resolve(ds.path()), ds.delimiter());
        } catch (IOException e) {
            throw new IOException("data source '" + ds.id() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads the project's data files (relative to {@code projectDirectory}) into row sources, giving unique sources
     * partition {@code index} of {@code count}.
     *
     * @throws IOException naming the data source and the file when one cannot be read
     */
    public static Map<String, RowSource> readRowSources(Project project, Path projectDirectory, int index, int count)
            throws IOException {
        var sources = new LinkedHashMap<String, RowSource>();
        for (DataSource ds : project.dataSources()) {
            DataTable table;
            try {
                table = DataTable.read(projectDirectory.resolve(ds.path()), ds.delimiter());
            } catch (IOException e) {
                throw new IOException("data source '" + ds.id() + "': " + e.getMessage(), e);
            }
            sources.put(ds.id(), RowSource.partition(ds, table, index, count));
        }
        return sources;
    }

    private static List<Step.Request> requestsOf(List<Step> steps) {
        var out = new ArrayList<Step.Request>();
        for (Step s : steps) {
            switch (s) {
                case Step.Request r -> out.add(r);
                case Step.Group g -> out.addAll(requestsOf(g.steps()));
                case Step.Pause p -> {}
            }
        }
        return out;
    }

    /** The prepared request of step {@code stepId} of flow {@code flowId}, or {@code null}. */
    PreparedRequest request(String flowId, String stepId) {
        Map<String, PreparedRequest> ofFlow = requests.get(flowId);
        return ofFlow == null ? null : ofFlow.get(stepId);
    }

    private static Map<String, Map<String, PreparedRequest>> frozen(Map<String, Map<String, PreparedRequest>> m) {
        var out = new HashMap<String, Map<String, PreparedRequest>>();
        m.forEach((flow, steps) -> out.put(flow, Map.copyOf(steps)));
        return Map.copyOf(out);
    }

    /** The base URL relative request URLs resolve against (the host override or the project's). */
    public String baseUrl() {
        return baseUrl;
    }

    public Project project() {
        return project;
    }

    public Config config() {
        return config;
    }
}
