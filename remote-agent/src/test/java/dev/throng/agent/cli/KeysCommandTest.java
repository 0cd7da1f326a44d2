package dev.throng.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.transport.KeyStoreDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void initWritesTheControllerAndAgentKeysAndTheAllowList() throws Exception {
        Path keys = dir.resolve("keys");
        assertThat(execute("keys", "init", keys.toString(), "--agents", "2"))
                .as(err.toString())
                .isZero();
        assertThat(keys.resolve("controller.key")).exists();
        assertThat(keys.resolve("authorized/agent-2.pub")).exists();
        var controller = KeyStoreDir.readControllerKeys(keys);
        assertThat(controller.allowList().publicKeys().size()).isEqualTo(2);
        assertThat(out.toString()).contains("Controller public key", "agent.key");
    }

    @Test
    void initNeverOverwritesKeys() {
        Path keys = dir.resolve("keys");
        assertThat(execute("keys", "init", keys.toString())).isZero();
        assertThat(execute("keys", "init", keys.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void distributedFlagsNeedKeysOrInsecure() {
        assertThat(execute("run", "x.throng.json", "--agents", "2")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(execute("agent", "--controller", "tcp://127.0.0.1:5557")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--keys DIR", "--insecure");
    }
}
