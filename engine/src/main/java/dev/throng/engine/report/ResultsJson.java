package dev.throng.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.PhaseStats;
import dev.throng.engine.stats.RowStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a run's results as the {@value #FORMAT} JSON document that other tools rely on (shared/DESIGN.md,
 * "Contracts"), and reads such documents back (for saved runs and {@code throng compare}).
 *
 * <p>The contract's fields: {@code format, project, started, duration_s, totals{requests, failures, rps, p50_ms,
 * p95_ms, p99_ms, max_ms}, requests[{name, method, requests, failures, rps, p50_ms, p95_ms, p99_ms, max_ms}],
 * failures[{name, method, kind, message, count}], thresholds[{rule, passed, value}], agents[{id, users, requests,
 * lost_at}]}. Added (never renamed): {@code passed, stop_reason{kind, detail}, warnings}, per row {@code bytes,
 * error_rate, p90_ms, p999_ms, mean_ms, corrected{...}, phases{connect, tls, first_byte}}, {@code groups[]} (the
 * transactions, kept out of {@code requests} so that summing {@code requests} counts requests), per failure {@code
 * first_seen, last_seen, example}, per threshold {@code abort, note}, per agent {@code state, rps}, {@code
 * history[{elapsed_s, users, rps, failures_per_s, p50_ms, p95_ms, p99_ms, dropped}]} and {@code histograms{label:
 * base64}} (HdrHistogram compressed, µs), and for a capacity search {@code capacity{...}} (see {@code CapacityJson}). Times are ISO-8601 instants; a value that was not measured is {@code null}
 * (so is an agent's {@code requests} when the run had several agents: the run result does not keep them yet).
 *
 * <p>Stateless; any thread.
 */
public final class ResultsJson {
    /** The format tag, first field of every document. */
    public static final String FORMAT = "throng-results/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {}

    /** The document, pretty-printed, ending with a newline. */
    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(tree(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the results as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the document to {@code file} (UTF-8), replacing it atomically where the file system allows. */
    public static void write(RunResult result, Path file) throws IOException {
        ReportFiles.write(file, toJson(result));
    }

    /**
     * Reads a document written by {@link #write}.
     *
     * @throws IOException when the file cannot be read or is not a {@value #FORMAT} document; the message names the
     *     file and what is wrong
     */
    public static RunResult read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read the results file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a document from text.
     *
     * @param source what to call the text in messages (usually the file name)
     * @throws IOException when it is not a {@value #FORMAT} document
     */
    public static RunResult parse(String json, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException(
                    source + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        return new ResultsReader(source).read(root);
    }

    static ObjectNode tree(RunResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("project", r.projectName());
        root.put("started", r.started().toString());
        root.put("duration_s", round(r.durationMillis() / 1000.0));
        root.put("passed", r.passed());
        ObjectNode reason = root.putObject("stop_reason");
        reason.put("kind", StopReasons.kind(r.reason()));
        reason.put("detail", StopReasons.detail(r.reason()));
        ObjectNode totals = root.putObject("totals");
        row(totals, r.finalStats().cumulativeTotal(), false);
        ArrayNode requests = root.putArray("requests");
        ArrayNode groups = root.putArray("groups");
        for (RowStats row : r.finalStats().cumulative()) {
            row(row.method().isEmpty() ? groups.addObject() : requests.addObject(), row, true);
        }
        ArrayNode failures = root.putArray("failures");
        for (FailureStats f : r.finalStats().failures()) {
            ObjectNode o = failures.addObject();
            o.put("name", f.name());
            o.put("method", f.method());
            o.put("kind", f.kind());
            o.put("message", f.message());
            o.put("count", f.count());
            o.put("first_seen", Instant.ofEpochMilli(f.firstSeenMillis()).toString());
            o.put("last_seen", Instant.ofEpochMilli(f.lastSeenMillis()).toString());
            o.put("example", f.example());
        }
        ArrayNode thresholds = root.putArray("thresholds");
        for (ThresholdResult t : r.thresholds()) {
            ObjectNode o = thresholds.addObject();
            o.put("rule", t.threshold().rule());
            o.put("passed", t.passed());
            number(o, "value", t.value());
            o.put("abort", t.threshold().abortOnFail());
            o.put("note", ThresholdNotes.note(t));
        }
        ArrayNode agents = root.putArray("agents");
        for (AgentStatus a : r.agents()) {
            ObjectNode o = agents.addObject();
            o.put("id", a.id());
            o.put("users", a.users());
            // The run result keeps no per-agent request counts; with a single agent (a local run) they are the total.
            if (r.agents().size() == 1) {
                o.put("requests", r.finalStats().cumulativeTotal().requests());
            } else {
                o.putNull("requests");
            }
            if (a.lostAtMillis() == null) {
                o.putNull("lost_at");
            } else {
                o.put("lost_at", Instant.ofEpochMilli(a.lostAtMillis()).toString());
            }
            o.put("state", a.state());
            number(o, "rps", a.rps());
        }
        ArrayNode warnings = root.putArray("warnings");
        r.finalStats().warnings().forEach(warnings::add);
        ArrayNode history = root.putArray("history");
        for (HistoryPoint p : r.history()) {
            ObjectNode o = history.addObject();
            o.put("elapsed_s", round(p.elapsedMillis() / 1000.0));
            o.put("users", p.users());
            number(o, "rps", p.rps());
            number(o, "failures_per_s", p.failuresPerSecond());
            number(o, "p50_ms", p.p50Ms());
            number(o, "p95_ms", p.p95Ms());
            number(o, "p99_ms", p.p99Ms());
            o.put("dropped", p.dropped());
        }
        if (r.capacity() != null) {
            CapacityJson.write(root.putObject("capacity"), r.capacity());
        }
        ObjectNode histograms = root.putObject("histograms");
        r.histograms().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> histograms.put(e.getKey(), e.getValue()));
        return root;
    }

    private static void row(ObjectNode o, RowStats row, boolean named) {
        if (named) {
            o.put("name", row.name());
            o.put("method", row.method());
        }
        o.put("requests", row.requests());
        o.put("failures", row.failures());
        number(o, "rps", row.rps());
        latency(o, row.latency());
        o.put("bytes", row.bytes());
        o.put("error_rate", Math.round(row.errorRate() * 1e6) / 1e6);
        if (row.corrected() != null) {
            latency(o.putObject("corrected"), row.corrected());
        }
        PhaseStats phases = row.phases();
        if (!phases.equals(PhaseStats.EMPTY)) {
            ObjectNode p = o.putObject("phases");
            phase(p.putObject("connect"), phases.connects(), phases.connect());
            phase(p.putObject("tls"), phases.tlsHandshakes(), phases.tls());
            phase(p.putObject("first_byte"), phases.firstBytes(), phases.firstByte());
        }
    }

    private static void phase(ObjectNode o, long count, LatencySummary latency) {
        o.put("count", count);
        latency(o, latency);
    }

    /** The contract's four latency fields first, then the added ones. */
    private static void latency(ObjectNode o, LatencySummary l) {
        number(o, "p50_ms", l.p50Ms());
        number(o, "p95_ms", l.p95Ms());
        number(o, "p99_ms", l.p99Ms());
        number(o, "max_ms", l.maxMs());
        number(o, "p90_ms", l.p90Ms());
        number(o, "p999_ms", l.p999Ms());
        number(o, "mean_ms", l.meanMs());
    }

    private static void number(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, round(value));
        } else {
            o.putNull(field);
        }
    }

    /** Three decimals: microseconds for milliseconds, thousandths for rates. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Used by the HTML report to embed the document. */
    static String compact(RunResult result) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the results as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
