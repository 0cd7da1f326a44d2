package dev.throng.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.transport.KeyStoreDir;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest extends CliTest {
    @TempDir
    Path dir;

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
