package dev.throng.agent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.cluster.ClusterOptions;
import dev.throng.engine.cluster.Controller;
import dev.throng.engine.project.io.ProjectFiles;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.transport.CurveKeys;
import dev.throng.engine.transport.KeyStoreDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CURVE on loopback: an agent whose key is not in the controller's allow-list, and an agent that pins another
 * controller's key, are both kept out with messages that say what to check; the controller names the refused key and
 * says which agents are missing.
 */
class RefusedKeysIT {
    @TempDir
    Path dir;

    @Test
    void unknownAgentKeyAndWrongControllerKeyAreRefused() throws Exception {
        Path project = FarmFixture.sampleProject(dir.resolve("project"));
        Path ours = dir.resolve("ours");
        Path theirs = dir.resolve("theirs");
        KeyStoreDir.init(ours, 1);
        KeyStoreDir.init(theirs, 1);
        // A stranger: our controller's public key, but a key pair we never admitted.
        Path stranger = FarmFixture.agentFolder(
                ours.resolve(KeyStoreDir.CONTROLLER_PUB),
                theirs.resolve("agents/agent-1.key"),
                dir.resolve("stranger"));
        // Misled: an admitted key pair, but pinning another controller's public key.
        Path misled = FarmFixture.agentFolder(
                theirs.resolve(KeyStoreDir.CONTROLLER_PUB), ours.resolve("agents/agent-1.key"), dir.resolve("misled"));
        String strangerKey = KeyStoreDir.readAgentKeys(stranger).keys().publicKey();

        List<String> controllerLog = Collections.synchronizedList(new ArrayList<>());
        var controller = Controller.bind(
                new ClusterOptions("tcp://127.0.0.1:*", ours, 1, Duration.ofSeconds(8), controllerLog::add));
        var strangerOut = new ByteArrayOutputStream();
        var misledOut = new ByteArrayOutputStream();
        var strangerSession = session(controller.endpoint(), stranger, "stranger", strangerOut);
        var misledSession = session(controller.endpoint(), misled, "misled", misledOut);
        Thread a = Thread.ofPlatform().start(() -> runQuietly(strangerSession));
        Thread b = Thread.ofPlatform().start(() -> runQuietly(misledSession));
        try {
            assertThatThrownBy(() -> controller.start(
                            ProjectFiles.read(project).project(), RunOptions.of(project.getParent()), Overrides.NONE))
                    .isInstanceOf(RunStartException.class)
                    .hasMessageContaining("0 of 1 agent joined within 8 s")
                    .hasMessageContaining("1 missing")
                    .hasMessageContaining("Refused: agent key " + strangerKey);
        } finally {
            strangerSession.close();
            misledSession.close();
            a.join(Duration.ofSeconds(20));
            b.join(Duration.ofSeconds(20));
        }
        assertThat(controllerLog)
                .anySatisfy(line -> assertThat(line)
                        .contains("refused agent key " + strangerKey)
                        .contains("not in the allow-list"));
        assertThat(strangerOut.toString(StandardCharsets.UTF_8))
                .contains("ERROR: the controller at " + controller.endpoint() + " did not answer")
                .contains("is this agent's public key (" + strangerKey + ") in its allow-list");
        assertThat(misledOut.toString(StandardCharsets.UTF_8))
                .contains("ERROR: the controller at " + controller.endpoint() + " did not answer")
                .contains("is the controller key this agent pins ("
                        + CurveKeys.abbreviate(KeyStoreDir.readAgentKeys(misled).controllerPublicKey()));
        assertThat(controllerLog).noneSatisfy(line -> assertThat(line).contains("joined"));
    }

    private AgentSession session(String endpoint, Path keys, String id, ByteArrayOutputStream out) {
        return new AgentSession(
                new AgentSession.Options(endpoint, keys, id, dir.resolve("work-" + id), Map.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static void runQuietly(AgentSession session) {
        try {
            session.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
