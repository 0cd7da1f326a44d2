package dev.throng.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.Version;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.protocol.PlanParameters;
import dev.throng.engine.protocol.SampleMessages;
import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real controller and real agents over CURVE on loopback. */
class ControllerAgentIT {
    @TempDir
    Path dir;

    private KeyStoreDir.ControllerKeys controllerKeys;
    private CurveKeyPair agent1;

    private final Events<ControllerEvent> controllerEvents = new Events<>();
    private final Events<AgentEvent> agentEvents = new Events<>();

    @BeforeEach
    void makeKeys() throws IOException {
        KeyStoreDir.init(dir, 2);
        controllerKeys = KeyStoreDir.readControllerKeys(dir);
        agent1 = CurveKeys.readSecret(dir.resolve("agents/agent-1.key"));
    }

    private ControllerEndpoint secureController() throws IOException {
        return ControllerEndpoint.bind(
                Farm.controller(), controllerKeys.keys(), controllerKeys.allowList(), controllerEvents);
    }

    @Test
    void anAllowListedAgentIsWelcomedAndItsHeartbeatsAreSeen() throws Exception {
        try (var controller = secureController();
                var agent = AgentConnection.connect(
                        Farm.agent(controller.endpoint(), "agent-1"),
                        agent1,
                        controllerKeys.keys().publicKey(),
                        agentEvents)) {
            assertThat(controller.isSecure()).isTrue();
            assertThat(controller.endpoint()).startsWith("tcp://127.0.0.1:").doesNotEndWith(":*");
            assertThat(agentEvents.await(AgentEvent.Welcomed.class).controllerId())
                    .isEqualTo("controller-under-test");
            var joined = controllerEvents.await(ControllerEvent.AgentJoined.class);
            assertThat(joined.hello()).isEqualTo(Farm.hello("agent-1"));
            assertThat(agent.isJoined()).isTrue();

            agent.setState(PeerState.RUNNING);
            awaitTrue(() -> controller.agents().get("agent-1").state() == PeerState.RUNNING);
        }
    }

    @Test
    void anUnknownAgentKeyIsRefusedAndBothSidesSaySo() throws Exception {
        CurveKeyPair stranger = CurveKeys.generate();
        try (var controller = secureController();
                var agent = AgentConnection.connect(
                        Farm.agent(controller.endpoint(), "stranger"),
                        stranger,
                        controllerKeys.keys().publicKey(),
                        agentEvents)) {
            var refused = controllerEvents.await(ControllerEvent.AgentRefused.class);
            assertThat(refused.who()).contains(stranger.publicKey());
            assertThat(refused.reason()).contains("allow-list");

            var unanswered = agentEvents.await(AgentEvent.Unanswered.class);
            assertThat(unanswered.message())
                    .contains(controller.endpoint(), "did not answer", stranger.publicKey(), "allow-list");
            assertThat(agent.isJoined()).isFalse();
            assertThat(controllerEvents.any(ControllerEvent.AgentJoined.class)).isFalse();
        }
    }

    @Test
    void anAgentPinningTheWrongControllerKeyIsNotAdmitted() throws Exception {
        try (var controller = secureController();
                var agent = AgentConnection.connect(
                        Farm.agent(controller.endpoint(), "agent-1"),
                        agent1,
                        CurveKeys.generate().publicKey(),
                        agentEvents)) {
            assertThat(agentEvents.await(AgentEvent.Unanswered.class).message())
                    .contains("did not answer", "controller.pub");
            assertThat(agent.isJoined()).isFalse();
            assertThat(controllerEvents.any(ControllerEvent.AgentJoined.class)).isFalse();
        }
    }

    @Test
    void plainTextWorksOnlyWhenBothSidesAskForIt() throws Exception {
        try (var insecure = ControllerEndpoint.bindInsecure(Farm.controller(), controllerEvents);
                var _ = AgentConnection.connectInsecure(Farm.agent(insecure.endpoint(), "plain"), agentEvents)) {
            assertThat(insecure.isSecure()).isFalse();
            agentEvents.await(AgentEvent.Welcomed.class);
            controllerEvents.await(
                    ControllerEvent.AgentJoined.class, j -> j.agentId().equals("plain"));
        }

        var plainAgentEvents = new Events<AgentEvent>();
        try (var secure = secureController();
                var plainAgent =
                        AgentConnection.connectInsecure(Farm.agent(secure.endpoint(), "plain"), plainAgentEvents)) {
            assertThat(plainAgentEvents.await(AgentEvent.Unanswered.class).message())
                    .contains("insecure mode");
            assertThat(plainAgent.isJoined()).isFalse();
        }

        var curveAgentEvents = new Events<AgentEvent>();
        var insecureEvents = new Events<ControllerEvent>();
        try (var insecure = ControllerEndpoint.bindInsecure(Farm.controller(), insecureEvents);
                var curveAgent = AgentConnection.connect(
                        Farm.agent(insecure.endpoint(), "agent-1"),
                        agent1,
                        controllerKeys.keys().publicKey(),
                        curveAgentEvents)) {
            curveAgentEvents.await(AgentEvent.Unanswered.class);
            assertThat(curveAgent.isJoined()).isFalse();
            assertThat(insecureEvents.any(ControllerEvent.AgentJoined.class)).isFalse();
        }
    }

    @Test
    void aVersionMismatchIsRefusedNamingBothVersions() throws Exception {
        var oldHello =
                new Message.Hello("old-agent", Message.PROTOCOL_VERSION + 1, "9.9.9", 2, 1L << 30, 1024, "old-host");
        try (var controller = secureController();
                var agent = AgentConnection.connect(
                        Farm.agent(controller.endpoint(), "old-agent").withHello(oldHello),
                        agent1,
                        controllerKeys.keys().publicKey(),
                        agentEvents)) {
            String reason = agentEvents.await(AgentEvent.Refused.class).reason();
            assertThat(reason)
                    .contains("old-agent")
                    .contains("Throng 9.9.9, protocol " + (Message.PROTOCOL_VERSION + 1))
                    .contains("Throng " + Version.THRONG + ", protocol " + Message.PROTOCOL_VERSION);
            assertThat(controllerEvents
                            .await(ControllerEvent.AgentRefused.class)
                            .reason())
                    .isEqualTo(reason);
            assertThat(agent.isJoined()).isFalse();
        }
    }

    @Test
    void everyMessageAnEndpointForwardsCrossesTheWire() throws Exception {
        try (var controller = secureController();
                var agent = AgentConnection.connect(
                        Farm.agent(controller.endpoint(), "agent-1"),
                        agent1,
                        controllerKeys.keys().publicKey(),
                        agentEvents)) {
            agentEvents.await(AgentEvent.Welcomed.class);
            controllerEvents.await(ControllerEvent.AgentJoined.class);

            List<Message> toAgent = SampleMessages.all().stream()
                    .filter(m -> m instanceof Message.ProjectShipment
                            || m instanceof Message.Start
                            || m instanceof Message.Change
                            || m instanceof Message.Stop
                            || m instanceof Message.Error)
                    .toList();
            for (Message message : toAgent) {
                assertThat(controller.send("agent-1", message)).isTrue();
            }
            for (Message message : toAgent) {
                assertThat(agentEvents.await(AgentEvent.ControllerMessage.class).message())
                        .isEqualTo(message);
            }

            List<Message> toController = SampleMessages.all().stream()
                    .filter(m -> m instanceof Message.Stats || m instanceof Message.Error)
                    .toList();
            toController.forEach(agent::send);
            for (Message message : toController) {
                var received = controllerEvents.await(ControllerEvent.AgentMessage.class);
                assertThat(received.agentId()).isEqualTo("agent-1");
                assertThat(received.message()).isEqualTo(message);
            }
            assertThat(controller.send("nobody", new Message.Stop("r", true))).isFalse();
        }
    }

    @Test
    void aTenMegabyteShipmentArrivesWhole() throws Exception {
        byte[] data = new byte[10 << 20];
        new Random(5).nextBytes(data);
        var shipment = new Message.ProjectShipment(
                "big-run",
                "{\"format\": \"throng-project/1\"}",
                Map.of("data/big.csv", data),
                SampleMessages.share(),
                PlanParameters.asInProject(3));
        try (var controller = secureController();
                var _ = AgentConnection.connect(
                        Farm.agent(controller.endpoint(), "agent-1"),
                        agent1,
                        controllerKeys.keys().publicKey(),
                        agentEvents)) {
            agentEvents.await(AgentEvent.Welcomed.class);
            controllerEvents.await(ControllerEvent.AgentJoined.class);
            controller.broadcast(shipment);
            assertThat(agentEvents.await(AgentEvent.ControllerMessage.class).message())
                    .isEqualTo(shipment);
        }
    }

    @Test
    void bindAndConnectErrorsNameTheAddress() throws Exception {
        try (var first = secureController()) {
            var taken = Farm.controller();
            var sameAddress = new ControllerConfig(
                    first.endpoint(),
                    taken.controllerId(),
                    taken.clock(),
                    taken.heartbeatInterval(),
                    taken.agentSilenceLimit());
            assertThatThrownBy(() -> ControllerEndpoint.bindInsecure(sameAddress, controllerEvents))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("could not bind the controller to " + first.endpoint())
                    .hasMessageContaining("another controller");
        }
        assertThatThrownBy(() -> AgentConnection.connect(
                        Farm.agent("controller.example:5557", "agent-1"),
                        agent1,
                        controllerKeys.keys().publicKey(),
                        agentEvents))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot connect to controller.example:5557")
                .hasMessageContaining("tcp://HOST:PORT");
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = Clock.system().nanoTime() + Events.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (Clock.system().nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within " + Events.WAIT);
            }
            Clock.system().sleep(5_000_000);
        }
    }
}
