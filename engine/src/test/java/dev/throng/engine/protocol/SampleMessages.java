package dev.throng.engine.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One message of every type, with every optional field both set and unset somewhere. For tests. */
public final class SampleMessages {
    private SampleMessages() {}

    public static AgentShare share() {
        return new AgentShare(
                Map.of("web", 30, "mobile", 12),
                1,
                3,
                Map.of(
                        "accounts",
                        new RowPartition.Strided(1, 3),
                        "codes",
                        new RowPartition.Slice(7, 3, 40),
                        "orders",
                        new RowPartition.Ranges(
                                List.of(new RowPartition.RowRange(0, 10), new RowPartition.RowRange(50, 60)))));
    }

    public static List<Message> all() {
        return List.of(
                new Message.Hello("agent-1", Message.PROTOCOL_VERSION, "0.1.0", 8, 4L << 30, 1_048_576, "worker-1"),
                new Message.Welcome("controller@host:5557"),
                new Message.Refused("protocol 2 does not match protocol 1"),
                new Message.ProjectShipment(
                        "run-1",
                        "{\"format\": \"throng-project/1\", \"name\": \"Shop ✓\"}",
                        Map.of(
                                "data/users.csv",
                                "user,password\nalice,secret\n".getBytes(StandardCharsets.UTF_8),
                                "empty.csv",
                                new byte[0]),
                        share(),
                        new PlanParameters(2.5, null, 60_000L, "https://shop.test", 42, 500)),
                new Message.ProjectShipment("run-2", "{}", Map.of(), share(), PlanParameters.asInProject(7)),
                new Message.Start("run-1", 1_800_000_000_000L),
                new Message.Change("run-1", 100, 10.0, null, Map.of("web", 0.7, "mobile", 0.3), share()),
                new Message.Change("run-1", null, null, 25.0, null, null),
                new Message.Stop("run-1", true),
                new Message.Stop("run-1", false),
                new Message.Stats("run-1", 17, 40, 0.25, 123_456_789L, new byte[] {1, 2, 3, 4, 5}),
                new Message.Stats(
                        "run-1",
                        18,
                        40,
                        0.5,
                        1L,
                        new byte[] {6},
                        12,
                        Map.of("accounts", 250L),
                        List.of("the open-file limit is low")),
                new Message.Ended("run-1", null),
                new Message.Ended("run-1", "the unique data source 'accounts' has no rows left"),
                new Message.Heartbeat(1_800_000_000_123L, PeerState.RUNNING),
                new Message.Bye("agent shutting down"),
                new Message.Error("could not read data/users.csv: no such file"));
    }
}
