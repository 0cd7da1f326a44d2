package dev.throng.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code capacity} section of a results document: {@code model} ("users" or "arrivals"), {@code objective[]},
 * {@code max_load}, {@code requests_per_second_at_max}, {@code broken_rule} (or null), {@code first_degraded_names[]},
 * {@code reached_upper_bound}, {@code finished}, and {@code steps[{index, load, narrowing, start_ms, end_ms, requests,
 * rps, p50_ms, p95_ms, p99_ms, error_rate, passed, broken_rules[], degraded_names[]}]}. Absent unless the run was a
 * capacity search. Stateless.
 */
final class CapacityJson {
    private CapacityJson() {}

    static void write(ObjectNode o, CapacityReport c) {
        o.put("model", c.model().name().toLowerCase(Locale.ROOT));
        strings(o.putArray("objective"), c.objective());
        number(o, "max_load", c.maxLoad());
        number(o, "requests_per_second_at_max", c.requestsPerSecondAtMax());
        if (c.brokenRule() == null) {
            o.putNull("broken_rule");
        } else {
            o.put("broken_rule", c.brokenRule());
        }
        strings(o.putArray("first_degraded_names"), c.firstDegradedNames());
        o.put("reached_upper_bound", c.reachedUpperBound());
        o.put("finished", c.finished());
        ArrayNode steps = o.putArray("steps");
        for (CapacityStep s : c.steps()) {
            ObjectNode n = steps.addObject();
            n.put("index", s.index());
            number(n, "load", s.load());
            n.put("narrowing", s.narrowing());
            n.put("start_ms", s.startMillis());
            n.put("end_ms", s.endMillis());
            n.put("requests", s.requests());
            number(n, "rps", s.requestsPerSecond());
            number(n, "p50_ms", s.p50Millis());
            number(n, "p95_ms", s.p95Millis());
            number(n, "p99_ms", s.p99Millis());
            n.put("error_rate", Math.round(s.errorRate() * 1e6) / 1e6);
            n.put("passed", s.passed());
            strings(n.putArray("broken_rules"), s.brokenRules());
            strings(n.putArray("degraded_names"), s.degradedNames());
            if (s.running()) {
                n.put("running", true);
            }
        }
    }

    /**
     * Reads the section back.
     *
     * @throws IllegalArgumentException naming the JSON path of what is wrong
     */
    static CapacityReport read(JsonNode o, String path) {
        String model = o.path("model").asText("");
        LoadPlan.CapacityModel m;
        try {
            m = LoadPlan.CapacityModel.valueOf(model.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    path + ".model: expected \"users\" or \"arrivals\", found '" + model + "'");
        }
        var steps = new ArrayList<CapacityStep>();
        JsonNode s = o.path("steps");
        for (int i = 0; i < s.size(); i++) {
            JsonNode n = s.get(i);
            String at = path + ".steps[" + i + "]";
            if (!n.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object");
            }
            steps.add(new CapacityStep(
                    n.path("index").asInt(i + 1),
                    number(n, "load", at),
                    n.path("narrowing").asBoolean(false),
                    n.path("start_ms").asLong(0),
                    n.path("end_ms").asLong(0),
                    n.path("requests").asLong(0),
                    n.path("rps").asDouble(0),
                    n.path("p50_ms").asDouble(Double.NaN),
                    n.path("p95_ms").asDouble(Double.NaN),
                    n.path("p99_ms").asDouble(Double.NaN),
                    n.path("error_rate").asDouble(0),
                    n.path("passed").asBoolean(false),
                    strings(n.path("broken_rules")),
                    strings(n.path("degraded_names")),
                    n.path("running").asBoolean(false)));
        }
        JsonNode broken = o.get("broken_rule");
        return new CapacityReport(
                m,
                strings(o.path("objective")),
                number(o, "max_load", path),
                o.path("requests_per_second_at_max").asDouble(0),
                broken == null || broken.isNull() ? null : broken.asText(),
                strings(o.path("first_degraded_names")),
                o.path("reached_upper_bound").asBoolean(false),
                o.path("finished").asBoolean(false),
                steps);
    }

    private static double number(JsonNode o, String field, String path) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(path + "." + field + ": expected a number");
        }
        return v.asDouble();
    }

    private static void number(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, ResultsJson.round(value));
        } else {
            o.putNull(field);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> strings(JsonNode a) {
        var out = new ArrayList<String>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }
}
