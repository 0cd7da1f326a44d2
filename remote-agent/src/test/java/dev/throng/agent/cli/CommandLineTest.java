package dev.throng.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to bad input: one clear line, the usage, exit code 2; never a stack trace. */
class CommandLineTest extends CliTest {

    @Test
    void unknownCommandIsOneLineAndUsage() {
        assertThat(execute("frobnicate")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("throng: unknown command or argument 'frobnicate'");
        assertThat(err.toString()).contains("Usage: throng").doesNotContain("Exception");
    }

    @Test
    void unknownOptionOfRunIsNamed() {
        assertThat(execute("run", "x.throng.json", "--userz", "3")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("throng: unknown option '--userz'");
    }

    @Test
    void badDurationNamesTheValue() {
        assertThat(execute("run", "x.throng.json", "--duration", "ten")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("'ten' is not a duration");
    }

    @Test
    void versionAndHelp() {
        assertThat(execute("--version")).isZero();
        assertThat(out.toString()).startsWith("throng ");
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("run", "validate", "compare", "demo-target");
    }

    @Test
    void validateListsEveryProblemWithItsLocation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.throng.json");
        Files.writeString(file, """
                {
                  "format": "throng-project/1",
                  "name": "bad",
                  "profiles": [{"name": "a", "weigth": 1, "mainFlow": "f"}],
                  "flows": [{"id": "f", "steps": [], "edges": [{"from": "start", "to": "nowhere", "weight": 1}]}]
                }
                """);
        assertThat(execute("validate", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        String text = out.toString();
        assertThat(text).contains("bad.throng.json:4:");
        assertThat(text).contains("weigth").contains("weight");
        assertThat(text).doesNotContain("Exception");
    }

    @Test
    void validatePassesTheSamples() {
        Path samples = Path.of(System.getProperty("throng.samples", "../samples"));
        for (String name : new String[] {"shop", "api-smoke", "open-model", "journey"}) {
            assertThat(execute(
                            "validate", samples.resolve(name + ".throng.json").toString()))
                    .as(name + ": " + out)
                    .isZero();
        }
    }

    @Test
    void runRefusesAnInvalidProjectWithoutStarting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.throng.json");
        Files.writeString(file, "");
        assertThat(execute("run", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("empty.throng.json:1:1").contains("nothing was run");
    }

    @Test
    void runRefusesABadThreshold() {
        assertThat(execute("run", "../samples/shop.throng.json", "--threshold", "p95<fast"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--threshold").contains("p95<300ms");
    }
}
