package dev.throng.engine.user;

import static dev.throng.engine.user.FakeTransport.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.Check;
import dev.throng.engine.project.Condition;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Variable;
import dev.throng.engine.time.Clock;
import dev.throng.engine.time.FakeClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualUserTest {
    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final List<String> runFailures = new ArrayList<>();

    private static Flow chain(String id, Step... steps) {
        var edges = new ArrayList<Edge>();
        String from = Flow.START;
        for (Step s : steps) {
            edges.add(Edge.of(from, s.id(), 1));
            from = s.id();
        }
        edges.add(Edge.of(from, Flow.END, 1));
        return new Flow(id, id, List.of(steps), edges);
    }

    private static Project project(UserProfile profile, Flow... flows) {
        return Project.empty("t")
                .withSettings(dev.throng.engine.project.Settings.defaults()
                        .withBaseUrls(List.of("http://shop.test:8080/"))
                        .withHeaders(List.of(new Header("User-Agent", "throng"), new Header("Accept", "*/*"))))
                .withFlows(List.of(flows))
                .withProfiles(List.of(profile));
    }

    private UserEnvironment env(Project project, Clock clock, String host, Map<String, RowSource> rows) {
        return UserEnvironment.prepare(
                project,
                new UserEnvironment.Config(dir, Map.of("TOKEN", "t0k"), host, clock, sink, rows, 0, runFailures::add));
    }

    private VirtualUser user(UserEnvironment env, long index, FakeTransport transport, UserControl control) {
        return new VirtualUser(
                env, env.project().profiles().getFirst(), index, new SplittableRandom(index), transport, control);
    }

    @Test
    void rendersUrlsQueryHeadersAndBodies() throws Exception {
        Files.writeString(dir.resolve("payload.bin"), "RAW", StandardCharsets.UTF_8);
        var get = new Step.Request(
                "get",
                null,
                "get",
                "/product/${id}",
                List.of(new Header("q", "a b&c")),
                List.of(new Header("accept", "application/json"), new Header("Authorization", "Bearer ${env:TOKEN}")),
                Body.NONE,
                List.of(),
                List.of(),
                null);
        var form = Step.Request.of("form", "POST", "login")
                .withBody(new Body.Form(List.of(new Header("username", "u ${id}"), new Header("password", "p&1"))));
        var json = Step.Request.of("json", "POST", "https://other.test/api?x=1")
                .withQuery(List.of(new Header("y", "2")))
                .withBody(new Body.Json("{\"id\": ${id}}"));
        var file = Step.Request.of("file", "PUT", "/upload").withBody(new Body.File("payload.bin", "application/x"));
        var profile = UserProfile.of("p", 1, "main");
        var project = project(profile, chain("main", get, form, json, file))
                .withVariables(List.of(new Variable("id", "${__userIndex}")));
        var transport = new FakeTransport(o -> reply(200, "ok"));
        var exchanges = user(env(project, new JumpingClock(), null, Map.of()), 7, transport, new UserControl())
                .debug(1);

        assertThat(transport.paths())
                .containsExactly("GET /product/7?q=a+b%26c", "POST /login", "POST /api?x=1&y=2", "PUT /upload");
        var first = transport.sent.getFirst();
        assertThat(first.uri().getHost()).isEqualTo("shop.test");
        assertThat(first.headers())
                .containsExactly(
                        new Header("accept", "application/json"),
                        new Header("Authorization", "Bearer t0k"),
                        new Header("User-Agent", "throng"));
        assertThat(new String(transport.sent.get(1).body(), StandardCharsets.UTF_8))
                .isEqualTo("username=u+7&password=p%261");
        assertThat(transport.sent.get(1).headers())
                .contains(new Header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(transport.sent.get(2).uri().getHost()).isEqualTo("other.test");
        assertThat(new String(transport.sent.get(2).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\": 7}");
        assertThat(new String(transport.sent.get(3).body(), StandardCharsets.UTF_8))
                .isEqualTo("RAW");
        assertThat(exchanges).hasSize(4);
        assertThat(exchanges.getFirst().url()).isEqualTo("http://shop.test:8080/product/7?q=a+b%26c");
        assertThat(sink.requests)
                .extracting(RecordingSink.Request::name)
                .containsExactly("/product/${id}", "login", "https://other.test/api?x=1", "/upload");
        assertThat(sink.requests)
                .extracting(RecordingSink.Request::method)
                .containsExactly("GET", "POST", "POST", "PUT");
        assertThat(transport.closed).isTrue();
    }

    @Test
    void theHostOverrideReplacesTheBaseUrl() throws Exception {
        var project = project(UserProfile.of("p", 1, "main"), chain("main", Step.Request.of("a", "GET", "/a")));
        var transport = new FakeTransport(o -> reply(200, ""));
        user(env(project, new JumpingClock(), "http://127.0.0.1:9", Map.of()), 0, transport, new UserControl())
                .debug(1);
        assertThat(transport.sent.getFirst().uri().toString()).isEqualTo("http://127.0.0.1:9/a");
    }

    @Test
    void anUnsetSecretStopsTheRunFromStarting() {
        var project = project(
                UserProfile.of("p", 1, "main"), chain("main", Step.Request.of("a", "GET", "/a?k=${env:MISSING_KEY}")));
        assertThatThrownBy(() -> env(project, new JumpingClock(), null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${env:MISSING_KEY}")
                .hasMessageContaining("export MISSING_KEY=");
    }

    @Test
    void checksFailRequestsWithTheirMessage() throws Exception {
        var plain404 = Step.Request.of("a", "GET", "/missing");
        var allowed404 = Step.Request.of("b", "GET", "/gone").withChecks(List.of(new Check.Status(List.of(404))));
        var contains = Step.Request.of("c", "GET", "/c").withChecks(List.of(new Check.BodyContains("welcome")));
        var matches = Step.Request.of("d", "GET", "/d").withChecks(List.of(new Check.BodyMatches("id=\\d+")));
        var jsonOk =
                Step.Request.of("e", "GET", "/e").withChecks(List.of(new Check.JsonValue("$.user.name", "${who}")));
        var jsonBad = Step.Request.of("f", "GET", "/f").withChecks(List.of(new Check.JsonValue("$.user.name", "bob")));
        var slow =
                Step.Request.of("g", "GET", "/slow").withChecks(List.of(new Check.MaxDuration(Duration.ofMillis(100))));
        var transportFail = Step.Request.of("h", "GET", "/down");
        var project = project(
                        UserProfile.of("p", 1, "main"),
                        chain("main", plain404, allowed404, contains, matches, jsonOk, jsonBad, slow, transportFail))
                .withVariables(List.of(new Variable("who", "alice")));
        var clock = new JumpingClock();
        Function<Transport.Outgoing, Transport.Reply> answers =
                o -> switch (o.uri().getPath()) {
                    case "/missing", "/gone" -> reply(404, "nope");
                    case "/c" -> reply(200, "hello");
                    case "/d" -> reply(200, "<p>id=42</p>");
                    case "/e", "/f" -> reply(200, "{\"user\": {\"name\": \"alice\"}}");
                    case "/slow" -> {
                        clock.advanceMillis(250);
                        yield reply(200, "");
                    }
                    default -> Transport.Reply.failure("connection-refused", "connection refused by shop.test:8080");
                };
        var exchanges = user(env(project, clock, null, Map.of()), 0, new FakeTransport(answers), new UserControl())
                .debug(1);

        assertThat(exchanges)
                .extracting(Exchange::failureKind)
                .containsExactly("http-status", null, "check", null, null, "check", "check", "connection-refused");
        assertThat(exchanges.getFirst().failureMessage()).isEqualTo("HTTP 404 Not Found");
        assertThat(exchanges.get(2).failureMessage()).isEqualTo("the body does not contain 'welcome'");
        assertThat(exchanges.get(5).failureMessage()).isEqualTo("$.user.name is 'alice', expected 'bob'");
        assertThat(exchanges.get(6).failureMessage()).isEqualTo("took 250 ms, more than 100 ms");
        assertThat(exchanges.get(6).latencyMicros()).isEqualTo(250_000);
        assertThat(exchanges.get(4).checks())
                .singleElement()
                .satisfies(c -> assertThat(c.passed()).isTrue());
        assertThat(sink.failures)
                .extracting(RecordingSink.Failure::kind)
                .containsExactly("http-status", "check", "check", "check", "connection-refused");
        assertThat(sink.failures.getFirst().example()).startsWith("GET http://shop.test:8080/missing -> 404 nope");
        assertThat(sink.requests).filteredOn(RecordingSink.Request::failed).hasSize(5);
    }

    @Test
    void extractorsFeedLaterRequests() throws Exception {
        var list = Step.Request.of("list", "GET", "/products")
                .withExtractors(List.of(
                        new Extractor("first", Extractor.Kind.JSONPATH, "$.items[0].id", null),
                        new Extractor("any", Extractor.Kind.JSONPATH, "$.items[*].id", null),
                        new Extractor("token", Extractor.Kind.REGEX, "token=(\\w+)", null),
                        new Extractor("whole", Extractor.Kind.REGEX, "\\d{3}", null),
                        new Extractor("trace", Extractor.Kind.HEADER, "x-trace", null),
                        new Extractor("session", Extractor.Kind.COOKIE, "session", null),
                        new Extractor("fallback", Extractor.Kind.JSONPATH, "$.nothing", "none")));
        var use = Step.Request.of(
                "use", "GET", "/product/${first}/${any}/${token}/${whole}/${trace}/${session}/${fallback}");
        var missing = Step.Request.of("missing", "GET", "/again")
                .withExtractors(List.of(new Extractor("x", Extractor.Kind.JSONPATH, "$.nope", null)));
        var project = project(UserProfile.of("p", 1, "main"), chain("main", list, use, missing));
        var transport = new FakeTransport(o -> o.uri().getPath().equals("/products")
                ? reply(
                        200,
                        "{\"items\": [{\"id\": 11}, {\"id\": 12}, {\"id\": 13}], \"t\": \"token=abc 777\"}",
                        new Header("X-Trace", "tr-1"),
                        new Header("Set-Cookie", "session=s-99; Path=/"))
                : reply(200, "{}"));
        var exchanges = user(env(project, new JumpingClock(), null, Map.of()), 0, transport, new UserControl())
                .debug(1);
        String path = transport.sent.get(1).uri().getPath();
        assertThat(path).matches("/product/11/1[123]/abc/777/tr-1/s-99/none");
        assertThat(exchanges.getFirst().extracted())
                .containsEntry("first", "11")
                .containsEntry("session", "s-99");
        assertThat(exchanges.get(2).failureKind()).isEqualTo("extractor");
        assertThat(exchanges.get(2).failureMessage()).contains("'x'").contains("$.nope");
    }

    @Test
    void aRequestWithAnUnsetVariableFailsWithoutBeingSent() throws Exception {
        var project = project(UserProfile.of("p", 1, "main"), chain("main", Step.Request.of("a", "GET", "/a/${nope}")));
        var transport = new FakeTransport(o -> reply(200, ""));
        var exchanges = user(env(project, new JumpingClock(), null, Map.of()), 0, transport, new UserControl())
                .debug(1);
        assertThat(transport.sent).isEmpty();
        assertThat(exchanges.getFirst().failureKind()).isEqualTo("template");
        assertThat(exchanges.getFirst().failureMessage()).contains("'nope'");
    }

    @Test
    void edgesFollowConditionsAndGroupsAreTimedAsOneRow() throws Exception {
        var login = Step.Request.of("login", "POST", "/login")
                .withExtractors(List.of(new Extractor("session", Extractor.Kind.COOKIE, "session", "")));
        var account = Step.Request.of("account", "GET", "/account");
        var browse = new Step.Group(
                "browse",
                "Browse",
                List.of(Step.Request.of("home", "GET", "/"), Step.Request.of("p", "GET", "/product/1")),
                null);
        var loggedIn = new Condition("session", Condition.Op.IS_SET, null);
        var flow = new Flow(
                "main",
                "main",
                List.of(login, account, browse),
                List.of(
                        Edge.of(Flow.START, "login", 1),
                        new Edge("login", "account", 1, loggedIn),
                        new Edge("login", "browse", 1, new Condition("session", Condition.Op.NOT_SET, null)),
                        Edge.of("account", Flow.START, 1)));
        var project = project(UserProfile.of("p", 1, "main"), flow);
        var clock = new JumpingClock();
        var withCookie = new FakeTransport(o -> {
            clock.advanceMillis(10);
            return reply(o.uri().getPath().equals("/product/1") ? 500 : 200, "");
        });
        withCookie.cookies.put("session", "abc");
        user(env(project, clock, null, Map.of()), 0, withCookie, new UserControl())
                .debug(1);
        assertThat(withCookie.paths()).containsExactly("POST /login", "GET /account");

        var noCookie = new FakeTransport(
                withCookie.sent.isEmpty()
                        ? null
                        : o -> {
                            clock.advanceMillis(10);
                            return reply(o.uri().getPath().equals("/product/1") ? 500 : 200, "");
                        });
        user(env(project, clock, null, Map.of()), 0, noCookie, new UserControl())
                .debug(1);
        assertThat(noCookie.paths()).containsExactly("POST /login", "GET /", "GET /product/1");
        assertThat(sink.groups).singleElement().isEqualTo(new RecordingSink.Group("Browse", 20_000, true));
    }

    @Test
    void startFlowRunsWithItsProbability() throws Exception {
        var main = chain("main", Step.Request.of("home", "GET", "/"));
        var login = chain("login", Step.Request.of("login", "POST", "/login"));
        var profile = UserProfile.of("p", 1, "main").withStart("login", 0.3);
        var env = env(project(profile, main, login), new JumpingClock(), null, Map.of());
        var logins = new AtomicInteger();
        for (int i = 0; i < 2000; i++) {
            var t = new FakeTransport(o -> {
                if (o.uri().getPath().equals("/login")) {
                    logins.incrementAndGet();
                }
                return reply(200, "");
            });
            new VirtualUser(env, profile, i, new SplittableRandom(i * 31L + 5), t, new UserControl()).runOnce(0);
        }
        assertThat(logins.get() / 2000.0).isBetween(0.26, 0.34);
    }

    @Test
    void pacingStartsIterationsOnTheIntervalAndReportsIt() throws Exception {
        var clock = new JumpingClock();
        var control = new UserControl();
        var starts = new ArrayList<Long>();
        var profile = UserProfile.of("p", 1, "main")
                .withThinkTime(new ThinkTime.Pacing(Duration.ofSeconds(1)))
                .withStopFlow("bye");
        var project = project(
                profile,
                chain("main", Step.Request.of("a", "GET", "/a")),
                chain("bye", Step.Request.of("b", "GET", "/bye")));
        var transport = new FakeTransport(o -> {
            starts.add(clock.nanoTime() / 1_000_000);
            clock.advanceMillis(300);
            if (starts.size() == 4) {
                control.requestStop();
            }
            return reply(200, "");
        });
        user(env(project, clock, null, Map.of()), 0, transport, control).runClosed();
        assertThat(starts).containsExactly(0L, 1000L, 2000L, 3000L, 3300L);
        assertThat(transport.paths()).last().isEqualTo("GET /bye");
        assertThat(sink.requests.getFirst().expectedIntervalMicros()).isEqualTo(1_000_000);
        assertThat(sink.requests.getLast().expectedIntervalMicros()).isZero();
    }

    @Test
    void usersThatThinkLongHoldNoThreadWhileTheyThinkAndGoOnAtTheDeadline() throws Exception {
        var clock = new FakeClock();
        var control = new UserControl();
        var senders = new LinkedBlockingQueue<Thread>();
        var profile = UserProfile.of("p", 1, "main")
                .withThinkTime(new ThinkTime.Constant(Duration.ofSeconds(2)))
                .withStopFlow("bye");
        var project = project(
                profile,
                chain("main", Step.Request.of("a", "GET", "/a")),
                chain("bye", Step.Request.of("b", "GET", "/bye")));
        var transport = new FakeTransport(o -> {
            senders.add(Thread.currentThread());
            return reply(200, "");
        });
        var env = env(project, clock, null, Map.of());
        var ended = new CompletableFuture<RuntimeException>();
        user(env, 0, transport, control).startClosed(e -> ended.complete(e));

        Thread first = senders.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        first.join(10_000);
        assertThat(first.isAlive())
                .as("the first iteration's thread ends while the user thinks")
                .isFalse();
        assertThat(env.wakeups.size()).isOne();

        clock.advance(2, TimeUnit.SECONDS);
        Thread second = senders.poll(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull().isNotSameAs(first);
        second.join(10_000);

        control.requestStop(); // while it thinks, with no thread: it goes on at once to its stop flow
        assertThat(ended.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(transport.paths()).containsExactly("GET /a", "GET /a", "GET /bye");
        assertThat(transport.closed).isTrue();
        assertThat(env.wakeups.size()).isZero();
    }

    @Test
    void aUserKilledWhileItThinksWithoutAThreadEndsWithoutItsStopFlow() throws Exception {
        var control = new UserControl();
        var sent = new CountDownLatch(1);
        var profile = UserProfile.of("p", 1, "main")
                .withThinkTime(new ThinkTime.Constant(Duration.ofHours(1)))
                .withStopFlow("bye");
        var project = project(
                profile,
                chain("main", Step.Request.of("a", "GET", "/a")),
                chain("bye", Step.Request.of("b", "GET", "/bye")));
        var transport = new FakeTransport(o -> {
            sent.countDown();
            return reply(200, "");
        });
        var env = env(project, new FakeClock(), null, Map.of());
        var ended = new CompletableFuture<RuntimeException>();
        user(env, 0, transport, control).startClosed(e -> ended.complete(e));
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        while (env.wakeups.size() == 0 && !ended.isDone()) {
            Thread.onSpinWait(); // the user suspends right after its request
        }
        control.kill();
        assertThat(ended.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(transport.paths()).containsExactly("GET /a");
        assertThat(transport.closed).isTrue();
    }

    @Test
    void usersThatThinkBrieflyKeepTheirThread() throws Exception {
        var clock = new JumpingClock();
        var control = new UserControl();
        var senders = new java.util.concurrent.CopyOnWriteArrayList<Thread>();
        var profile = UserProfile.of("p", 1, "main").withThinkTime(new ThinkTime.Constant(Duration.ofMillis(500)));
        var project = project(profile, chain("main", Step.Request.of("a", "GET", "/a")));
        var transport = new FakeTransport(o -> {
            senders.add(Thread.currentThread());
            if (senders.size() == 3) {
                control.requestStop();
            }
            return reply(200, "");
        });
        var ended = new CompletableFuture<RuntimeException>();
        user(env(project, clock, null, Map.of()), 0, transport, control).startClosed(e -> ended.complete(e));
        assertThat(ended.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(senders).hasSize(3).allSatisfy(t -> assertThat(t).isSameAs(senders.getFirst()));
    }

    @Test
    void anInternalErrorEndsTheUserAndIsHandedToTheCaller() throws Exception {
        var profile = UserProfile.of("p", 1, "main").withThinkTime(new ThinkTime.Constant(Duration.ofSeconds(5)));
        var project = project(profile, chain("main", Step.Request.of("a", "GET", "/a")));
        var transport = new FakeTransport(o -> {
            throw new IllegalStateException("broken transport");
        });
        var ended = new CompletableFuture<RuntimeException>();
        user(env(project, new FakeClock(), null, Map.of()), 0, transport, new UserControl())
                .startClosed(e -> ended.complete(e));
        assertThat(ended.get(10, TimeUnit.SECONDS)).hasMessage("broken transport");
        assertThat(transport.closed).isTrue();
    }

    @Test
    void theOpenModelMeasuresFromTheIntendedStart() throws Exception {
        var clock = new JumpingClock();
        clock.advanceMillis(500);
        var project = project(
                UserProfile.of("p", 1, "main"),
                chain("main", Step.Request.of("a", "GET", "/a"), Step.Request.of("b", "GET", "/b")));
        var transport = new FakeTransport(o -> {
            clock.advanceMillis(10);
            return reply(200, "");
        });
        user(env(project, clock, null, Map.of()), 0, transport, new UserControl())
                .runOnce(200_000_000L);
        assertThat(sink.requests)
                .extracting(RecordingSink.Request::latencyMicros)
                .containsExactly(310_000L, 10_000L);
    }

    @Test
    void dataRowsBecomeVariablesAndExhaustionStopsTheUser() throws Exception {
        var ds = new DataSource("acc", "acc.csv", ',', DataSource.Policy.UNIQUE, DataSource.Exhausted.FAIL_RUN);
        var rows = RowSource.of(ds, DataTable.parse("username,password\nuser1,pass1\n", ','));
        var profile =
                UserProfile.of("p", 1, "main").withData(List.of(new DataBinding("acc", DataBinding.When.USER_START)));
        var project = project(profile, chain("main", Step.Request.of("a", "GET", "/u/${username}")))
                .withDataSources(List.of(ds));
        var env = env(project, new JumpingClock(), null, Map.of("acc", rows));
        var first = new FakeTransport(o -> reply(200, ""));
        user(env, 0, first, new UserControl()).runOnce(0);
        assertThat(first.paths()).containsExactly("GET /u/user1");
        var second = new FakeTransport(o -> reply(200, ""));
        var u2 = user(env, 1, second, new UserControl());
        u2.runOnce(0);
        assertThat(second.sent).isEmpty();
        assertThat(u2.stoppedByData()).isTrue();
        assertThat(runFailures).singleElement().asString().contains("no rows left");
    }

    @Test
    void aKilledUserStopsAtOnce() {
        var control = new UserControl();
        var project = project(UserProfile.of("p", 1, "main"), chain("main", Step.Request.of("a", "GET", "/a")));
        var transport = new FakeTransport(o -> {
            control.kill();
            return reply(200, "");
        });
        assertThatThrownBy(() -> user(env(project, new JumpingClock(), null, Map.of()), 0, transport, control)
                        .runClosed())
                .isInstanceOf(InterruptedException.class);
        assertThat(sink.requests).isEmpty();
        assertThat(transport.closed).isTrue();
        Thread.interrupted();
    }
}
