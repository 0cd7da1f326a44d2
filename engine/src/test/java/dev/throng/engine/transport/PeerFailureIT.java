package dev.throng.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.protocol.DecodeResult;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.MessageCodec;
import dev.throng.engine.protocol.PeerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Garbage, silence and departures, with raw ZeroMQ sockets playing the misbehaving peer. */
class PeerFailureIT {
    @TempDir
    Path dir;

    private final Events<ControllerEvent> controllerEvents = new Events<>();
    private final Events<AgentEvent> agentEvents = new Events<>();
    private final ZContext raw = new ZContext();
    private KeyStoreDir.ControllerKeys controllerKeys;

    @BeforeEach
    void makeKeys() throws IOException {
        KeyStoreDir.init(dir, 2);
        controllerKeys = KeyStoreDir.readControllerKeys(dir);
    }

    @AfterEach
    void closeRawSockets() {
        raw.close();
    }

    /** A raw DEALER holding agent-2's keys, so that it passes the CURVE handshake and then misbehaves. */
    private ZMQ.Socket rawAgent(String endpoint) throws IOException {
        CurveKeyPair keys = CurveKeys.readSecret(dir.resolve("agents/agent-2.key"));
        ZMQ.Socket dealer = raw.createSocket(SocketType.DEALER);
        dealer.setLinger(0);
        dealer.setHandshakeIvl(ControllerEndpoint.HANDSHAKE_MILLIS); // see there: JeroMQ's occasional stuck greeting
        dealer.setReceiveTimeOut((int) Events.WAIT.toMillis());
        dealer.setCurvePublicKey(CurveKeys.decode(keys.publicKey()));
        dealer.setCurveSecretKey(CurveKeys.decode(keys.secretKey()));
        dealer.setCurveServerKey(CurveKeys.decode(controllerKeys.keys().publicKey()));
        dealer.connect(endpoint);
        return dealer;
    }

    private static Message receive(ZMQ.Socket socket) {
        byte[] frame = socket.recv(0);
        assertThat(frame).as("a frame within the receive timeout").isNotNull();
        return ((DecodeResult.Decoded) MessageCodec.decode(frame)).message();
    }

    @Test
    void garbageFromAnAgentIsDroppedAndBothSidesKeepWorking() throws Exception {
        // The raw agent sends no heartbeats: a long silence limit keeps it joined through the test.
        var patient = Farm.controller().withTiming(Duration.ofMillis(200), Duration.ofSeconds(60));
        try (var controller = ControllerEndpoint.bind(
                        patient, controllerKeys.keys(), controllerKeys.allowList(), controllerEvents);
                var agent = AgentConnection.connect(
                        Farm.agent(controller.endpoint(), "agent-1"),
                        CurveKeys.readSecret(dir.resolve("agents/agent-1.key")),
                        controllerKeys.keys().publicKey(),
                        agentEvents)) {
            ZMQ.Socket rogue = rawAgent(controller.endpoint());
            rogue.send(MessageCodec.encode(Farm.hello("rogue")), 0);
            assertThat(receive(rogue)).isEqualTo(new Message.Welcome("controller-under-test"));

            rogue.send("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            assertThat(controllerEvents
                            .await(ControllerEvent.FrameDropped.class)
                            .reason())
                    .contains("not a Throng frame");

            byte[] oversized = new byte[MessageCodec.MAX_FRAME_BYTES + 1024];
            System.arraycopy(MessageCodec.encode(new Message.Heartbeat(1, PeerState.IDLE)), 0, oversized, 0, 4);
            rogue.send(oversized, 0);
            assertThat(controllerEvents
                            .await(ControllerEvent.FrameDropped.class)
                            .reason())
                    .contains("exceeds the limit");

            rogue.sendMore(MessageCodec.encode(new Message.Bye("a")));
            rogue.send(MessageCodec.encode(new Message.Bye("b")), 0);
            assertThat(controllerEvents
                            .await(ControllerEvent.FrameDropped.class)
                            .reason())
                    .contains("2 parts");

            rogue.send(MessageCodec.encode(new Message.Start("run", 0)), 0);
            var dropped = controllerEvents.await(ControllerEvent.FrameDropped.class);
            assertThat(dropped.from()).isEqualTo("agent rogue");
            assertThat(dropped.reason()).contains("only a controller sends");

            // The rogue is still joined and heard; the proper agent still works.
            var stats = new Message.Stats("run", 1, 3, 0.1, 1_000, new byte[] {9});
            rogue.send(MessageCodec.encode(stats), 0);
            assertThat(controllerEvents
                            .await(
                                    ControllerEvent.AgentMessage.class,
                                    m -> m.agentId().equals("rogue"))
                            .message())
                    .isEqualTo(stats);
            agentEvents.await(AgentEvent.Welcomed.class);
            agent.send(stats);
            controllerEvents.await(
                    ControllerEvent.AgentMessage.class, m -> m.agentId().equals("agent-1"));
            assertThat(controller.agents()).containsKeys("agent-1", "rogue");
        }
    }

    @Test
    void garbageFromTheControllerIsDroppedAndTheAgentKeepsWorking() throws Exception {
        ZMQ.Socket fakeController = raw.createSocket(SocketType.ROUTER);
        fakeController.setLinger(0);
        fakeController.setHandshakeIvl(ControllerEndpoint.HANDSHAKE_MILLIS);
        fakeController.setReceiveTimeOut((int) Events.WAIT.toMillis());
        fakeController.bind(Farm.ANY_PORT);
        try (var agent =
                AgentConnection.connectInsecure(Farm.agent(fakeController.getLastEndpoint(), "agent-1"), agentEvents)) {
            byte[] route = fakeController.recv(0);
            assertThat(MessageCodec.decode(fakeController.recv(0)))
                    .isEqualTo(new DecodeResult.Decoded(Farm.hello("agent-1")));

            fakeController.sendMore(route);
            fakeController.send(new byte[] {0x54, 2, 0}, 0); // a truncated welcome
            assertThat(agentEvents.await(AgentEvent.FrameDropped.class).reason())
                    .contains("shorter than");
            fakeController.sendMore(route);
            fakeController.send(MessageCodec.encode(new Message.Start("run", 0)), 0);
            assertThat(agentEvents.await(AgentEvent.FrameDropped.class).reason())
                    .contains("before being welcomed");

            fakeController.sendMore(route);
            fakeController.send(MessageCodec.encode(new Message.Welcome("fake")), 0);
            assertThat(agentEvents.await(AgentEvent.Welcomed.class).controllerId())
                    .isEqualTo("fake");
            assertThat(agent.isJoined()).isTrue();
        }
    }

    @Test
    void anAgentThatFallsSilentIsLost() throws Exception {
        try (var controller = ControllerEndpoint.bind(
                Farm.controller(), controllerKeys.keys(), controllerKeys.allowList(), controllerEvents)) {
            ZMQ.Socket mute = rawAgent(controller.endpoint());
            mute.send(MessageCodec.encode(Farm.hello("mute")), 0);
            controllerEvents.await(ControllerEvent.AgentJoined.class);
            // It never sends a heartbeat.
            var lost = controllerEvents.await(ControllerEvent.AgentLost.class);
            assertThat(lost.agentId()).isEqualTo("mute");
            assertThat(lost.reason()).startsWith("silent for ");
            assertThat(controller.agents()).doesNotContainKey("mute");

            // Once lost, its messages are answered with a bye so that it says hello again.
            mute.send(MessageCodec.encode(new Message.Heartbeat(0, PeerState.RUNNING)), 0);
            Message answer;
            do {
                answer = receive(mute);
            } while (answer instanceof Message.Welcome || answer instanceof Message.Heartbeat);
            assertThat(answer).isInstanceOf(Message.Bye.class);
        }
    }

    @Test
    void anAgentThatLeavesSaysSo() throws Exception {
        // A patient controller: on a busy machine a 1 s silence limit could mark the agent lost before it leaves.
        var patient = Farm.controller().withTiming(Duration.ofMillis(200), Duration.ofSeconds(60));
        try (var controller =
                ControllerEndpoint.bind(patient, controllerKeys.keys(), controllerKeys.allowList(), controllerEvents)) {
            var agent = AgentConnection.connect(
                    Farm.agent(controller.endpoint(), "agent-1"),
                    CurveKeys.readSecret(dir.resolve("agents/agent-1.key")),
                    controllerKeys.keys().publicKey(),
                    agentEvents);
            controllerEvents.await(
                    ControllerEvent.AgentJoined.class, j -> j.agentId().equals("agent-1"));
            agent.close();
            var left = controllerEvents.await(ControllerEvent.AgentLeft.class);
            assertThat(left.agentId()).isEqualTo("agent-1");
            assertThat(left.reason()).contains("shutting down");
        }
    }

    @Test
    void anAgentThatSaysHelloAgainIsLostAndJoinedAgain() throws Exception {
        var patient = Farm.controller().withTiming(Duration.ofMillis(200), Duration.ofSeconds(60));
        try (var controller =
                ControllerEndpoint.bind(patient, controllerKeys.keys(), controllerKeys.allowList(), controllerEvents)) {
            ZMQ.Socket agent = rawAgent(controller.endpoint());
            agent.send(MessageCodec.encode(Farm.hello("again")), 0);
            controllerEvents.await(ControllerEvent.AgentJoined.class);
            agent.send(MessageCodec.encode(Farm.hello("again")), 0);
            assertThat(controllerEvents.await(ControllerEvent.AgentLost.class).reason())
                    .contains("joined again");
            assertThat(controllerEvents.await(ControllerEvent.AgentJoined.class).agentId())
                    .isEqualTo("again");
            assertThat(controller.agents()).containsOnlyKeys("again");
        }
    }

    @Test
    void anAgentNoticesASilentControllerAndJoinsAgainWhenItAnswers() throws Exception {
        ZMQ.Socket fakeController = raw.createSocket(SocketType.ROUTER);
        fakeController.setLinger(0);
        fakeController.setHandshakeIvl(ControllerEndpoint.HANDSHAKE_MILLIS);
        fakeController.setReceiveTimeOut((int) Events.WAIT.toMillis());
        fakeController.bind(Farm.ANY_PORT);
        try (var agent =
                AgentConnection.connectInsecure(Farm.agent(fakeController.getLastEndpoint(), "agent-1"), agentEvents)) {
            byte[] route = fakeController.recv(0);
            fakeController.recv(0);
            fakeController.sendMore(route);
            fakeController.send(MessageCodec.encode(new Message.Welcome("fake")), 0);
            agentEvents.await(AgentEvent.Welcomed.class);
            // The fake controller never heartbeats.
            assertThat(agentEvents.await(AgentEvent.ControllerLost.class).reason())
                    .startsWith("the controller has been silent for");
            assertThat(agent.isJoined()).isFalse();

            Message next;
            do {
                fakeController.recv(0);
                next = ((DecodeResult.Decoded) MessageCodec.decode(fakeController.recv(0))).message();
            } while (!(next instanceof Message.Hello));
            fakeController.sendMore(route);
            fakeController.send(MessageCodec.encode(new Message.Welcome("fake")), 0);
            agentEvents.await(AgentEvent.Welcomed.class);
            assertThat(agent.isJoined()).isTrue();
        }
    }

    @Test
    void aControllerThatShutsDownIsNoticedAtOnce() throws Exception {
        var controller = ControllerEndpoint.bind(
                Farm.controller(), controllerKeys.keys(), controllerKeys.allowList(), controllerEvents);
        try (var _ = AgentConnection.connect(
                Farm.agent(controller.endpoint(), "agent-1")
                        .withTiming(Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(1)),
                CurveKeys.readSecret(dir.resolve("agents/agent-1.key")),
                controllerKeys.keys().publicKey(),
                agentEvents)) {
            agentEvents.await(AgentEvent.Welcomed.class);
            controller.close();
            // The silence limit is 60 s here: only the controller's bye can explain this within the wait.
            assertThat(agentEvents.await(AgentEvent.ControllerLost.class).reason())
                    .contains("said bye", "shutting down");
        }
    }
}
