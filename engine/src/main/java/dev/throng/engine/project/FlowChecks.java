package dev.throng.engine.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of flows, steps and edges. Package-private; confined to one validation. */
final class FlowChecks {

    private final List<Problem> out;
    private final TemplateChecks templates;
    private final Path directory;
    private final boolean hasBaseUrl;

    FlowChecks(List<Problem> out, TemplateChecks templates, Path directory, boolean hasBaseUrl) {
        this.out = out;
        this.templates = templates;
        this.directory = directory;
        this.hasBaseUrl = hasBaseUrl;
    }

    void flow(String path, Flow flow) {
        if (flow.id().isBlank()) {
            out.add(Problem.error(path + ".id", "empty flow id"));
        }
        if (flow.steps().isEmpty()) {
            out.add(Problem.warning(path + ".steps", "flow '" + flow.id() + "' has no steps"));
        }
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < flow.steps().size(); i++) {
            step(path + ".steps[" + i + "]", flow.steps().get(i), ids);
        }
        edges(path, flow);
    }

    private void step(String path, Step step, Map<String, String> ids) {
        if (step.id().isBlank()) {
            out.add(Problem.error(path + ".id", "empty step id"));
        } else if (step.id().equals(Flow.START) || step.id().equals(Flow.END)) {
            out.add(Problem.error(path + ".id", "'" + step.id() + "' is reserved for the flow's pseudo-node; rename"));
        } else {
            String previous = ids.putIfAbsent(step.id(), path);
            if (previous != null) {
                out.add(Problem.error(path + ".id", "duplicate step id '" + step.id() + "' (also " + previous + ")"));
            }
        }
        position(path + ".position", step.position());
        switch (step) {
            case Step.Request r -> request(path, r);
            case Step.Pause p -> {
                nonNegative(path + ".min", p.min(), "pause");
                nonNegative(path + ".max", p.max(), "pause");
                if (p.max().compareTo(p.min()) < 0) {
                    out.add(Problem.error(path + ".max", "the longest pause is shorter than the shortest"));
                }
            }
            case Step.Group g -> {
                if (g.name().isBlank()) {
                    out.add(Problem.error(path + ".name", "a group needs a name: it is its statistics row"));
                }
                if (g.steps().isEmpty()) {
                    out.add(Problem.warning(path + ".steps", "group '" + g.name() + "' has no steps"));
                }
                for (int i = 0; i < g.steps().size(); i++) {
                    step(path + ".steps[" + i + "]", g.steps().get(i), ids);
                }
            }
        }
    }

    private void position(String path, Position p) {
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
            out.add(Problem.error(path, "position must be finite numbers"));
        }
    }

    private void request(String path, Step.Request r) {
        if (!r.method().matches("[A-Z][A-Z_-]*")) {
            out.add(Problem.error(
                    path + ".method",
                    "'" + r.method() + "' is not an HTTP method: write it in capitals, e.g. GET, POST, PUT, DELETE"));
        }
        templates.requestUrl(path + ".url", r.url(), hasBaseUrl);
        for (int i = 0; i < r.query().size(); i++) {
            Header q = r.query().get(i);
            if (q.name().isEmpty()) {
                out.add(Problem.error(path + ".query[" + i + "].name", "empty query parameter name"));
            }
            templates.template(path + ".query[" + i + "].name", q.name());
            templates.template(path + ".query[" + i + "].value", q.value());
        }
        for (int i = 0; i < r.headers().size(); i++) {
            templates.header(path + ".headers[" + i + "]", r.headers().get(i));
        }
        body(path + ".body", r.body());
        for (int i = 0; i < r.extractors().size(); i++) {
            extractor(path + ".extractors[" + i + "]", r.extractors().get(i));
        }
        for (int i = 0; i < r.checks().size(); i++) {
            check(path + ".checks[" + i + "]", r.checks().get(i));
        }
    }

    private void body(String path, Body body) {
        switch (body) {
            case Body.None n -> {}
            case Body.Text t -> {
                contentType(path, t.contentType());
                templates.template(path + ".text", t.text());
            }
            case Body.Json j -> templates.template(path + ".json", j.json());
            case Body.Form f -> {
                for (int i = 0; i < f.fields().size(); i++) {
                    Header field = f.fields().get(i);
                    if (field.name().isEmpty()) {
                        out.add(Problem.error(path + ".fields[" + i + "].name", "empty form field name"));
                    }
                    templates.template(path + ".fields[" + i + "].name", field.name());
                    templates.template(path + ".fields[" + i + "].value", field.value());
                }
            }
            case Body.File f -> {
                contentType(path, f.contentType());
                Path file = TemplateChecks.resolve(directory, f.path());
                if (f.path().isBlank() || file == null) {
                    out.add(Problem.error(path + ".path", "'" + f.path() + "' is not a file path"));
                } else if (directory != null && !Files.isRegularFile(file)) {
                    out.add(Problem.error(path + ".path", "body file not found: " + file));
                }
            }
        }
    }

    private void contentType(String path, String contentType) {
        if (!contentType.matches("[^/\\s]+/[^/\\s]+.*")) {
            out.add(Problem.error(
                    path + ".contentType", "'" + contentType + "' is not a content type such as text/plain"));
        }
    }

    private void extractor(String path, Extractor e) {
        if (!TemplateChecks.isValidVariableName(e.variable())) {
            out.add(
                    Problem.error(
                            path + ".variable",
                            "'" + e.variable()
                                    + "' cannot be a variable name (a letter or _, then letters, digits, _, . or -; no leading __)"));
        }
        switch (e.kind()) {
            case REGEX -> templates.regex(path + ".expression", e.expression(), "expression");
            case JSONPATH -> jsonPath(path + ".expression", e.expression());
            case HEADER, COOKIE -> {
                if (e.expression().isBlank()) {
                    out.add(Problem.error(path + ".expression", "name the header or cookie to extract"));
                }
            }
        }
    }

    private void jsonPath(String path, String expression) {
        if (!expression.startsWith("$")) {
            out.add(Problem.error(path, "JSONPath '" + expression + "' must start with $, e.g. $.items[0].id"));
        }
    }

    private void check(String path, Check check) {
        switch (check) {
            case Check.Status s -> {
                if (s.codes().isEmpty()) {
                    out.add(Problem.error(path + ".codes", "list at least one accepted status code"));
                }
                for (int i = 0; i < s.codes().size(); i++) {
                    int code = s.codes().get(i);
                    if (code < 100 || code > 599) {
                        out.add(Problem.error(path + ".codes[" + i + "]", code + " is not an HTTP status (100-599)"));
                    }
                }
            }
            case Check.BodyContains b -> {
                if (b.text().isEmpty()) {
                    out.add(Problem.error(path + ".text", "empty text: every body contains it"));
                }
            }
            case Check.BodyMatches b -> templates.regex(path + ".regex", b.regex(), "regex");
            case Check.JsonValue j -> {
                jsonPath(path + ".path", j.path());
                templates.template(path + ".expected", j.expected());
            }
            case Check.MaxDuration m -> {
                if (m.max().isNegative() || m.max().isZero()) {
                    out.add(Problem.error(path + ".max", "the longest duration must be above zero"));
                }
                tooLong(path + ".max", m.max());
            }
        }
    }

    private void edges(String path, Flow flow) {
        Set<String> stepIds = new HashSet<>();
        for (Step s : flow.steps()) {
            stepIds.add(s.id());
        }
        var candidates = new ArrayList<>(stepIds);
        candidates.add(Flow.START);
        candidates.add(Flow.END);
        Map<String, List<Integer>> byFrom = new LinkedHashMap<>();
        for (int i = 0; i < flow.edges().size(); i++) {
            Edge e = flow.edges().get(i);
            String ep = path + ".edges[" + i + "]";
            if (e.from().equals(Flow.END)) {
                out.add(Problem.error(ep + ".from", "no edge can leave 'end'"));
            } else if (!e.from().equals(Flow.START) && !stepIds.contains(e.from())) {
                out.add(Problem.error(
                        ep + ".from",
                        "edge from unknown step '" + e.from() + "'" + DidYouMean.suffix(e.from(), candidates)));
            }
            if (!e.to().equals(Flow.START) && !e.to().equals(Flow.END) && !stepIds.contains(e.to())) {
                out.add(Problem.error(
                        ep + ".to", "edge to unknown step '" + e.to() + "'" + DidYouMean.suffix(e.to(), candidates)));
            }
            if (!Double.isFinite(e.weight()) || e.weight() < 0) {
                out.add(Problem.error(ep + ".weight", "weight " + e.weight() + " must be zero or more"));
            }
            if (e.condition() != null) {
                condition(ep + ".condition", e.condition());
            }
            byFrom.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(i);
        }
        for (var entry : byFrom.entrySet()) {
            double sum = 0;
            for (int i : entry.getValue()) {
                double w = flow.edges().get(i).weight();
                sum += Double.isFinite(w) && w > 0 ? w : 0;
            }
            if (sum <= 0) {
                out.add(Problem.error(
                        path + ".edges[" + entry.getValue().getFirst() + "].weight",
                        "the edges leaving '" + entry.getKey() + "' have weights summing to zero: none can be taken"));
            }
        }
        if (!flow.steps().isEmpty() && !byFrom.containsKey(Flow.START)) {
            out.add(Problem.error(
                    path + ".edges",
                    "nothing starts flow '" + flow.id() + "': add an edge from 'start' to its first step"));
        } else if (!flow.steps().isEmpty()) {
            reachability(path, flow, byFrom);
        }
    }

    private void reachability(String path, Flow flow, Map<String, List<Integer>> byFrom) {
        Set<String> seen = new HashSet<>();
        var queue = new ArrayDeque<String>();
        queue.add(Flow.START);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (int i : byFrom.getOrDefault(node, List.of())) {
                Edge e = flow.edges().get(i);
                if (e.weight() > 0 && seen.add(e.to())) {
                    queue.add(e.to());
                }
            }
        }
        for (int i = 0; i < flow.steps().size(); i++) {
            Step s = flow.steps().get(i);
            if (!seen.contains(s.id())) {
                out.add(Problem.warning(
                        path + ".steps[" + i + "]",
                        "step '" + s.id() + "' is never reached from 'start' (no edge with a weight above zero)"));
            }
        }
    }

    private void condition(String path, Condition c) {
        if (c.variable().isBlank()) {
            out.add(Problem.error(path + ".variable", "name the variable the condition tests"));
        } else {
            templates.checkVariable(path + ".variable", c.variable(), "the condition");
        }
        switch (c.op()) {
            case EQUALS, NOT_EQUALS, MATCHES -> {
                if (c.value() == null) {
                    out.add(Problem.error(
                            path + ".value",
                            "'" + c.op().name().toLowerCase(java.util.Locale.ROOT)
                                    + "' needs a value to compare with"));
                } else if (c.op() == Condition.Op.MATCHES) {
                    templates.regex(path + ".value", c.value(), "value");
                }
            }
            case IS_SET, NOT_SET -> {}
        }
    }

    void nonNegative(String path, Duration d, String what) {
        if (d.isNegative()) {
            out.add(Problem.error(path, "a " + what + " cannot be negative (" + DurationText.format(d) + ")"));
        }
        tooLong(path, d);
    }

    void tooLong(String path, Duration d) {
        if (d.compareTo(DurationText.MAX) > 0) {
            out.add(Problem.error(path, "duration " + DurationText.format(d) + " is too long (at most 100000h)"));
        }
    }
}
