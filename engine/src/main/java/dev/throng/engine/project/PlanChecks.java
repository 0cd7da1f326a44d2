package dev.throng.engine.project;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The checks of the load plan and the thresholds. Package-private; stateless. */
final class PlanChecks {

    private PlanChecks() {}

    static void plan(Project project, FlowChecks flows, List<Problem> out) {
        String path = "$.loadPlan";
        LoadPlan plan = project.loadPlan();
        flows.nonNegative(path + ".gracefulStop", plan.gracefulStop(), "graceful stop");
        if (!(plan instanceof LoadPlan.Capacity)) {
            flows.nonNegative(path + ".duration", plan.duration(), "duration");
        }
        switch (plan) {
            case LoadPlan.Closed c -> closed(path, c, project, flows, out);
            case LoadPlan.Open o -> open(path, o, project, flows, out);
            case LoadPlan.Capacity k -> capacity(path, k, project, out);
        }
    }

    private static void capacity(String path, LoadPlan.Capacity k, Project project, List<Problem> out) {
        boolean users = k.model() == LoadPlan.CapacityModel.USERS;
        String unit = users ? "users" : "arrivals per second";
        if (!(k.start() > 0) || !Double.isFinite(k.start())) {
            out.add(Problem.error(path + ".start", "the first step's load must be above zero " + unit));
        }
        if (k.stepMode() == LoadPlan.StepMode.MULTIPLY) {
            if (!(k.step() > 1) || !Double.isFinite(k.step())) {
                out.add(Problem.error(
                        path + ".step",
                        "with stepMode \"multiply\" the step is a factor and must be above 1, e.g. 1.5"));
            }
        } else if (!(k.step() > 0) || !Double.isFinite(k.step())) {
            out.add(Problem.error(path + ".step", "the step must add more than zero " + unit));
        }
        if (k.hold().compareTo(Duration.ofSeconds(1)) < 0) {
            out.add(Problem.error(
                    path + ".hold", "each step must be held at least 1 second to be judged, e.g. \"30s\""));
        }
        if (!(k.upperBound() >= k.start()) || !Double.isFinite(k.upperBound())) {
            out.add(Problem.error(
                    path + ".upperBound",
                    "the upper bound must be at least the start (" + plain(k.start()) + " " + unit + ")"));
        }
        if (k.refinements() < 0 || k.refinements() > 10) {
            out.add(Problem.error(path + ".refinements", "the number of narrowing steps must be 0 to 10"));
        }
        if (users && (!(k.spawnRate() > 0) || !Double.isFinite(k.spawnRate()))) {
            out.add(Problem.error(path + ".spawnRate", "the spawn rate must be above zero users per second"));
        }
        if (!users && k.maxConcurrentUsers() <= 0) {
            out.add(Problem.error(path + ".maxConcurrentUsers", "the most concurrent users must be above zero"));
        }
        if (project.thresholds().isEmpty()) {
            out.add(Problem.error(
                    "$.thresholds",
                    "a capacity search needs at least one threshold: it is the objective each step is judged"
                            + " against, e.g. \"p95<300ms\" or \"error_rate<1%\""));
        }
        if (!users) {
            for (int i = 0; i < project.profiles().size(); i++) {
                if (project.profiles().get(i).fixedCount() != null) {
                    out.add(Problem.warning(
                            "$.profiles[" + i + "].fixedCount",
                            "a fixed count has no effect in the arrivals model: arrivals pick profiles by weight"));
                }
            }
        }
    }

    private static void closed(String path, LoadPlan.Closed c, Project project, FlowChecks flows, List<Problem> out) {
        if (c.users() < 0) {
            out.add(Problem.error(path + ".users", "the number of users cannot be negative"));
        }
        if (!Double.isFinite(c.spawnRate()) || c.spawnRate() < 0) {
            out.add(Problem.error(path + ".spawnRate", "the spawn rate must be zero or more users per second"));
        }
        if (c.stages().isEmpty()) {
            if (c.users() > 0 && !(c.spawnRate() > 0)) {
                out.add(Problem.error(path + ".spawnRate", "the spawn rate must be above zero to start the users"));
            }
            if (c.users() == 0 && fixedUsers(project) == 0) {
                out.add(Problem.error(path + ".users", "the plan starts no users"));
            }
            if (!c.duration().isNegative() && c.duration().isZero()) {
                out.add(Problem.error(path + ".duration", "the duration must be above zero, e.g. \"1m\""));
            }
            long fixed = fixedUsers(project);
            if (fixed > c.users() && c.users() > 0) {
                out.add(Problem.warning(
                        path + ".users",
                        "the profiles' fixed counts (" + fixed + ") exceed the " + c.users() + " users of the plan"));
            }
            return;
        }
        boolean anyUsers = false;
        for (int i = 0; i < c.stages().size(); i++) {
            LoadPlan.Stage s = c.stages().get(i);
            String sp = path + ".stages[" + i + "]";
            flows.nonNegative(sp + ".duration", s.duration(), "stage duration");
            if (s.target() < 0) {
                out.add(Problem.error(sp + ".target", "the target number of users cannot be negative"));
            }
            anyUsers |= s.target() > 0;
            if (s.rate() != null && !(s.rate() > 0 && Double.isFinite(s.rate()))) {
                out.add(Problem.error(sp + ".rate", "the rate must be above zero users per second (or left out)"));
            }
        }
        if (!anyUsers) {
            out.add(Problem.error(path + ".stages", "no stage has a target above zero: the plan starts no users"));
        }
        stagesLength(path, c.stages().stream().map(LoadPlan.Stage::duration).toList(), out);
    }

    private static void open(String path, LoadPlan.Open o, Project project, FlowChecks flows, List<Problem> out) {
        if (!Double.isFinite(o.startRate()) || o.startRate() < 0) {
            out.add(Problem.error(path + ".startRate", "the start rate must be zero or more arrivals per second"));
        }
        if (o.maxConcurrentUsers() <= 0) {
            out.add(Problem.error(path + ".maxConcurrentUsers", "the most concurrent users must be above zero"));
        }
        boolean anyRate = o.startRate() > 0;
        for (int i = 0; i < o.stages().size(); i++) {
            LoadPlan.RateStage s = o.stages().get(i);
            String sp = path + ".stages[" + i + "]";
            flows.nonNegative(sp + ".duration", s.duration(), "stage duration");
            if (!Double.isFinite(s.target()) || s.target() < 0) {
                out.add(Problem.error(sp + ".target", "the target rate must be zero or more arrivals per second"));
            }
            anyRate |= s.target() > 0;
        }
        if (!anyRate) {
            out.add(Problem.error(path + ".stages", "every rate is zero: the plan starts no users"));
        }
        if (o.stages().isEmpty() && o.duration().isZero()) {
            out.add(Problem.error(path + ".duration", "the duration must be above zero, e.g. \"1m\""));
        }
        stagesLength(path, o.stages().stream().map(LoadPlan.RateStage::duration).toList(), out);
        for (int i = 0; i < project.profiles().size(); i++) {
            if (project.profiles().get(i).fixedCount() != null) {
                out.add(Problem.warning(
                        "$.profiles[" + i + "].fixedCount",
                        "a fixed count has no effect in the open model: arrivals pick profiles by weight"));
            }
        }
    }

    /** A number as people write it: 10, not 10.0. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void stagesLength(String path, List<Duration> durations, List<Problem> out) {
        if (durations.isEmpty()) {
            return;
        }
        Duration sum = Duration.ZERO;
        for (Duration d : durations) {
            if (!d.isNegative()) {
                sum = sum.plus(d);
            }
        }
        if (sum.isZero()) {
            out.add(Problem.error(path + ".stages", "the stages last zero seconds in total"));
        }
    }

    private static long fixedUsers(Project project) {
        long sum = 0;
        for (UserProfile p : project.profiles()) {
            if (p.fixedCount() != null && p.fixedCount() > 0) {
                sum += p.fixedCount();
            }
        }
        return sum;
    }

    static void thresholds(Project project, List<Problem> out) {
        List<String> names = requestNames(project);
        for (int i = 0; i < project.thresholds().size(); i++) {
            Threshold t = project.thresholds().get(i);
            String path = "$.thresholds[" + i + "]";
            if (!Double.isFinite(t.value()) || t.value() < 0) {
                out.add(Problem.error(path + ".rule", "the limit must be a number of zero or more"));
            } else if (t.metric() == Threshold.Metric.ERROR_RATE && t.value() > 1) {
                out.add(Problem.error(path + ".rule", "an error rate is at most 100%"));
            }
            if (t.scope() == null) {
                continue;
            }
            Pattern scope;
            try {
                scope = Pattern.compile(t.scope());
            } catch (PatternSyntaxException e) {
                out.add(Problem.error(
                        path + ".scope",
                        "scope '" + t.scope() + "' is not a valid regular expression: " + e.getDescription()));
                continue;
            }
            if (names.stream().noneMatch(n -> scope.matcher(n).find())) {
                out.add(Problem.warning(
                        path + ".scope",
                        "scope '" + t.scope() + "' matches no request or group name of the project"
                                + DidYouMean.suffix(t.scope(), names)));
            }
        }
    }

    /** The statistics row names a run of the project can produce: each as "NAME" and "METHOD NAME". */
    private static List<String> requestNames(Project project) {
        var names = new ArrayList<String>();
        for (Flow f : project.flows()) {
            for (Step s : f.steps()) {
                addNames(s, names);
            }
        }
        return names;
    }

    private static void addNames(Step step, List<String> names) {
        switch (step) {
            case Step.Request r -> {
                names.add(r.displayName());
                names.add(r.method() + " " + r.displayName());
            }
            case Step.Group g -> {
                names.add(g.name());
                g.steps().forEach(s -> addNames(s, names));
            }
            case Step.Pause p -> {}
        }
    }
}
