package dev.throng.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.stats.HistogramCodec;
import dev.throng.engine.stats.RowStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
    private final RunResult result = SampleResults.run(1.0, 20);

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theDocumentHasEveryFieldOfTheContract() throws IOException {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.toJson(result));

        assertThat(fields(root))
                .startsWith("format", "project", "started", "duration_s")
                .contains("totals", "requests", "failures", "thresholds", "agents");
        assertThat(root.get("format").asText()).isEqualTo("throng-results/1");
        assertThat(root.get("project").asText()).isEqualTo("Demo <shop> & co");
        assertThat(root.get("started").asText()).isEqualTo("2026-11-29T14:00:00Z");
        assertThat(root.get("duration_s").asDouble()).isEqualTo(10.0);
        assertThat(fields(root.get("totals")))
                .contains("requests", "failures", "rps", "p50_ms", "p95_ms", "p99_ms", "max_ms");
        assertThat(root.get("totals").get("requests").asLong()).isEqualTo(2350);
        assertThat(root.get("requests")).hasSize(4);
        for (JsonNode row : root.get("requests")) {
            assertThat(fields(row))
                    .contains("name", "method", "requests", "failures", "rps", "p50_ms", "p95_ms", "p99_ms", "max_ms");
            assertThat(row.get("method").asText()).isNotEmpty();
        }
        assertThat(root.get("groups"))
                .singleElement()
                .satisfies(g -> assertThat(g.get("name").asText()).isEqualTo("checkout"));
        for (JsonNode f : root.get("failures")) {
            assertThat(fields(f)).contains("name", "method", "kind", "message", "count");
        }
        assertThat(root.get("failures").get(0).get("count").asLong()).isEqualTo(20);
        for (JsonNode t : root.get("thresholds")) {
            assertThat(fields(t)).contains("rule", "passed", "value");
        }
        JsonNode typo = root.get("thresholds").get(2);
        assertThat(typo.get("passed").asBoolean()).isFalse();
        assertThat(typo.get("value").isNull()).isTrue();
        assertThat(typo.get("note").asText()).contains("/prodcut");
        for (JsonNode a : root.get("agents")) {
            assertThat(fields(a)).contains("id", "users", "requests", "lost_at");
        }
        assertThat(root.get("agents").get(0).get("lost_at").isNull()).isTrue();
        assertThat(root.get("agents").get(1).get("lost_at").asText()).isEqualTo("2027-01-15T08:00:05Z");
        assertThat(root.get("history")).hasSize(10);
        assertThat(fields(root.get("histograms"))).contains("GET /", "GET /product/{id}", "Total");
    }

    @Test
    void totalsCountRequestsAndNotGroups() throws IOException {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.toJson(result));

        long sum = 0;
        for (JsonNode row : root.get("requests")) {
            sum += row.get("requests").asLong();
        }
        assertThat(sum).isEqualTo(root.get("totals").get("requests").asLong());
    }

    @Test
    void whatIsWrittenReadsBackToTheSameFigures(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/results.json");
        ResultsJson.write(result, file);

        RunResult back = ResultsJson.read(file);

        assertThat(back.projectName()).isEqualTo(result.projectName());
        assertThat(back.started()).isEqualTo(result.started());
        assertThat(back.durationMillis()).isEqualTo(10_000);
        assertThat(back.reason()).isEqualTo(result.reason());
        assertThat(back.finalStats().cumulative())
                .hasSameSizeAs(result.finalStats().cumulative());
        for (int i = 0; i < back.finalStats().cumulative().size(); i++) {
            RowStats a = result.finalStats().cumulative().get(i);
            RowStats b = back.finalStats().cumulative().get(i);
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(b.requests()).isEqualTo(a.requests());
            assertThat(b.failures()).isEqualTo(a.failures());
            assertThat(b.bytes()).isEqualTo(a.bytes());
            assertThat(b.latency().p95Ms())
                    .isEqualTo(ResultsJson.round(a.latency().p95Ms()));
            assertThat(b.phases().connects()).isEqualTo(a.phases().connects());
        }
        assertThat(back.finalStats().cumulativeTotal().requests()).isEqualTo(2350);
        assertThat(back.finalStats().failures()).isEqualTo(result.finalStats().failures());
        assertThat(back.thresholds()).hasSize(4);
        assertThat(back.thresholds().get(1).threshold())
                .isEqualTo(result.thresholds().get(1).threshold());
        assertThat(back.thresholds().get(2).value()).isNaN();
        assertThat(back.passed()).isEqualTo(result.passed());
        assertThat(back.history()).hasSize(10);
        assertThat(back.agents().get(1).lostAtMillis()).isEqualTo(1_800_000_005_000L);
        assertThat(back.histograms()).isEqualTo(result.histograms());
        assertThat(HistogramCodec.decode(back.histograms().get("Total")).getTotalCount())
                .isEqualTo(2350);
    }

    @Test
    void aCapacitySearchWritesItsSectionAndReadsItBack(@TempDir Path dir) throws IOException {
        RunResult capacity = SampleResults.capacity();
        Path file = dir.resolve("capacity.json");
        ResultsJson.write(capacity, file);

        JsonNode c = new ObjectMapper().readTree(Files.readString(file)).get("capacity");
        assertThat(fields(c))
                .containsExactly(
                        "model",
                        "objective",
                        "max_load",
                        "requests_per_second_at_max",
                        "broken_rule",
                        "first_degraded_names",
                        "reached_upper_bound",
                        "finished",
                        "steps");
        assertThat(c.get("model").asText()).isEqualTo("users");
        assertThat(c.get("max_load").asDouble()).isEqualTo(190.0);
        assertThat(fields(c.get("steps").get(1)))
                .containsExactly(
                        "index",
                        "load",
                        "narrowing",
                        "start_ms",
                        "end_ms",
                        "requests",
                        "rps",
                        "p50_ms",
                        "p95_ms",
                        "p99_ms",
                        "error_rate",
                        "passed",
                        "broken_rules",
                        "degraded_names");
        assertThat(ResultsJson.read(file).capacity()).isEqualTo(capacity.capacity());
        assertThat(new ObjectMapper().readTree(ResultsJson.toJson(result)).has("capacity"))
                .as("absent unless a capacity search")
                .isFalse();
        assertThat(ResultsJson.read(dir.resolve("capacity.json")).capacity().answer())
                .isEqualTo("carries 190 users (196 req/s); p95<100ms broke first at 200 users; first degraded: GET "
                        + SampleResults.NASTY + ", GET /");
    }

    @Test
    void aFileOfAnotherFormatIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"format\": \"throng-project/1\"}");
        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("other.json")
                .hasMessageContaining("throng-results/1");

        Files.writeString(file, "{\"format\": \"throng-results/1\", \"project\": 3}");
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("$.project");

        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("not valid JSON");
    }
}
