package dev.throng.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreDirTest {
    @TempDir
    Path dir;

    @Test
    void initWritesTheControllerAndAgentKeysAndTheAllowList() throws IOException {
        var written = KeyStoreDir.init(dir.resolve("keys"), 2);
        Path keys = dir.resolve("keys");
        assertThat(written.files())
                .containsExactly(
                        keys.resolve("controller.key"),
                        keys.resolve("controller.pub"),
                        keys.resolve("agents/agent-1.key"),
                        keys.resolve("agents/agent-1.pub"),
                        keys.resolve("authorized/agent-1.pub"),
                        keys.resolve("agents/agent-2.key"),
                        keys.resolve("agents/agent-2.pub"),
                        keys.resolve("authorized/agent-2.pub"));
        var controller = KeyStoreDir.readControllerKeys(keys);
        assertThat(controller.keys().publicKey()).isEqualTo(written.controllerPublicKey());
        assertThat(CurveKeys.readPublic(keys.resolve("controller.pub"))).isEqualTo(written.controllerPublicKey());
        String agent1 = CurveKeys.readPublic(keys.resolve("agents/agent-1.pub"));
        String agent2 = CurveKeys.readSecret(keys.resolve("agents/agent-2.key")).publicKey();
        assertThat(controller.allowList().publicKeys()).containsExactlyInAnyOrder(agent1, agent2);
        assertThat(agent1).isNotEqualTo(agent2).isNotEqualTo(written.controllerPublicKey());
        assertThat(written.describe())
                .contains("controller.pub", "authorized/", "agents/agent-2.key", written.controllerPublicKey())
                .doesNotContain(controller.keys().secretKey());
    }

    @Test
    void secretFilesAreReadableByTheirOwnerOnly() throws IOException {
        KeyStoreDir.init(dir, 1);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("controller.key"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agents/agent-1.key"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void initRefusesToOverwriteKeys() throws IOException {
        KeyStoreDir.init(dir, 1);
        String before = Files.readString(dir.resolve("controller.key"));
        assertThatThrownBy(() -> KeyStoreDir.init(dir, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("controller.key already exists")
                .hasMessageContaining("never overwritten");
        assertThat(Files.readString(dir.resolve("controller.key"))).isEqualTo(before);
        assertThat(dir.resolve("agents/agent-3.key")).doesNotExist();
    }

    @Test
    void anAgentFolderNeedsTheControllerKeyAndOneAgentKey() throws IOException {
        var written = KeyStoreDir.init(dir.resolve("all"), 2);
        Path agentDir = dir.resolve("agent");
        Files.createDirectories(agentDir);
        assertThatThrownBy(() -> KeyStoreDir.readAgentKeys(agentDir)).hasMessageContaining("no controller.pub");
        Files.copy(dir.resolve("all/controller.pub"), agentDir.resolve("controller.pub"));
        assertThatThrownBy(() -> KeyStoreDir.readAgentKeys(agentDir)).hasMessageContaining("no agent.key");
        Files.copy(dir.resolve("all/agents/agent-2.key"), agentDir.resolve("agent.key"));
        var agent = KeyStoreDir.readAgentKeys(agentDir);
        assertThat(agent.controllerPublicKey()).isEqualTo(written.controllerPublicKey());
        assertThat(agent.keys().publicKey()).isEqualTo(CurveKeys.readPublic(dir.resolve("all/agents/agent-2.pub")));

        assertThatThrownBy(() -> KeyStoreDir.readAgentKeys(dir.resolve("all")))
                .hasMessageContaining("2 keys in")
                .hasMessageContaining("which one");
    }

    @Test
    void badKeyFilesAreNamed() throws IOException {
        Path file = dir.resolve("broken.key");
        Files.writeString(file, "public-key = \"short\"\n");
        assertThatThrownBy(() -> CurveKeys.readSecret(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("public-key is not a 40-character Z85 CURVE key");
        Files.writeString(file, "# nothing\n");
        assertThatThrownBy(() -> CurveKeys.readPublic(file)).hasMessageContaining("no public-key line");
    }

    @Test
    void generatedKeysAreZ85AndTheSecretIsNeverPrinted() {
        CurveKeyPair pair = CurveKeys.generate();
        assertThat(CurveKeys.isKey(pair.publicKey())).isTrue();
        assertThat(CurveKeys.isKey(pair.secretKey())).isTrue();
        assertThat(pair.toString()).contains(pair.publicKey()).doesNotContain(pair.secretKey());
        assertThat(CurveKeys.decode(pair.publicKey())).hasSize(32);
    }
}
