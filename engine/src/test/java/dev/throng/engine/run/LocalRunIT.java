package dev.throng.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.throng.demo.DemoShop;
import dev.throng.engine.project.Body;
import dev.throng.engine.project.Check;
import dev.throng.engine.project.Condition;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.stats.RowStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local runs against the demo shop on loopback. Each run is a few seconds of load at most. */
@Timeout(60)
class LocalRunIT {
    private static DemoShop shop;

    @TempDir
    Path dir;

    @BeforeAll
    static void startShop() throws IOException {
        shop = DemoShop.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @BeforeEach
    void resetShop() {
        shop.counters().reset();
    }

    private RunOptions options() {
        return RunOptions.of(dir).withSeed(42).withEnvironment(Map.of());
    }

    static Flow weighted(String id, Map<Step, Double> steps) {
        var edges = new ArrayList<Edge>();
        steps.forEach((s, w) -> edges.add(Edge.of(Flow.START, s.id(), w)));
        return new Flow(id, id, List.copyOf(steps.keySet()), edges);
    }

    static Flow chain(String id, Step... steps) {
        var edges = new ArrayList<Edge>();
        String from = Flow.START;
        for (Step s : steps) {
            edges.add(Edge.of(from, s.id(), 1));
            from = s.id();
        }
        edges.add(Edge.of(from, Flow.END, 1));
        return new Flow(id, id, List.of(steps), edges);
    }

    private static Project project(LoadPlan plan, List<UserProfile> profiles, Flow... flows) {
        return Project.empty("it")
                .withSettings(
                        Settings.defaults().withBaseUrls(List.of(shop.baseUri().toString())))
                .withProfiles(profiles)
                .withFlows(List.of(flows))
                .withLoadPlan(plan);
    }

    private static LoadPlan.Closed closed(int users, double rate, long seconds) {
        return new LoadPlan.Closed(users, rate, List.of(), Duration.ofSeconds(seconds), Duration.ofSeconds(5));
    }

    private static long requests(RunResult r, Predicate<RowStats> which) {
        return r.finalStats().cumulative().stream()
                .filter(which)
                .mapToLong(RowStats::requests)
                .sum();
    }

    private static RunResult finish(RunHandle run) throws InterruptedException {
        RunResult result = run.await(Duration.ofSeconds(40));
        assertThat(result).as("the run finished").isNotNull();
        run.close();
        return result;
    }

    @Test
    void aClosedRunReportsExactlyWhatTheShopServedWithTheProfileAndStepMix() throws Exception {
        var home = Step.Request.of("home", "GET", "/");
        var product = Step.Request.of("product", "GET", "/product/${__randomInt(1,100)}")
                .withName("/product/{id}");
        var api = Step.Request.of("api", "GET", "/api/v1/products");
        var web = UserProfile.of("web", 3, "browse").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(20)));
        var mobile = UserProfile.of("mobile", 1, "app").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(20)));
        var project = project(
                closed(8, 100, 3),
                List.of(web, mobile),
                weighted("browse", Map.of(home, 1.0, product, 3.0)),
                chain("app", api));

        var result = finish(Runs.startLocal(project, options()));

        assertThat(result.reason()).isEqualTo(new StopReason.Completed());
        long total = result.finalStats().cumulativeTotal().requests();
        assertThat(total).isGreaterThan(100).isEqualTo(shop.counters().total());
        assertThat(result.finalStats().cumulativeTotal().failures()).isZero();
        long homes = requests(result, r -> r.name().equals("/"));
        long products = requests(result, r -> r.name().equals("/product/{id}"));
        long apis = requests(result, r -> r.name().equals("/api/v1/products"));
        assertThat(products).isEqualTo(shop.counters().count("GET /product/{id}"));
        assertThat((double) apis / total).isCloseTo(0.25, within(0.07));
        assertThat((double) products / (products + homes)).isCloseTo(0.75, within(0.07));
        assertThat(result.history()).isNotEmpty();
        assertThat(result.history().getLast().users()).isBetween(0, 8);
    }

    @Test
    void aShareOfUsersLogsInAndKeepsItsCookie() throws Exception {
        var accounts = new StringBuilder("username,password\n");
        for (int i = 1; i <= 200; i++) {
            accounts.append(String.format("user%04d,pass%04d%n", i, i));
        }
        Files.writeString(dir.resolve("accounts.csv"), accounts);
        var source = new DataSource(
                "accounts", "accounts.csv", ',', DataSource.Policy.UNIQUE, DataSource.Exhausted.FAIL_RUN);
        var login = Step.Request.of("login", "POST", "/login")
                .withBody(new Body.Form(
                        List.of(new Header("username", "${username}"), new Header("password", "${password}"))))
                .withChecks(List.of(new Check.Status(List.of(200))))
                .withExtractors(List.of(new Extractor("session", Extractor.Kind.COOKIE, "session", null)));
        var account = Step.Request.of("account", "GET", "/account");
        var cart = Step.Request.of("cart", "GET", "/cart").withChecks(List.of(new Check.Status(List.of(401))));
        var main = new Flow(
                "main",
                "main",
                List.of(account, cart),
                List.of(
                        new Edge(Flow.START, "account", 1, new Condition("session", Condition.Op.IS_SET, null)),
                        new Edge(Flow.START, "cart", 1, new Condition("session", Condition.Op.NOT_SET, null))));
        var profile = UserProfile.of("shopper", 1, "main")
                .withStart("login", 0.3)
                .withThinkTime(new ThinkTime.Constant(Duration.ofMillis(100)))
                .withData(List.of(new DataBinding("accounts", DataBinding.When.USER_START)));
        var project = project(closed(100, 200, 2), List.of(profile), main, chain("login", login))
                .withDataSources(List.of(source));

        var result = finish(Runs.startLocal(project, options()));

        assertThat(result.finalStats().cumulativeTotal().failures())
                .as("failures: %s", result.finalStats().failures())
                .isZero();
        long logins = shop.counters().count("POST /login");
        assertThat(logins).isBetween(18L, 42L);
        assertThat(shop.counters().count("GET /account")).isPositive();
        assertThat(requests(result, r -> r.name().equals("/account")))
                .isEqualTo(shop.counters().count("GET /account"));
    }

    @Test
    void anExtractedValueFeedsTheNextRequest() throws Exception {
        var list = Step.Request.of("list", "GET", "/products")
                .withExtractors(List.of(new Extractor("pid", Extractor.Kind.JSONPATH, "$[*].id", null)));
        var product = Step.Request.of("product", "GET", "/product/${pid}")
                .withName("/product/{id}")
                .withChecks(List.of(new Check.Status(List.of(200)), new Check.JsonValue("$.id", "${pid}")));
        var profile = UserProfile.of("p", 1, "main").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(50)));
        var project = project(closed(3, 100, 2), List.of(profile), chain("main", list, product));

        var result = finish(Runs.startLocal(project, options()));

        assertThat(result.finalStats().failures()).isEmpty();
        long lists = requests(result, r -> r.name().equals("/products"));
        long products = requests(result, r -> r.name().equals("/product/{id}"));
        assertThat(lists).isPositive();
        assertThat(products).isBetween(lists - 3, lists);
        assertThat(shop.counters().count("GET /product/{id}")).isEqualTo(products);
    }

    @Test
    void uniqueRowsAreNeverHandedTwice() throws Exception {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            seen.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger())
                    .incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            var rows = new StringBuilder("code\n");
            for (int i = 0; i < 300; i++) {
                rows.append("c").append(i).append('\n');
            }
            Files.writeString(dir.resolve("codes.csv"), rows);
            var source =
                    new DataSource("codes", "codes.csv", ',', DataSource.Policy.UNIQUE, DataSource.Exhausted.STOP_USER);
            var profile = UserProfile.of("p", 1, "main")
                    .withData(List.of(new DataBinding("codes", DataBinding.When.EACH_ITERATION)));
            var project = project(
                            closed(12, 100, 4),
                            List.of(profile),
                            chain("main", Step.Request.of("use", "GET", "/code/${code}")))
                    .withDataSources(List.of(source));
            var overrides = Overrides.NONE.withHost(
                    "http://127.0.0.1:" + server.getAddress().getPort());

            var result = finish(Runs.startLocal(project, options(), overrides));

            assertThat(seen).hasSize(300);
            assertThat(seen.values()).allMatch(n -> n.get() == 1);
            assertThat(result.finalStats().cumulativeTotal().requests()).isEqualTo(300);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theOpenModelCountsDroppedArrivals() throws Exception {
        var slow = Step.Request.of("slow", "GET", "/delay/400").withName("/delay/{ms}");
        var plan = new LoadPlan.Open(40, List.of(), 2, Duration.ofSeconds(2), Duration.ofSeconds(5));
        var project = project(plan, List.of(UserProfile.of("p", 1, "main")), chain("main", slow));

        var run = Runs.startLocal(project, options());
        var result = finish(run);

        long served = result.finalStats().cumulativeTotal().requests();
        long dropped = run.snapshot().dropped();
        assertThat(served).isEqualTo(shop.counters().count("GET /delay/{ms}"));
        assertThat(served + dropped).isEqualTo(80);
        assertThat(dropped).isGreaterThan(60);
        assertThat(result.history().stream().mapToLong(HistoryPoint::dropped).sum())
                .isLessThanOrEqualTo(dropped);
        // latency counts from the intended start, so it is never below the route's delay
        assertThat(result.finalStats().cumulativeTotal().latency().p50Ms()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void theNumberOfUsersChangesLive() throws Exception {
        var profile = UserProfile.of("p", 1, "main").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(50)));
        var project = project(closed(2, 100, 30), List.of(profile), chain("main", Step.Request.of("home", "GET", "/")));
        var run = Runs.startLocal(project, options());
        try {
            awaitUsers(run, 2);
            run.setTargetUsers(6);
            awaitUsers(run, 6);
            run.setTargetUsers(1);
            awaitUsers(run, 1);
            run.stop(true);
            var result = finish(run);
            assertThat(result.reason()).isEqualTo(new StopReason.StoppedByUser());
            assertThat(result.finalStats().cumulativeTotal().requests())
                    .isEqualTo(shop.counters().total());
        } finally {
            run.close();
        }
    }

    private static void awaitUsers(RunHandle run, int users) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var s = run.snapshot();
            if (s.users() == users && s.targetUsers() == users) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(run.snapshot().users()).as("users").isEqualTo(users);
    }

    @Test
    void aGracefulStopRunsTheStopFlow() throws Exception {
        var profile = UserProfile.of("p", 1, "main")
                .withThinkTime(new ThinkTime.Constant(Duration.ofMillis(200)))
                .withStopFlow("bye");
        var project = project(
                closed(5, 100, 30),
                List.of(profile),
                chain("main", Step.Request.of("home", "GET", "/")),
                chain("bye", Step.Request.of("logout", "GET", "/logout")));
        var run = Runs.startLocal(project, options());
        awaitUsers(run, 5);
        run.stop(true);
        var result = finish(run);
        assertThat(result.reason()).isEqualTo(new StopReason.StoppedByUser());
        assertThat(shop.counters().count("GET /logout")).isEqualTo(5);
        assertThat(run.snapshot().phase()).isEqualTo(RunPhase.FINISHED);
    }

    @Test
    void anImmediateStopCutsRequestsShort() throws Exception {
        var project = project(
                closed(3, 100, 30),
                List.of(UserProfile.of("p", 1, "main")),
                chain("main", Step.Request.of("wait", "GET", "/delay/6000")));
        var run = Runs.startLocal(project, options());
        awaitUsers(run, 3);
        run.stop(false);
        var result = finish(run);
        assertThat(result.reason()).isEqualTo(new StopReason.StoppedByUser());
        assertThat(result.finalStats().cumulativeTotal().requests()).isZero();
        assertThat(result.finalStats().failures()).isEmpty();
        assertThat(run.snapshot().users()).isZero();
        // the shop counts a request when it answers: let the 3 abandoned ones end here, not in another test's count
        for (int i = 0; i < 200 && shop.counters().count("GET /delay/{ms}") < 3; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void theDebugRunShowsEachExchange() throws Exception {
        var login = Step.Request.of("login", "POST", "/login")
                .withBody(
                        new Body.Form(List.of(new Header("username", "user0007"), new Header("password", "pass0007"))))
                .withExtractors(List.of(new Extractor("who", Extractor.Kind.JSONPATH, "$.user", null)));
        var account = Step.Request.of("account", "GET", "/account");
        var profile = UserProfile.of("p", 1, "main").withStart("login", 0);
        var project = project(closed(1, 1, 1), List.of(profile), chain("main", account), chain("login", login));

        var exchanges = Runs.debugRun(project, "p", 2, options());

        assertThat(exchanges)
                .extracting(e -> e.method() + " " + e.status())
                .containsExactly("POST 200", "GET 200", "GET 200");
        assertThat(exchanges.getFirst().extracted()).containsEntry("who", "user0007");
        assertThat(exchanges.getFirst().requestBody()).isEqualTo("username=user0007&password=pass0007");
        assertThat(exchanges.get(1).responseBody()).contains("user0007");
        assertThat(exchanges.get(1).url()).isEqualTo(shop.baseUri() + "/account");
        assertThat(shop.counters().total()).isEqualTo(3);
    }

    @Test
    void newProfileWeightsMoveUsersBetweenProfiles() throws Exception {
        var a = UserProfile.of("a", 1, "fa").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(20)));
        var b = UserProfile.of("b", 1, "fb").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(20)));
        var project = project(
                closed(8, 100, 30),
                List.of(a, b),
                chain("fa", Step.Request.of("ra", "GET", "/product/1")),
                chain("fb", Step.Request.of("rb", "GET", "/product/2")));
        var run = Runs.startLocal(project, options());
        try {
            awaitUsers(run, 8);
            run.setProfileWeights(Map.of("a", 3.0, "b", 1.0));
            Thread.sleep(1500);
            run.resetStatistics();
            Thread.sleep(1500);
            run.stop(true);
            var result = finish(run);
            long ra = requests(result, r -> r.name().equals("/product/1"));
            long rb = requests(result, r -> r.name().equals("/product/2"));
            assertThat(ra + rb).isPositive();
            assertThat((double) ra / (ra + rb)).isCloseTo(0.75, within(0.08));
        } finally {
            run.close();
        }
    }

    @Test
    void aBrokenAbortThresholdStopsTheRun() throws Exception {
        var project = project(
                        closed(2, 100, 30),
                        List.of(UserProfile.of("p", 1, "main")
                                .withThinkTime(new ThinkTime.Constant(Duration.ofMillis(50)))),
                        chain("main", Step.Request.of("missing", "GET", "/no/such/page")))
                .withThresholds(List.of(dev.throng.engine.project.Threshold.parse("error_rate<1%")
                        .withAbortOnFail(true)));
        var result = finish(Runs.startLocal(project, options()));
        assertThat(result.reason()).isEqualTo(new StopReason.ThresholdBroken("error_rate<1%"));
        assertThat(result.passed()).isFalse();
        assertThat(result.finalStats().failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("http-status");
            assertThat(f.message()).isEqualTo("HTTP 404 Not Found");
        });
    }

    @Test
    void anExhaustedUniqueSourceFailsTheRunWhenAsked() throws Exception {
        Files.writeString(dir.resolve("few.csv"), "id\n1\n2\n3\n4\n5\n");
        var source = new DataSource("few", "few.csv", ',', DataSource.Policy.UNIQUE, DataSource.Exhausted.FAIL_RUN);
        var profile = UserProfile.of("p", 1, "main")
                .withData(List.of(new DataBinding("few", DataBinding.When.EACH_ITERATION)));
        var project = project(
                        closed(3, 100, 30),
                        List.of(profile),
                        chain("main", Step.Request.of("get", "GET", "/product/${id}")))
                .withDataSources(List.of(source));
        var result = finish(Runs.startLocal(project, options()));
        assertThat(result.reason())
                .isInstanceOfSatisfying(
                        StopReason.Failed.class,
                        f -> assertThat(f.message()).contains("'few'").contains("no rows left"));
        assertThat(result.finalStats().cumulativeTotal().requests()).isEqualTo(5);
    }

    @Test
    void aProblemOfTheAgentsPartIsTheStartsProblemAndNothingRuns() {
        var secret =
                Step.Request.of("home", "GET", "/").withHeaders(List.of(new Header("X-Key", "${env:NO_SUCH_KEY}")));
        var project = project(closed(2, 100, 5), List.of(UserProfile.of("p", 1, "main")), chain("main", secret));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Runs.startLocal(project, options()))
                .isInstanceOf(RunStartException.class)
                .hasMessageContaining("${env:NO_SUCH_KEY}")
                .hasMessageContaining("is not set")
                .hasMessageNotContaining("cannot run");
        assertThat(shop.counters().total()).isZero();
    }

    @Test
    void oneStepIsSentAlone() throws Exception {
        var product = Step.Request.of("product", "GET", "/product/${id}")
                .withChecks(List.of(new Check.JsonValue("$.id", "${id}")));
        var project = project(
                closed(1, 1, 1),
                List.of(UserProfile.of("p", 1, "main")),
                chain("main", Step.Request.of("home", "GET", "/"), product));

        var exchanges = Runs.sendOnce(project, "main", "product", Map.of("id", "5"), options(), null);

        assertThat(exchanges).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.failed()).isFalse();
            assertThat(e.checks())
                    .singleElement()
                    .satisfies(c -> assertThat(c.passed()).isTrue());
        });
        assertThat(shop.counters().total()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Runs.sendOnce(project, "main", "nope", Map.of(), options(), null))
                .isInstanceOf(RunStartException.class)
                .hasMessageContaining("no step 'nope'");
    }
}
