package dev.throng.app.project;

import static dev.throng.app.project.PropertyRows.nonNegative;
import static dev.throng.app.project.PropertyRows.positive;

import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The property rows of a user profile: users by weight or fixed count, flows, think time, data. Times in ms. */
final class ProfileProperties {
    static final String NONE = "(none)";
    static final String BY_WEIGHT = "weight";
    static final String BY_COUNT = "fixed count";
    static final List<String> THINK_KINDS = List.of("none", "constant", "between", "pacing", "throughput");
    static final String NOT_READ = "not read";
    static final String ONCE = "once per user";
    static final String EACH = "each iteration";

    private final PropertyRows rows;
    private final String name;

    private ProfileProperties(PropertyRows rows, String name) {
        this.rows = rows;
        this.name = name;
    }

    static void add(PropertyRows rows, List<PropertyRow> out, String name) {
        new ProfileProperties(rows, name).build(out);
    }

    private UserProfile get(Project p) {
        return p.profile(name).orElseThrow();
    }

    private Project put(Project p, UnaryOperator<UserProfile> f) {
        return p.withProfiles(p.profiles().stream()
                .map(u -> u.name().equals(name) ? f.apply(u) : u)
                .toList());
    }

    private void build(List<PropertyRow> out) {
        Project now = rows.project();
        UserProfile u = get(now);
        users(out, u);
        flows(out, now, u);
        thinkTime(out, u);
        data(out, now);
    }

    private void users(List<PropertyRow> out, UserProfile u) {
        String c = "Users";
        out.add(rows.row(c, "Name", "rename from the project tree (F2)", String.class, p -> name, null));
        out.add(rows.<String>choice(
                c,
                "Users by",
                "weight: a share of the plan's users; fixed count: exactly this many, placed first",
                String.class,
                List.of(BY_WEIGHT, BY_COUNT),
                p -> get(p).fixedCount() == null ? BY_WEIGHT : BY_COUNT,
                (p, v) -> put(
                        p,
                        x -> x.withFixedCount(
                                BY_COUNT.equals(v) ? Integer.valueOf(Math.max(1, (int) x.weight())) : null))));
        if (u.fixedCount() == null) {
            out.add(rows.<Double>row(
                    c,
                    "Weight",
                    "share among weighted profiles (2 gets twice the users of 1)",
                    Double.class,
                    p -> get(p).weight(),
                    (p, v) -> put(p, x -> x.withWeight(nonNegative(v)))));
        } else {
            out.add(rows.<Integer>row(
                    c,
                    "Fixed count",
                    "exactly this many users run this profile",
                    Integer.class,
                    p -> get(p).fixedCount(),
                    (p, v) -> put(p, x -> x.withFixedCount(nonNegative(v)))));
        }
    }

    private static String flowChoice(String id) {
        return id == null ? NONE : id;
    }

    private static String flowOf(Project p, String v) {
        if (v == null || v.isBlank() || NONE.equals(v)) {
            return null;
        }
        String id = v.strip();
        if (p.flow(id).isEmpty()) {
            throw new IllegalArgumentException("there is no flow '" + id + "'");
        }
        return id;
    }

    private void flows(List<PropertyRow> out, Project now, UserProfile u) {
        String c = "Flows";
        var ids = now.flows().stream().map(Flow::id).toList();
        var optional = new ArrayList<String>();
        optional.add(NONE);
        optional.addAll(ids);
        out.add(rows.<String>choice(
                c,
                "Main flow",
                "the flow each user runs in a loop",
                String.class,
                ids,
                p -> get(p).mainFlow(),
                (p, v) -> {
                    String id = flowOf(p, v);
                    if (id == null) {
                        throw new IllegalArgumentException("a profile needs a main flow");
                    }
                    return put(
                            p,
                            y -> new UserProfile(
                                    y.name(),
                                    y.weight(),
                                    y.fixedCount(),
                                    y.thinkTime(),
                                    y.startFlow(),
                                    y.startProbability(),
                                    id,
                                    y.stopFlow(),
                                    y.data()));
                }));
        out.add(rows.<String>choice(
                c,
                "Start flow",
                "run once when a user starts, e.g. a login (none: no start flow)",
                String.class,
                optional,
                p -> flowChoice(get(p).startFlow()),
                (p, v) -> {
                    String id = flowOf(p, v);
                    return put(
                            p,
                            x -> x.withStart(
                                    id, id == null ? 0 : x.startProbability() == 0 ? 1 : x.startProbability()));
                }));
        if (u.startFlow() != null) {
            out.add(rows.<Double>row(
                    c,
                    "Start probability (%)",
                    "share of users that run the start flow, 0 to 100 (30: 30% log in)",
                    Double.class,
                    p -> get(p).startProbability() * 100,
                    (p, v) -> {
                        if (!(v >= 0 && v <= 100)) {
                            throw new IllegalArgumentException("a share is between 0 and 100 %");
                        }
                        return put(p, x -> x.withStart(x.startFlow(), v / 100));
                    }));
        }
        out.add(rows.<String>choice(
                c,
                "Stop flow",
                "run once when the run stops gracefully, e.g. a logout (none: no stop flow)",
                String.class,
                optional,
                p -> flowChoice(get(p).stopFlow()),
                (p, v) -> {
                    String id = flowOf(p, v);
                    return put(p, x -> x.withStopFlow(id));
                }));
    }

    static String kind(ThinkTime t) {
        return switch (t) {
            case ThinkTime.Constant k -> k.pause().isZero() ? "none" : "constant";
            case ThinkTime.Between b -> "between";
            case ThinkTime.Pacing pa -> "pacing";
            case ThinkTime.Throughput th -> "throughput";
        };
    }

    static ThinkTime ofKind(String kind, ThinkTime was) {
        if (kind(was).equals(kind)) {
            return was;
        }
        return switch (kind) {
            case "none" -> ThinkTime.NONE;
            case "constant" -> new ThinkTime.Constant(Duration.ofSeconds(1));
            case "between" -> new ThinkTime.Between(Duration.ofSeconds(1), Duration.ofSeconds(3));
            case "pacing" -> new ThinkTime.Pacing(Duration.ofSeconds(5));
            case "throughput" -> new ThinkTime.Throughput(1);
            default -> throw new IllegalArgumentException("think time is one of " + String.join(", ", THINK_KINDS));
        };
    }

    private <T extends ThinkTime> Function<Project, T> think(Class<T> type) {
        return p -> type.cast(get(p).thinkTime());
    }

    private void thinkTime(List<PropertyRow> out, UserProfile u) {
        String c = "Think time";
        out.add(rows.<String>choice(
                c,
                "Think time",
                "the wait between iterations: none, constant, between (random in a range), pacing (an iteration"
                        + " starts every interval) or throughput (iterations per second per user)",
                String.class,
                THINK_KINDS,
                p -> kind(get(p).thinkTime()),
                (p, v) -> put(p, x -> x.withThinkTime(ofKind(v, x.thinkTime())))));
        switch (u.thinkTime()) {
            case ThinkTime.Constant k
            when !k.pause().isZero() ->
                out.add(rows.<Long>row(
                        c,
                        "Pause (ms)",
                        "the wait after every iteration, ms",
                        Long.class,
                        p -> think(ThinkTime.Constant.class).apply(p).pause().toMillis(),
                        (p, v) ->
                                put(p, x -> x.withThinkTime(new ThinkTime.Constant(Duration.ofMillis(positive(v)))))));
            case ThinkTime.Constant k -> {}
            case ThinkTime.Between b -> {
                var get = think(ThinkTime.Between.class);
                out.add(rows.<Long>row(
                        c,
                        "Min (ms)",
                        "the shortest wait, ms",
                        Long.class,
                        p -> get.apply(p).min().toMillis(),
                        (p, v) -> {
                            var t = get.apply(p);
                            var min = Duration.ofMillis(nonNegative(v));
                            var max = t.max().compareTo(min) < 0 ? min : t.max();
                            return put(p, x -> x.withThinkTime(new ThinkTime.Between(min, max)));
                        }));
                out.add(rows.<Long>row(
                        c,
                        "Max (ms)",
                        "the longest wait, ms",
                        Long.class,
                        p -> get.apply(p).max().toMillis(),
                        (p, v) -> {
                            var t = get.apply(p);
                            var max = Duration.ofMillis(nonNegative(v));
                            if (max.compareTo(t.min()) < 0) {
                                throw new IllegalArgumentException("the maximum cannot be below the minimum");
                            }
                            return put(p, x -> x.withThinkTime(new ThinkTime.Between(t.min(), max)));
                        }));
            }
            case ThinkTime.Pacing pa ->
                out.add(rows.<Long>row(
                        c,
                        "Interval (ms)",
                        "an iteration starts every interval; the wait is what is left of it, ms",
                        Long.class,
                        p -> think(ThinkTime.Pacing.class).apply(p).interval().toMillis(),
                        (p, v) -> put(p, x -> x.withThinkTime(new ThinkTime.Pacing(Duration.ofMillis(positive(v)))))));
            case ThinkTime.Throughput th ->
                out.add(rows.<Double>row(
                        c,
                        "Iterations/s per user",
                        "each user starts this many iterations per second (0.5: one every 2 s)",
                        Double.class,
                        p -> think(ThinkTime.Throughput.class).apply(p).iterationsPerSecond(),
                        (p, v) -> put(p, x -> x.withThinkTime(new ThinkTime.Throughput(positive(v))))));
        }
    }

    static String when(UserProfile u, String source) {
        return u.data().stream()
                .filter(b -> b.source().equals(source))
                .findFirst()
                .map(b -> b.when() == DataBinding.When.USER_START ? ONCE : EACH)
                .orElse(NOT_READ);
    }

    static List<DataBinding> bind(List<DataBinding> data, String source, String choice) {
        var out = new ArrayList<DataBinding>();
        Optional<DataBinding.When> when = switch (choice) {
            case ONCE -> Optional.of(DataBinding.When.USER_START);
            case EACH -> Optional.of(DataBinding.When.EACH_ITERATION);
            case NOT_READ -> Optional.empty();
            default -> throw new IllegalArgumentException("choose " + NOT_READ + ", " + ONCE + " or " + EACH);
        };
        boolean placed = false;
        for (DataBinding b : data) {
            if (b.source().equals(source)) {
                if (when.isPresent() && !placed) {
                    out.add(new DataBinding(source, when.get()));
                    placed = true;
                }
            } else {
                out.add(b);
            }
        }
        if (when.isPresent() && !placed) {
            out.add(new DataBinding(source, when.get()));
        }
        return out;
    }

    private void data(List<PropertyRow> out, Project now) {
        String c = "Data (a row's columns become variables)";
        if (now.dataSources().isEmpty()) {
            out.add(rows.row(
                    c,
                    "Data sources",
                    "add a CSV file with New data source in the project tree",
                    String.class,
                    p -> "none in the project",
                    null));
        }
        for (DataSource d : now.dataSources()) {
            String id = d.id();
            out.add(rows.<String>choice(
                    c,
                    id,
                    "when a user takes a row of '" + id + "' (" + d.path() + "): once when it starts, or at the start"
                            + " of every iteration",
                    String.class,
                    List.of(NOT_READ, ONCE, EACH),
                    p -> when(get(p), id),
                    (p, v) -> put(p, x -> x.withData(bind(x.data(), id, v)))));
        }
    }
}
