package dev.throng.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {

    @TempDir
    Path dir;

    /** A small valid project: one profile, one flow home → cart. */
    static Project base() {
        var flow = new Flow(
                "main",
                "Main",
                List.of(Step.Request.of("home", "GET", "/"), Step.Request.of("cart", "GET", "/cart")),
                List.of(Edge.of(Flow.START, "home", 1), Edge.of("home", "cart", 1)));
        return Project.empty("t")
                .withSettings(Settings.defaults().withBaseUrls(List.of("http://127.0.0.1:8080")))
                .withProfiles(List.of(UserProfile.of("web", 1, "main")))
                .withFlows(List.of(flow));
    }

    static Project withMain(Project p, Flow main) {
        return p.withFlow(main);
    }

    static Flow main(Project p) {
        return p.flow("main").orElseThrow();
    }

    static Project withRequest(Project p, Step.Request request) {
        return p.withFlow(main(p).withStep(request));
    }

    static Step.Request cart(Project p) {
        return (Step.Request) main(p).step("cart").orElseThrow();
    }

    private List<String> errors(Project p) {
        return Validator.validate(p, dir).stream()
                .filter(Problem::isError)
                .map(Problem::format)
                .toList();
    }

    private List<String> warnings(Project p) {
        return Validator.validate(p, dir).stream()
                .filter(x -> !x.isError())
                .map(Problem::format)
                .toList();
    }

    @Test
    void theBaseProjectIsClean() {
        assertThat(Validator.validate(base(), dir)).isEmpty();
        assertThat(Validator.validate(base(), null)).isEmpty();
    }

    @Test
    void edgesMustJoinKnownSteps() {
        Project p = base();
        p = withMain(p, main(p).withEdges(List.of(Edge.of(Flow.START, "home", 1), Edge.of("hom", "cart2", 1))));
        assertThat(errors(p))
                .containsExactly(
                        "$.flows[0].edges[1].from: edge from unknown step 'hom' (did you mean 'home'?)",
                        "$.flows[0].edges[1].to: edge to unknown step 'cart2' (did you mean 'cart'?)");
        Project fromEnd = withMain(
                base(), main(base()).withEdges(List.of(Edge.of(Flow.START, "home", 1), Edge.of(Flow.END, "cart", 1))));
        assertThat(errors(fromEnd)).containsExactly("$.flows[0].edges[1].from: no edge can leave 'end'");
    }

    @Test
    void weightsMustBeNonNegativeAndNotAllZero() {
        Project p = base();
        p = withMain(
                p,
                main(p).withEdges(List.of(
                        Edge.of(Flow.START, "home", 1), Edge.of("home", "cart", 0), Edge.of("home", Flow.END, -1))));
        assertThat(errors(p))
                .containsExactly(
                        "$.flows[0].edges[2].weight: weight -1.0 must be zero or more",
                        "$.flows[0].edges[1].weight: the edges leaving 'home' have weights summing to zero: none can be"
                                + " taken");
        Project noStart = withMain(base(), main(base()).withEdges(List.of(Edge.of("home", "cart", 1))));
        assertThat(errors(noStart))
                .containsExactly("$.flows[0].edges: nothing starts flow 'main': add an edge from 'start' to its first"
                        + " step");
        Project zeroProfiles = base().withProfiles(List.of(UserProfile.of("web", 0, "main")));
        assertThat(errors(zeroProfiles))
                .containsExactly("$.profiles: the weights of the profiles sum to zero: give one" + " a weight above 0");
        Project negative = base().withProfiles(List.of(UserProfile.of("web", -2, "main")));
        assertThat(errors(negative)).contains("$.profiles[0].weight: weight -2.0 must be zero or more");
    }

    @Test
    void unreachableStepsAreWarnings() {
        Project p = withMain(base(), main(base()).withEdges(List.of(Edge.of(Flow.START, "home", 1))));
        assertThat(warnings(p))
                .containsExactly("$.flows[0].steps[1]: warning: step 'cart' is never reached from"
                        + " 'start' (no edge with a weight above zero)");
    }

    @Test
    void durationsMustNotBeNegative() {
        Project p = base().withProfiles(List.of(UserProfile.of("web", 1, "main")
                .withThinkTime(new ThinkTime.Between(Duration.ofSeconds(-1), Duration.ofSeconds(-2)))));
        p = p.withFlow(main(p).withStep(new Step.Pause("wait", Duration.ofMillis(-5), null, null)));
        assertThat(errors(p))
                .contains(
                        "$.profiles[0].thinkTime.min: a think time cannot be negative (-1s)",
                        "$.profiles[0].thinkTime.max: the longest think time is shorter than the shortest",
                        "$.flows[0].steps[2].min: a pause cannot be negative (-5ms)");
    }

    @Test
    void templatesMayUseVariablesColumnsExtractedValuesBuiltInsAndEnvironment() throws IOException {
        Files.writeString(dir.resolve("users.csv"), "login;secret\nu1;p1\n");
        Project p = base().withVariables(List.of(new Variable("host", "shop")))
                .withDataSources(List.of(new DataSource(
                        "users", "users.csv", ';', DataSource.Policy.CIRCULAR, DataSource.Exhausted.STOP_USER)));
        var home = Step.Request.of("home", "GET", "/")
                .withExtractors(List.of(new Extractor("token", Extractor.Kind.JSONPATH, "$.token", null)));
        p = withRequest(p, home);
        p = withRequest(
                p,
                cart(p).withUrl("/cart/${host}/${login}/${secret}/${token}/${__uuid}/${__randomInt(1,9)}"
                        + "/${env:HOME}"));
        assertThat(Validator.validate(p, dir)).isEmpty();

        Project unknown = withRequest(p, cart(p).withUrl("/cart/${tokn}"));
        assertThat(errors(unknown))
                .containsExactly("$.flows[0].steps[1].url: '${tokn}' uses unknown variable 'tokn': it is not a project"
                        + " variable, a data-source column, an extracted variable or a built-in (did you mean"
                        + " 'token'?)");
        Project builtIn = withRequest(p, cart(p).withUrl("/cart/${__uid}/${__randomInt(9,1)}/${__randomInt(x)}"));
        assertThat(errors(builtIn))
                .containsExactly(
                        "$.flows[0].steps[1].url: unknown built-in '__uid' (did you mean '__uuid'?); the built-ins are"
                                + " __uuid, __randomInt, __now, __counter, __userIndex, __agentIndex",
                        "$.flows[0].steps[1].url: '${__randomInt(9,1)}': the minimum is above the maximum",
                        "$.flows[0].steps[1].url: '${__randomInt(x)}': __randomInt takes 2 argument(s), e.g."
                                + " ${__randomInt(1,100)}");
    }

    @Test
    void withoutADirectoryUnknownNamesMayBeColumnsAndAreWarnings() {
        Project p = base().withDataSources(List.of(
                new DataSource("users", "users.csv", ',', DataSource.Policy.CIRCULAR, DataSource.Exhausted.STOP_USER)));
        p = withRequest(p, cart(p).withUrl("/cart/${login}"));
        assertThat(Validator.validate(p, null))
                .singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Problem.Severity.WARNING));
        assertThat(errors(p))
                .containsExactly("$.dataSources[0].path: data file not found: " + dir.resolve("users.csv")
                        + " (paths are relative to the project file)");
    }

    @Test
    void profilesMustReferenceKnownFlowsAndDataSources() {
        var profile = new UserProfile(
                "web",
                1,
                null,
                ThinkTime.NONE,
                "logn",
                1.5,
                "mian",
                "stop",
                List.of(new DataBinding("acounts", DataBinding.When.USER_START)));
        Project p = base().withProfiles(List.of(profile))
                .withDataSources(List.of(new DataSource(
                        "accounts", "a.csv", ',', DataSource.Policy.UNIQUE, DataSource.Exhausted.RECYCLE)))
                .withFlows(List.of(main(base()), new Flow("login", null, List.of(), List.of())));
        assertThat(errors(p))
                .contains(
                        "$.profiles[0].mainFlow: unknown flow 'mian' (did you mean 'main'?)",
                        "$.profiles[0].startFlow: unknown flow 'logn' (did you mean 'login'?)",
                        "$.profiles[0].stopFlow: unknown flow 'stop'",
                        "$.profiles[0].startProbability: start probability 1.5 must be between 0 and 1 (0.3 = 30%)",
                        "$.profiles[0].data[0].source: unknown data source 'acounts' (did you mean 'accounts'?)");
        assertThat(errors(base().withProfiles(List.of())))
                .containsExactly("$.profiles: no user profiles: add at least one (a name, a weight, a main flow)");
    }

    @Test
    void idsMustBeUnique() {
        Project p = base().withProfiles(List.of(UserProfile.of("web", 1, "main"), UserProfile.of("web", 1, "main")))
                .withVariables(List.of(new Variable("a", "1"), new Variable("a", "2")));
        p = p.withFlows(List.of(main(p), main(p)));
        p = p.withFlow(main(p).withSteps(List.of(
                Step.Request.of("home", "GET", "/"),
                Step.Request.of("home", "GET", "/"),
                Step.Request.of("cart", "GET", "/"),
                Step.Request.of("end", "GET", "/"))));
        assertThat(errors(p))
                .contains(
                        "$.variables[1].name: duplicate variable 'a'",
                        "$.profiles[1].name: duplicate profile name 'web'",
                        "$.flows[1].id: duplicate flow id 'main'",
                        "$.flows[0].steps[1].id: duplicate step id 'home' (also $.flows[0].steps[0])",
                        "$.flows[0].steps[3].id: 'end' is reserved for the flow's pseudo-node; rename");
    }

    @Test
    void planProblems() {
        Project noUsers = base().withLoadPlan(((LoadPlan.Closed) LoadPlan.defaults()).withUsers(0));
        assertThat(errors(noUsers)).containsExactly("$.loadPlan.users: the plan starts no users");
        Project noRate = base().withLoadPlan(((LoadPlan.Closed) LoadPlan.defaults()).withSpawnRate(0));
        assertThat(errors(noRate))
                .containsExactly("$.loadPlan.spawnRate: the spawn rate must be above zero to start the users");
        Project open = base().withLoadPlan(new LoadPlan.Open(
                0,
                List.of(new LoadPlan.RateStage(Duration.ofSeconds(-1), 0)),
                0,
                Duration.ofMinutes(1),
                Duration.ofSeconds(5)));
        assertThat(errors(open))
                .containsExactly(
                        "$.loadPlan.maxConcurrentUsers: the most concurrent users must be above zero",
                        "$.loadPlan.stages[0].duration: a stage duration cannot be negative (-1s)",
                        "$.loadPlan.stages: every rate is zero: the plan starts no users",
                        "$.loadPlan.stages: the stages last zero seconds in total");
    }

    private static LoadPlan.Capacity capacity(
            LoadPlan.CapacityModel model,
            double start,
            double step,
            LoadPlan.StepMode mode,
            Duration hold,
            double upper,
            int refinements,
            double spawnRate) {
        return new LoadPlan.Capacity(
                model, start, step, mode, hold, upper, refinements, spawnRate, 100, Duration.ofSeconds(5));
    }

    @Test
    void capacityPlanProblemsNameTheirFields() {
        Project good = base().withThresholds(List.of(Threshold.parse("p95<300ms")))
                .withLoadPlan(capacity(
                        LoadPlan.CapacityModel.USERS,
                        10,
                        10,
                        LoadPlan.StepMode.ADD,
                        Duration.ofSeconds(30),
                        100,
                        2,
                        10));
        assertThat(errors(good)).isEmpty();

        Project bad = good.withLoadPlan(capacity(
                LoadPlan.CapacityModel.USERS, 0, 1, LoadPlan.StepMode.MULTIPLY, Duration.ofMillis(500), -1, 11, 0));
        assertThat(errors(bad))
                .containsExactly(
                        "$.loadPlan.start: the first step's load must be above zero users",
                        "$.loadPlan.step: with stepMode \"multiply\" the step is a factor and must be above 1, e.g. 1.5",
                        "$.loadPlan.hold: each step must be held at least 1 second to be judged, e.g. \"30s\"",
                        "$.loadPlan.upperBound: the upper bound must be at least the start (0 users)",
                        "$.loadPlan.refinements: the number of narrowing steps must be 0 to 10",
                        "$.loadPlan.spawnRate: the spawn rate must be above zero users per second");

        Project noObjective = good.withThresholds(List.of());
        assertThat(errors(noObjective))
                .singleElement()
                .asString()
                .startsWith("$.thresholds: a capacity search needs at least one threshold");

        Project arrivals = good.withLoadPlan(capacity(
                LoadPlan.CapacityModel.ARRIVALS, 5, 0, LoadPlan.StepMode.ADD, Duration.ofSeconds(5), 50, 0, 0));
        assertThat(errors(arrivals))
                .as("no spawn rate needed for arrivals")
                .containsExactly("$.loadPlan.step: the step must add more than zero arrivals per second");
    }

    @Test
    void regularExpressionsMustCompile() {
        var request = cart(base())
                .withChecks(List.of(new Check.BodyMatches("a(b")))
                .withExtractors(List.of(new Extractor("x", Extractor.Kind.REGEX, "[", null)));
        Project p = withRequest(base(), request);
        p = withMain(
                p,
                main(p).withEdges(List.of(
                        Edge.of(Flow.START, "home", 1),
                        new Edge("home", "cart", 1, new Condition("x", Condition.Op.MATCHES, "*")),
                        new Edge("home", Flow.END, 1, new Condition("x", Condition.Op.EQUALS, null)),
                        new Edge("home", Flow.END, 1, new Condition("y", Condition.Op.IS_SET, null)))));
        var errors = errors(p);
        assertThat(errors)
                .anySatisfy(
                        e -> assertThat(e)
                                .startsWith(
                                        "$.flows[0].steps[1].extractors[0].expression: expression '[' is not a valid regular expression"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e)
                        .startsWith(
                                "$.flows[0].steps[1].checks[0].regex: regex 'a(b' is not a valid regular expression"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e)
                        .startsWith(
                                "$.flows[0].edges[1].condition.value: value '*' is not a valid regular expression"));
        assertThat(errors)
                .contains(
                        "$.flows[0].edges[2].condition.value: 'equals' needs a value to compare with",
                        "$.flows[0].edges[3].condition.variable: the condition uses unknown variable 'y': it is not a project"
                                + " variable, a data-source column, an extracted variable or a built-in");
        assertThat(errors).hasSize(5);
    }

    @Test
    void urlsMustBeValid() {
        assertThat(errors(withRequest(base(), cart(base()).withUrl("/a b"))))
                .singleElement()
                .asString()
                .startsWith("$.flows[0].steps[1].url: '/a b' is not a valid URL: Illegal character in path");
        assertThat(errors(withRequest(base(), cart(base()).withUrl("ftp://x/y"))))
                .containsExactly(
                        "$.flows[0].steps[1].url: URL 'ftp://x/y' must use http:// or https:// and name a" + " host");
        assertThat(errors(withRequest(base(), cart(base()).withUrl("cart"))))
                .containsExactly("$.flows[0].steps[1].url: URL 'cart' must start with / (relative to the base URL) or"
                        + " http(s)://");
        Project noBase = base().withSettings(Settings.defaults());
        assertThat(errors(noBase)).hasSize(2).allSatisfy(e -> assertThat(e).contains("no base URL"));
        assertThat(errors(withRequest(base(), cart(base()).withUrl("https://example.test/p/${__uuid}"))))
                .isEmpty();
        assertThat(errors(withRequest(base(), cart(base()).withMethod("get"))))
                .containsExactly("$.flows[0].steps[1].method: 'get' is not an HTTP method: write it in capitals, e.g."
                        + " GET, POST, PUT, DELETE");
        assertThat(errors(base().withSettings(Settings.defaults().withBaseUrls(List.of("127.0.0.1:8080")))))
                .contains(
                        "$.settings.baseUrls[0]: base URL '127.0.0.1:8080' must be absolute, with http or https, a host"
                                + " and a port if not the default: e.g. http://127.0.0.1:8080");
    }

    @Test
    void thresholdScopesMustCompileAndShouldMatchARequest() {
        Project p = base().withThresholds(List.of(
                new Threshold(Threshold.Metric.P95, "/cart", Threshold.Comparison.LT, 300, false),
                new Threshold(Threshold.Metric.P95, "^GET /$", Threshold.Comparison.LT, 300, false),
                new Threshold(Threshold.Metric.P95, "/crt", Threshold.Comparison.LT, 300, false),
                new Threshold(Threshold.Metric.P95, "(", Threshold.Comparison.LT, 300, false),
                new Threshold(Threshold.Metric.ERROR_RATE, null, Threshold.Comparison.LT, 2, false)));
        assertThat(warnings(p))
                .containsExactly("$.thresholds[2].scope: warning: scope '/crt' matches no request or group name of the"
                        + " project (did you mean '/cart'?)");
        assertThat(errors(p))
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("$.thresholds[3].scope: scope '(' is not a valid regular"))
                .contains("$.thresholds[4].rule: an error rate is at most 100%");
    }

    @Test
    void secretsWrittenLiterallyAreWarnings() {
        Project p = base().withSettings(
                        base().settings().withHeaders(List.of(new Header("Authorization", "Bearer abc123"))));
        assertThat(warnings(p))
                .containsExactly("$.settings.headers[0].value: warning: a secret is written literally in header"
                        + " 'Authorization': anyone with the file can read it; use ${env:NAME} (e.g. Bearer"
                        + " ${env:API_TOKEN})");
        Project fine = base().withSettings(
                        base().settings().withHeaders(List.of(new Header("Authorization", "Bearer ${env:API_TOKEN}"))));
        assertThat(Validator.validate(fine, dir)).isEmpty();
        Project variable = base().withVariables(List.of(new Variable("apiToken", "abc")));
        assertThat(warnings(variable)).singleElement().asString().contains("use ${env:APITOKEN}");
        Project header = withRequest(base(), cart(base()).withHeaders(List.of(new Header("Bad Header", "x"))));
        assertThat(errors(header))
                .containsExactly("$.flows[0].steps[1].headers[0].name: 'Bad Header' is not a valid" + " header name");
    }

    @Test
    void checksAndExtractorsAreChecked() {
        var request = cart(base())
                .withChecks(List.of(
                        new Check.Status(List.of()),
                        new Check.Status(List.of(200, 999)),
                        new Check.JsonValue("items", "1"),
                        new Check.MaxDuration(Duration.ZERO),
                        new Check.BodyContains("")))
                .withExtractors(List.of(new Extractor("1x", Extractor.Kind.COOKIE, " ", null)));
        assertThat(errors(withRequest(base(), request)))
                .containsExactly(
                        "$.flows[0].steps[1].extractors[0].variable: '1x' cannot be a variable name (a letter or _,"
                                + " then letters, digits, _, . or -; no leading __)",
                        "$.flows[0].steps[1].extractors[0].expression: name the header or cookie to extract",
                        "$.flows[0].steps[1].checks[0].codes: list at least one accepted status code",
                        "$.flows[0].steps[1].checks[1].codes[1]: 999 is not an HTTP status (100-599)",
                        "$.flows[0].steps[1].checks[2].path: JSONPath 'items' must start with $, e.g. $.items[0].id",
                        "$.flows[0].steps[1].checks[3].max: the longest duration must be above zero",
                        "$.flows[0].steps[1].checks[4].text: empty text: every body contains it");
    }

    @Test
    void groupsAreCheckedInside() {
        var group = new Step.Group("buy", "Buy", List.of(Step.Request.of("pay", "GET", "/pay${oops")), null);
        Project p = base();
        p = withMain(
                p,
                main(p).withStep(group)
                        .withEdges(List.of(
                                Edge.of(Flow.START, "home", 1),
                                Edge.of("home", "cart", 1),
                                Edge.of("cart", "buy", 1))));
        assertThat(errors(p))
                .containsExactly("$.flows[0].steps[2].steps[0].url: '${' at character 5 is never closed" + " by '}'");
    }
}
