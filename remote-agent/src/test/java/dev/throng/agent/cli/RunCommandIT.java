package dev.throng.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code throng run} against a real demo shop on loopback: what it reports was really served. */
class RunCommandIT extends ShopCliTest {
    @Test
    void reportedRequestsEqualWhatTheShopServed() throws Exception {
        Path json = dir.resolve("out.json");
        Path html = dir.resolve("report.html");
        Path junit = dir.resolve("junit.xml");
        int code = runOnShop(
                "--users",
                "8",
                "--spawn-rate",
                "8",
                "--duration",
                "4s",
                "--seed",
                "7",
                "--json",
                json.toString(),
                "--report",
                html.toString(),
                "--junit",
                junit.toString(),
                "--csv",
                dir.resolve("shop").toString());

        assertThat(code).as(out + "\n" + err).isZero();
        RunResult result = ResultsJson.read(json);
        long reported = result.finalStats().cumulativeTotal().requests();
        assertThat(reported).isPositive();
        assertThat(reported).isEqualTo(shop.counters().total());
        assertThat(result.finalStats().cumulative())
                .anySatisfy(row -> assertThat(row.name()).isEqualTo("/product/{id}"));
        long productRequests = result.finalStats().cumulative().stream()
                .filter(r -> r.name().equals("/product/{id}"))
                .mapToLong(r -> r.requests())
                .sum();
        assertThat(productRequests).isEqualTo(shop.counters().count("GET /product/{id}"));

        String text = out.toString();
        assertThat(text).contains("Name", "Requests", "Median", "p95", "p99", "Max", "Req/s", "Total");
        assertThat(text).contains("Result: PASSED");
        assertThat(Files.readString(html)).contains("<html").contains("uPlot");
        assertThat(Files.readString(junit)).contains("<testsuite");
        assertThat(dir.resolve("shop_stats.csv")).exists();
        assertThat(dir.resolve("shop.runs")).isDirectory();
    }

    @Test
    void brokenThresholdExitsOne() {
        int code = runOnShop("--users", "2", "--duration", "2s", "--threshold", "rps>100000", "--no-history");
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(out.toString()).contains("FAIL  rps>100000");
    }

    @Test
    void unreachableHostStillEndsWithFailuresCounted() {
        int code = execute(
                "run",
                project.toString(),
                "--host",
                "http://127.0.0.1:1",
                "--users",
                "2",
                "--duration",
                "2s",
                "--no-history");
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(out.toString()).contains("connection-refused");
    }
}
