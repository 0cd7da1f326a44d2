package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Variable;
import java.time.Duration;
import java.util.List;

/**
 * Binds the JSON tree of a current-format file to a {@link Project}, reporting every structural problem. Where a part
 * is wrong it substitutes a default so the rest can still be checked. Package-private; confined to one read.
 */
final class ProjectBinder {

    private final List<Problem> problems;
    private final FlowBinder flows;

    ProjectBinder(List<Problem> problems) {
        this.problems = problems;
        this.flows = new FlowBinder(problems);
    }

    /** The project, or {@code null} when the root is not an object (reported). */
    Project bind(JsonNode root) {
        Members m = Members.of(problems, root, "$", Shapes.PROJECT, "the project");
        if (m == null) {
            return null;
        }
        String name = m.string("name", "");
        String description = m.string("description", "");
        Settings settings = m.has("settings") ? settings(m.get("settings"), m.path("settings")) : Settings.defaults();
        List<Variable> variables = m.list("variables", (n, at) -> {
            Members v = Members.of(problems, n, at, Shapes.NAME_VALUE, "a variable");
            return v == null ? null : new Variable(v.string("name", ""), v.string("value", ""));
        });
        List<DataSource> sources = m.list("dataSources", this::dataSource);
        List<UserProfile> profiles = m.list("profiles", this::profile);
        var flowList = m.list("flows", flows::flow);
        LoadPlan plan = m.has("loadPlan") ? plan(m.get("loadPlan"), m.path("loadPlan")) : LoadPlan.defaults();
        List<Threshold> thresholds = m.list("thresholds", this::threshold);
        return new Project(name, description, settings, variables, sources, profiles, flowList, plan, thresholds);
    }

    List<Header> nameValues(Members m, String field, String what) {
        return m.list(field, (n, at) -> {
            Members h = Members.of(problems, n, at, Shapes.NAME_VALUE, what);
            return h == null ? null : new Header(h.string("name", ""), h.string("value", ""));
        });
    }

    private Settings settings(JsonNode node, String path) {
        Settings d = Settings.defaults();
        Members m = Members.of(problems, node, path, Shapes.SETTINGS, "the settings");
        if (m == null) {
            return d;
        }
        List<String> baseUrls = m.strings("baseUrls");
        List<Header> headers = nameValues(m, "headers", "a header");
        Settings.Timeouts timeouts = d.timeouts();
        Members t = m.has("timeouts")
                ? Members.of(problems, m.get("timeouts"), m.path("timeouts"), Shapes.TIMEOUTS, "the timeouts")
                : null;
        if (t != null) {
            timeouts = new Settings.Timeouts(
                    t.duration("connect", timeouts.connect()),
                    t.duration("response", timeouts.response()),
                    t.duration("total", null));
        }
        Settings.Tls tls = d.tls();
        Members s =
                m.has("tls") ? Members.of(problems, m.get("tls"), m.path("tls"), Shapes.TLS, "the TLS settings") : null;
        if (s != null) {
            tls = new Settings.Tls(
                    s.bool("verify", true),
                    s.string("trustStore", null),
                    s.string("trustStorePassword", null),
                    s.string("clientCertificate", null),
                    s.string("clientCertificatePassword", null),
                    s.bool("trustAll", false));
        }
        Settings.Redirects redirects = d.redirects();
        Members r = m.has("redirects")
                ? Members.of(
                        problems, m.get("redirects"), m.path("redirects"), Shapes.REDIRECTS, "the redirect settings")
                : null;
        if (r != null) {
            redirects = new Settings.Redirects(r.bool("follow", redirects.follow()), r.integer("max", redirects.max()));
        }
        Settings.Connections connections = d.connections();
        Members c = m.has("connections")
                ? Members.of(
                        problems,
                        m.get("connections"),
                        m.path("connections"),
                        Shapes.CONNECTIONS,
                        "the connection settings")
                : null;
        if (c != null) {
            connections = new Settings.Connections(
                    c.enumValue("policy", Settings.Connections.Policy.values(), connections.policy()),
                    c.integer("poolSize", connections.poolSize()));
        }
        return new Settings(
                baseUrls,
                headers,
                timeouts,
                tls,
                redirects,
                connections,
                m.strings("localAddresses"),
                m.longNumber("maxBodyBytes", Settings.DEFAULT_MAX_BODY_BYTES));
    }

    private DataSource dataSource(JsonNode node, String path) {
        Members m = Members.of(problems, node, path, Shapes.DATA_SOURCE, "a data source");
        if (m == null) {
            return null;
        }
        String delimiter = m.string("delimiter", ",");
        if (delimiter.length() != 1) {
            problems.add(Problem.error(m.path("delimiter"), "the delimiter is one character, such as \",\" or \";\""));
            delimiter = ",";
        }
        return new DataSource(
                m.string("id", ""),
                m.string("path", ""),
                delimiter.charAt(0),
                m.enumValue("policy", DataSource.Policy.values(), DataSource.Policy.CIRCULAR),
                m.enumValue("whenExhausted", DataSource.Exhausted.values(), DataSource.Exhausted.STOP_USER));
    }

    private UserProfile profile(JsonNode node, String path) {
        Members m = Members.of(problems, node, path, Shapes.PROFILE, "a user profile");
        if (m == null) {
            return null;
        }
        String startFlow = m.string("startFlow", null);
        ThinkTime think = m.has("thinkTime") ? thinkTime(m.get("thinkTime"), m.path("thinkTime")) : ThinkTime.NONE;
        List<DataBinding> data = m.list("data", (n, at) -> {
            Members b = Members.of(problems, n, at, Shapes.DATA_BINDING, "a data binding");
            return b == null
                    ? null
                    : new DataBinding(
                            b.string("source", ""),
                            b.enumValue("when", DataBinding.When.values(), DataBinding.When.USER_START));
        });
        return new UserProfile(
                m.string("name", ""),
                m.number("weight", 1),
                m.integer("fixedCount", null),
                think,
                startFlow,
                m.number("startProbability", startFlow == null ? 0 : 1),
                m.string("mainFlow", ""),
                m.string("stopFlow", null),
                data);
    }

    private ThinkTime thinkTime(JsonNode node, String path) {
        String type = Members.discriminator(
                problems, node, path, "type", "think time", List.of("constant", "between", "pacing", "throughput"));
        if (type == null) {
            return ThinkTime.NONE;
        }
        return switch (type) {
            case "constant" -> {
                Members m = Members.of(problems, node, path, Shapes.THINK_CONSTANT, "a constant think time");
                yield new ThinkTime.Constant(m.duration("pause", Duration.ZERO));
            }
            case "between" -> {
                Members m = Members.of(problems, node, path, Shapes.THINK_BETWEEN, "a think time between");
                Duration min = m.duration("min", Duration.ZERO);
                yield new ThinkTime.Between(min, m.duration("max", min));
            }
            case "pacing" -> {
                Members m = Members.of(problems, node, path, Shapes.THINK_PACING, "a pacing think time");
                yield new ThinkTime.Pacing(m.duration("interval", Duration.ofSeconds(1)));
            }
            default -> {
                Members m = Members.of(problems, node, path, Shapes.THINK_THROUGHPUT, "a throughput think time");
                yield new ThinkTime.Throughput(m.number("iterationsPerSecond", 1));
            }
        };
    }

    private LoadPlan plan(JsonNode node, String path) {
        String type =
                Members.discriminator(problems, node, path, "type", "load plan", List.of("closed", "open", "capacity"));
        if (type == null) {
            return LoadPlan.defaults();
        }
        if (type.equals("closed")) {
            Members m = Members.of(problems, node, path, Shapes.PLAN_CLOSED, "a closed load plan");
            List<LoadPlan.Stage> stages = m.list("stages", (n, at) -> {
                Members s = Members.of(problems, n, at, Shapes.STAGE, "a stage");
                if (s == null) {
                    return null;
                }
                JsonNode rate = s.get("rate");
                return new LoadPlan.Stage(
                        s.duration("duration", Duration.ZERO),
                        s.integer("target", 0),
                        rate == null ? null : s.number("rate", 1));
            });
            return new LoadPlan.Closed(
                    m.integer("users", 0),
                    m.number("spawnRate", 1),
                    stages,
                    m.duration("duration", Duration.ZERO),
                    m.duration("gracefulStop", LoadPlan.defaults().gracefulStop()));
        }
        if (type.equals("capacity")) {
            return capacity(node, path);
        }
        Members m = Members.of(problems, node, path, Shapes.PLAN_OPEN, "an open load plan");
        List<LoadPlan.RateStage> stages = m.list("stages", (n, at) -> {
            Members s = Members.of(problems, n, at, Shapes.RATE_STAGE, "a rate stage");
            return s == null
                    ? null
                    : new LoadPlan.RateStage(s.duration("duration", Duration.ZERO), s.number("target", 0));
        });
        return new LoadPlan.Open(
                m.number("startRate", 0),
                stages,
                m.integer("maxConcurrentUsers", 1),
                m.duration("duration", Duration.ZERO),
                m.duration("gracefulStop", LoadPlan.defaults().gracefulStop()));
    }

    private LoadPlan capacity(JsonNode node, String path) {
        Members m = Members.of(problems, node, path, Shapes.PLAN_CAPACITY, "a capacity load plan");
        return new LoadPlan.Capacity(
                m.enumValue("model", LoadPlan.CapacityModel.values(), LoadPlan.CapacityModel.USERS),
                m.number("start", 1),
                m.number("step", 1),
                m.enumValue("stepMode", LoadPlan.StepMode.values(), LoadPlan.StepMode.ADD),
                m.duration("hold", Duration.ofSeconds(30)),
                m.number("upperBound", 1),
                m.integer("refinements", LoadPlan.Capacity.DEFAULT_REFINEMENTS),
                m.number("spawnRate", LoadPlan.Capacity.DEFAULT_SPAWN_RATE),
                m.integer("maxConcurrentUsers", LoadPlan.Capacity.DEFAULT_MAX_CONCURRENT_USERS),
                m.duration("gracefulStop", LoadPlan.defaults().gracefulStop()));
    }

    private Threshold threshold(JsonNode node, String path) {
        Members m = Members.of(problems, node, path, Shapes.THRESHOLD, "a threshold");
        if (m == null) {
            return null;
        }
        String rule = m.string("rule", null);
        String scope = m.string("scope", null);
        boolean abort = m.bool("abortOnFail", false);
        if (rule == null) {
            return null;
        }
        Threshold t;
        try {
            t = Threshold.parse(rule);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(m.path("rule"), e.getMessage()));
            return null;
        }
        if (scope != null && t.scope() != null) {
            problems.add(Problem.error(
                    m.path("scope"), "the scope is given twice: in \"rule\" (name~...) and in \"scope\"; keep one"));
        }
        String effectiveScope = scope != null ? scope : t.scope();
        return new Threshold(t.metric(), effectiveScope, t.comparison(), t.value(), abort);
    }
}
