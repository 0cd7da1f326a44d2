package dev.throng.engine.project.io;

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
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Variable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded random projects for property tests: every kind of step, body, check, think time and plan, optional values
 * present or absent, odd strings (quotes, backslashes, control characters, non-ASCII). Values are representable in the
 * file (finite numbers, durations within range) but not necessarily meaningful.
 */
final class ProjectGenerator {

    private final Random random;

    ProjectGenerator(long seed) {
        this.random = new Random(seed);
    }

    Project project() {
        var flows = list(1, 3, this::flow);
        var flowIds = flows.stream().map(Flow::id).toList();
        var sources = list(0, 2, this::dataSource);
        var sourceIds = sources.stream().map(DataSource::id).toList();
        return new Project(
                text(),
                random.nextBoolean() ? "" : text(),
                settings(),
                list(0, 3, () -> new Variable(name(), text())),
                sources,
                list(1, 3, () -> profile(flowIds, sourceIds)),
                flows,
                plan(),
                list(0, 3, this::threshold));
    }

    private <T> List<T> list(int min, int max, Supplier<T> element) {
        int n = min + random.nextInt(max - min + 1);
        var result = new ArrayList<T>();
        for (int i = 0; i < n; i++) {
            result.add(element.get());
        }
        return result;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <E extends Enum<E>> E pick(E[] values) {
        return values[random.nextInt(values.length)];
    }

    private String name() {
        return pick(List.of("id", "user", "token", "session", "productId", "x", "a.b", "my-var", "_n"))
                + random.nextInt(100);
    }

    private String text() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "quote \" backslash \\ tab \t newline \n";
            case 2 -> "ünïcödé ✓ 日本 😀";
            case 3 -> "${" + name() + "} and $${literal}";
            case 4 -> "control \u0001\u001f\u007f";
            case 5 -> "/product/${__randomInt(1,100)}";
            default -> "text " + random.nextInt(1000);
        };
    }

    private Duration duration() {
        return switch (random.nextInt(6)) {
            case 0 -> Duration.ZERO;
            case 1 -> Duration.ofMillis(random.nextInt(100_000));
            case 2 -> Duration.ofSeconds(random.nextInt(10_000));
            case 3 -> Duration.ofNanos(random.nextLong(1, 10_000_000_000L));
            case 4 -> Duration.ofMinutes(random.nextInt(600)).plusSeconds(random.nextInt(60));
            default -> Duration.ofHours(random.nextInt(48));
        };
    }

    private double number() {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(100);
            case 2 -> random.nextDouble();
            case 3 -> random.nextDouble() * 1e6;
            default -> 1e-7 * random.nextInt(1000);
        };
    }

    private Integer maybeInt() {
        return random.nextBoolean() ? null : random.nextInt(1000);
    }

    private String maybe(Supplier<String> value) {
        return random.nextBoolean() ? null : value.get();
    }

    private Settings settings() {
        return new Settings(
                list(0, 2, () -> pick(List.of("http://127.0.0.1:8080", "https://example.test", "${env:HOST}"))),
                list(0, 3, this::header),
                new Settings.Timeouts(duration(), duration(), random.nextBoolean() ? null : duration()),
                new Settings.Tls(
                        random.nextBoolean(),
                        maybe(() -> "certs/trust.p12"),
                        maybe(this::text),
                        maybe(() -> "certs/client.p12"),
                        maybe(this::text),
                        random.nextBoolean()),
                new Settings.Redirects(random.nextBoolean(), random.nextInt(20)),
                new Settings.Connections(pick(Settings.Connections.Policy.values()), random.nextInt(100)),
                list(0, 2, () -> pick(List.of("10.0.0.1", "::1", "192.168.1.20"))),
                random.nextLong(1, Long.MAX_VALUE));
    }

    private Header header() {
        return new Header(pick(List.of("Accept", "Authorization", "X-Trace", "")), text());
    }

    private DataSource dataSource() {
        return new DataSource(
                "ds" + random.nextInt(100),
                pick(List.of("data/accounts.csv", "x.csv", "dir with space/ü.csv")),
                pick(List.of(',', ';', '\t', '|')),
                pick(DataSource.Policy.values()),
                pick(DataSource.Exhausted.values()));
    }

    private UserProfile profile(List<String> flows, List<String> sources) {
        String start = random.nextBoolean() ? null : pick(flows);
        double probability = start == null && random.nextBoolean() ? 0 : random.nextDouble();
        return new UserProfile(
                text(),
                number(),
                maybeInt(),
                thinkTime(),
                start,
                probability,
                pick(flows),
                random.nextBoolean() ? null : pick(flows),
                sources.isEmpty()
                        ? List.of()
                        : list(0, 2, () -> new DataBinding(pick(sources), pick(DataBinding.When.values()))));
    }

    private ThinkTime thinkTime() {
        return switch (random.nextInt(4)) {
            case 0 -> new ThinkTime.Constant(duration());
            case 1 -> new ThinkTime.Between(duration(), duration());
            case 2 -> new ThinkTime.Pacing(duration());
            default -> new ThinkTime.Throughput(number());
        };
    }

    private int stepCounter;

    private Flow flow() {
        var steps = list(0, 5, () -> step(0));
        var ids = new ArrayList<String>(steps.stream().map(Step::id).toList());
        ids.add(Flow.START);
        ids.add(Flow.END);
        var edges =
                list(0, 6, () -> new Edge(pick(ids), pick(ids), number(), random.nextBoolean() ? null : condition()));
        return new Flow("flow" + random.nextInt(1000), random.nextBoolean() ? null : text(), steps, edges);
    }

    private Condition condition() {
        Condition.Op op = pick(Condition.Op.values());
        return new Condition(name(), op, random.nextBoolean() ? null : text());
    }

    private Step step(int depth) {
        String id = "s" + (stepCounter++);
        Position position = new Position(random.nextInt(2000) - 500, random.nextDouble() * 1000);
        return switch (random.nextInt(depth < 2 ? 4 : 3)) {
            case 0, 1 ->
                new Step.Request(
                        id,
                        maybe(this::text),
                        pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH")),
                        text(),
                        list(0, 2, this::header),
                        list(0, 2, this::header),
                        body(),
                        list(0, 2, this::extractor),
                        list(0, 3, this::check),
                        position);
            case 2 -> new Step.Pause(id, duration(), duration(), position);
            default -> new Step.Group(id, text(), list(0, 3, () -> step(depth + 1)), position);
        };
    }

    private Body body() {
        return switch (random.nextInt(5)) {
            case 0 -> Body.NONE;
            case 1 -> new Body.Text(pick(List.of("text/plain", "application/xml")), text());
            case 2 -> new Body.Form(list(0, 3, this::header));
            case 3 -> new Body.Json("{\"a\": \"" + text().replace("\"", "") + "\"}");
            default -> new Body.File("files/" + random.nextInt(10) + ".bin", "application/octet-stream");
        };
    }

    private Extractor extractor() {
        return new Extractor(name(), pick(Extractor.Kind.values()), text(), maybe(this::text));
    }

    private Check check() {
        return switch (random.nextInt(5)) {
            case 0 -> new Check.Status(list(0, 3, () -> 100 + random.nextInt(500)));
            case 1 -> new Check.BodyContains(text());
            case 2 -> new Check.BodyMatches(pick(List.of("a+b", "\\d{3}", "[", "")));
            case 3 -> new Check.JsonValue("$.items[" + random.nextInt(5) + "].id", text());
            default -> new Check.MaxDuration(duration());
        };
    }

    private LoadPlan plan() {
        if (random.nextInt(3) == 0) {
            return new LoadPlan.Capacity(
                    pick(LoadPlan.CapacityModel.values()),
                    number(),
                    number(),
                    pick(LoadPlan.StepMode.values()),
                    duration(),
                    number(),
                    random.nextInt(11),
                    number(),
                    random.nextInt(1, 10_000),
                    duration());
        }
        if (random.nextBoolean()) {
            return new LoadPlan.Closed(
                    random.nextInt(100_000),
                    number(),
                    list(
                            0,
                            3,
                            () -> new LoadPlan.Stage(
                                    duration(), random.nextInt(1000), random.nextBoolean() ? null : number())),
                    duration(),
                    duration());
        }
        return new LoadPlan.Open(
                number(),
                list(0, 3, () -> new LoadPlan.RateStage(duration(), number())),
                random.nextInt(1, 10_000),
                duration(),
                duration());
    }

    private Threshold threshold() {
        Threshold.Metric metric = pick(Threshold.Metric.values());
        double value = metric == Threshold.Metric.ERROR_RATE ? random.nextInt(1000) / 1000.0 : number();
        return new Threshold(
                metric,
                random.nextBoolean() ? null : pick(List.of("/product", "^GET ", "a|b", "x:y")),
                pick(Threshold.Comparison.values()),
                value,
                random.nextBoolean());
    }
}
