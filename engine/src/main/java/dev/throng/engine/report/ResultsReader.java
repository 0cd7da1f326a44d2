package dev.throng.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.PhaseStats;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@value ResultsJson#FORMAT} document back into a {@link RunResult}. Fields added to the contract are
 * optional (documents from other writers may lack them); the contract's own fields are required. Problems name the
 * source and the JSON path. The snapshot it builds has only cumulative figures (the interval part is empty).
 */
final class ResultsReader {
    private final String source;

    ResultsReader(String source) {
        this.source = source;
    }

    RunResult read(JsonNode root) throws IOException {
        try {
            return result(root);
        } catch (Bad e) {
            throw new IOException(source + ": " + e.getMessage());
        }
    }

    private RunResult result(JsonNode root) {
        object(root, "$");
        String format = text(root, "format", "$");
        if (!ResultsJson.FORMAT.equals(format)) {
            throw new Bad("the format is '" + format + "', but this version of Throng reads " + ResultsJson.FORMAT);
        }
        String project = text(root, "project", "$");
        Instant started = instant(root, "started", "$");
        long durationMillis = Math.round(number(root, "duration_s", "$") * 1000);
        StopReason reason = new StopReason.Completed();
        JsonNode stop = root.get("stop_reason");
        if (stop != null && stop.isObject()) {
            reason = StopReasons.of(
                    stop.path("kind").asText(""), stop.path("detail").asText(""));
        }
        RowStats total = row(required(root, "totals", "$"), "$.totals", false);
        List<RowStats> rows = new ArrayList<>();
        JsonNode requests = array(root, "requests", "$", true);
        for (int i = 0; i < requests.size(); i++) {
            rows.add(row(requests.get(i), "$.requests[" + i + "]", true));
        }
        JsonNode groups = array(root, "groups", "$", false);
        for (int i = 0; i < groups.size(); i++) {
            rows.add(row(groups.get(i), "$.groups[" + i + "]", true));
        }
        rows.sort(Comparator.comparing(RowStats::label).thenComparing(RowStats::method));
        List<FailureStats> failures = new ArrayList<>();
        JsonNode f = array(root, "failures", "$", true);
        for (int i = 0; i < f.size(); i++) {
            failures.add(failure(f.get(i), "$.failures[" + i + "]"));
        }
        List<ThresholdResult> thresholds = new ArrayList<>();
        JsonNode t = array(root, "thresholds", "$", true);
        for (int i = 0; i < t.size(); i++) {
            thresholds.add(threshold(t.get(i), "$.thresholds[" + i + "]"));
        }
        List<AgentStatus> agents = new ArrayList<>();
        JsonNode a = array(root, "agents", "$", true);
        for (int i = 0; i < a.size(); i++) {
            agents.add(agent(a.get(i), "$.agents[" + i + "]"));
        }
        List<String> warnings = new ArrayList<>();
        array(root, "warnings", "$", false).forEach(w -> warnings.add(w.asText()));
        List<HistoryPoint> history = new ArrayList<>();
        JsonNode h = array(root, "history", "$", false);
        for (int i = 0; i < h.size(); i++) {
            history.add(point(h.get(i), "$.history[" + i + "]"));
        }
        Map<String, String> histograms = new LinkedHashMap<>();
        JsonNode hs = root.get("histograms");
        if (hs != null && hs.isObject()) {
            hs.properties().forEach(e -> histograms.put(e.getKey(), e.getValue().asText()));
        }
        CapacityReport capacity = null;
        JsonNode c = root.get("capacity");
        if (c != null && c.isObject()) {
            try {
                capacity = CapacityJson.read(c, "$.capacity");
            } catch (IllegalArgumentException e) {
                throw new Bad(e.getMessage());
            }
        }
        RowStats emptyTotal = new RowStats(total.name(), "", 0, 0, 0, 0, LatencySummary.EMPTY, null);
        StatsSnapshot stats =
                new StatsSnapshot(0, durationMillis, 0, List.of(), emptyTotal, rows, total, failures, warnings);
        return new RunResult(
                project, started, durationMillis, reason, stats, thresholds, history, agents, histograms, capacity);
    }

    private RowStats row(JsonNode o, String path, boolean named) {
        object(o, path);
        String name = named ? text(o, "name", path) : "Total";
        String method = named ? text(o, "method", path) : "";
        LatencySummary corrected = null;
        JsonNode c = o.get("corrected");
        if (c != null && c.isObject()) {
            corrected = latency(c);
        }
        PhaseStats phases = PhaseStats.EMPTY;
        JsonNode p = o.get("phases");
        if (p != null && p.isObject()) {
            phases = new PhaseStats(
                    p.path("connect").path("count").asLong(0),
                    latency(p.path("connect")),
                    p.path("tls").path("count").asLong(0),
                    latency(p.path("tls")),
                    p.path("first_byte").path("count").asLong(0),
                    latency(p.path("first_byte")));
        }
        return new RowStats(
                name,
                method,
                whole(o, "requests", path),
                whole(o, "failures", path),
                o.path("bytes").asLong(0),
                number(o, "rps", path),
                latency(o),
                corrected,
                phases);
    }

    private static LatencySummary latency(JsonNode o) {
        return new LatencySummary(
                optional(o, "p50_ms"),
                optional(o, "p90_ms"),
                optional(o, "p95_ms"),
                optional(o, "p99_ms"),
                optional(o, "p999_ms"),
                optional(o, "max_ms"),
                optional(o, "mean_ms"));
    }

    private FailureStats failure(JsonNode o, String path) {
        object(o, path);
        return new FailureStats(
                text(o, "name", path),
                text(o, "method", path),
                text(o, "kind", path),
                text(o, "message", path),
                whole(o, "count", path),
                optionalInstant(o, "first_seen", path),
                optionalInstant(o, "last_seen", path),
                o.path("example").asText(""));
    }

    private ThresholdResult threshold(JsonNode o, String path) {
        object(o, path);
        String rule = text(o, "rule", path);
        Threshold threshold;
        try {
            threshold = Threshold.parse(rule);
        } catch (IllegalArgumentException e) {
            throw new Bad(path + ".rule: " + e.getMessage());
        }
        threshold = threshold.withAbortOnFail(o.path("abort").asBoolean(false));
        JsonNode passed = o.get("passed");
        if (passed == null || !passed.isBoolean()) {
            throw new Bad(path + ".passed: expected true or false");
        }
        return new ThresholdResult(threshold, passed.asBoolean(), optional(o, "value"));
    }

    private AgentStatus agent(JsonNode o, String path) {
        object(o, path);
        JsonNode lost = o.get("lost_at");
        Long lostAt = lost == null || lost.isNull() ? null : optionalInstant(o, "lost_at", path);
        return new AgentStatus(
                text(o, "id", path),
                o.path("state").asText(""),
                (int) whole(o, "users", path),
                o.path("rps").asDouble(0),
                -1,
                -1,
                0,
                lostAt);
    }

    private HistoryPoint point(JsonNode o, String path) {
        object(o, path);
        return new HistoryPoint(
                Math.round(number(o, "elapsed_s", path) * 1000),
                (int) o.path("users").asLong(0),
                optional(o, "rps"),
                optional(o, "failures_per_s"),
                optional(o, "p50_ms"),
                optional(o, "p95_ms"),
                optional(o, "p99_ms"),
                o.path("dropped").asLong(0));
    }

    private static void object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new Bad(path + ": expected an object");
        }
    }

    private static JsonNode required(JsonNode o, String field, String path) {
        JsonNode v = o.get(field);
        if (v == null) {
            throw new Bad(path + "." + field + " is missing");
        }
        return v;
    }

    private static JsonNode array(JsonNode o, String field, String path, boolean needed) {
        JsonNode v = o.get(field);
        if (v == null && !needed) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (v == null || !v.isArray()) {
            throw new Bad(path + "." + field + ": expected an array");
        }
        return v;
    }

    private static String text(JsonNode o, String field, String path) {
        JsonNode v = required(o, field, path);
        if (!v.isTextual()) {
            throw new Bad(path + "." + field + ": expected a string");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field, String path) {
        JsonNode v = required(o, field, path);
        if (v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new Bad(path + "." + field + ": expected a number");
        }
        return v.asDouble();
    }

    private static long whole(JsonNode o, String field, String path) {
        JsonNode v = required(o, field, path);
        if (!v.isIntegralNumber()) {
            throw new Bad(path + "." + field + ": expected a whole number");
        }
        return v.asLong();
    }

    private static double optional(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static Instant instant(JsonNode o, String field, String path) {
        String text = text(o, field, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Bad(
                    path + "." + field + ": '" + text + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static long optionalInstant(JsonNode o, String field, String path) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        return instant(o, field, path).toEpochMilli();
    }

    /** A problem in the document; becomes an IOException naming the source. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }
}
