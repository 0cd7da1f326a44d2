package dev.throng.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.run.RunResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real {@code throng run} process: it stops, writes what it has, and exits with 130. */
class InterruptIT {

    @Test
    void ctrlCKeepsTheResultsAndExits130(@TempDir Path dir) throws Exception {
        try (DemoShop shop = DemoShop.start("127.0.0.1", 0)) {
            Files.createDirectories(dir.resolve("data"));
            Files.copy(Path.of("../samples/shop.throng.json"), dir.resolve("shop.throng.json"));
            Files.copy(Path.of("../samples/data/accounts.csv"), dir.resolve("data/accounts.csv"));
            Path json = dir.resolve("out.json");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process run = new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "run",
                            dir.resolve("shop.throng.json").toString(),
                            "--host",
                            shop.baseUri().toString(),
                            "--users",
                            "4",
                            "--duration",
                            "2m",
                            "--json",
                            json.toString(),
                            "--no-history")
                    .redirectErrorStream(true)
                    .start();
            try {
                var lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
                // Wait until requests have been served, then press Ctrl-C.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (shop.counters().total() < 10 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(shop.counters().total()).isGreaterThanOrEqualTo(10);
                Assumptions.assumeFalse(
                        ignoresSigint(run.pid()),
                        "this test's process tree ignores SIGINT (started as a background job without job control),"
                                + " so Ctrl-C cannot be simulated here");
                new ProcessBuilder("kill", "-INT", Long.toString(run.pid()))
                        .start()
                        .waitFor();
                assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
                List<String> output = lines.lines().toList();
                assertThat(run.exitValue()).as(String.join("\n", output)).isEqualTo(ExitCodes.INTERRUPTED);
                assertThat(output).anySatisfy(l -> assertThat(l).startsWith("Result: interrupted"));
                RunResult result = ResultsJson.read(json);
                assertThat(result.finalStats().cumulativeTotal().requests()).isPositive();
                assertThat(result.durationMillis()).isLessThan(TimeUnit.MINUTES.toMillis(2));
            } finally {
                run.destroyForcibly();
            }
        }
    }

    /** Whether the process inherited "ignore SIGINT" (bit 2 of SigIgn in /proc/PID/status). */
    private static boolean ignoresSigint(long pid) throws java.io.IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).strip(), 16);
                return (mask & 0x2) != 0;
            }
        }
        return false;
    }
}
