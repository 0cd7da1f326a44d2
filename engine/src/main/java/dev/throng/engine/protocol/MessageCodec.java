package dev.throng.engine.protocol;

import dev.throng.engine.protocol.FrameReader.BadFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link Message}s to frames and decodes frames with strict validation.
 *
 * <h2>Wire format</h2>
 *
 * A frame is one ZeroMQ message part: a 4-byte header, then the body, big-endian throughout.
 *
 * <pre>
 * header  : magic 0x54 ('T') | type u8 | protocol version u16
 * string  : length i32 | UTF-8 bytes (strictly valid)
 * bytes   : length i32 | bytes
 * opt&lt;X&gt;  : present u8 (0 or 1) | X when present
 * map     : count i32 | count × (key string, value)
 * share   : usersPerProfile map&lt;i32&gt; | agentIndex i32 | agentCount i32 | uniqueRows map&lt;partition&gt;
 * partition: kind u8 (1 strided: offset i64, stride i64 | 2 ranges: count i32, count × (first i64, end i64)
 *            | 3 slice: first i64, stride i64, count i64)
 *
 * 1 HELLO     throngVersion string, agentId string, cores i32, memoryBytes i64, openFileLimit i64, hostName string
 * 2 WELCOME   controllerId string
 * 3 REFUSED   reason string
 * 4 PROJECT   runId string, projectJson string, dataFiles map&lt;bytes&gt;, share, spawnRate opt&lt;f64&gt;,
 *             arrivalRate opt&lt;f64&gt;, durationMillis opt&lt;i64&gt;, host opt&lt;string&gt;, seed i64, maxNames i32
 * 5 START     runId string, startAtMillis i64
 * 6 CHANGE    runId string, targetUsers opt&lt;i32&gt;, spawnRate opt&lt;f64&gt;, arrivalRate opt&lt;f64&gt;,
 *             weights opt&lt;map&lt;f64&gt;&gt;, share opt&lt;share&gt;
 * 7 STOP      runId string, graceful u8
 * 8 STATS     runId string, sequence i64, users i32, cpu f64, memoryBytes i64, intervalPayload bytes,
 *             droppedArrivals i64, rowsTaken map&lt;i64&gt;, warnings count i32 + count × string
 * 9 HEARTBEAT sentAtMillis i64, state u8 (PeerState ordinal)
 * 10 BYE      reason string
 * 11 ERROR    message string
 * 12 ENDED    runId string, failure opt&lt;string&gt;
 * </pre>
 *
 * <p>Compatibility rules, so that a version mismatch can be explained on both sides: the header, the REFUSED body and
 * the first two fields of HELLO (throngVersion, agentId) never change. A HELLO's header carries the hello's
 * {@link Message.Hello#protocolVersion()}; every other message carries {@link Message#PROTOCOL_VERSION}.
 *
 * <p>Limits: a PROJECT frame is at most {@link #MAX_PROJECT_FRAME_BYTES}, any other frame at most
 * {@link #MAX_FRAME_BYTES}. A frame must be consumed exactly (no trailing bytes).
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageCodec {
    /** The largest PROJECT frame accepted, bytes (64 MiB). */
    public static final int MAX_PROJECT_FRAME_BYTES = 64 << 20;

    /** The largest frame of any other type, bytes (4 MiB). */
    public static final int MAX_FRAME_BYTES = 4 << 20;

    static final int MAGIC = 0x54;
    static final int HEADER_BYTES = 4;

    static final int HELLO = 1;
    static final int WELCOME = 2;
    static final int REFUSED = 3;
    static final int PROJECT = 4;
    static final int START = 5;
    static final int CHANGE = 6;
    static final int STOP = 7;
    static final int STATS = 8;
    static final int HEARTBEAT = 9;
    static final int BYE = 10;
    static final int ERROR = 11;
    static final int ENDED = 12;

    private static final PeerState[] STATES = PeerState.values();

    private MessageCodec() {}

    /**
     * Encodes a message into one frame.
     *
     * @throws IllegalArgumentException if the frame would exceed its limit ({@link #MAX_PROJECT_FRAME_BYTES} or
     *     {@link #MAX_FRAME_BYTES}); the message names the sizes
     */
    public static byte[] encode(Message message) {
        int version = message instanceof Message.Hello hello ? hello.protocolVersion() : Message.PROTOCOL_VERSION;
        FrameWriter out = new FrameWriter(estimate(message));
        out.u8(MAGIC);
        out.u8(typeOf(message));
        out.u16(version);
        switch (message) {
            case Message.Hello m -> {
                out.string(m.throngVersion());
                out.string(m.agentId());
                out.i32(m.cores());
                out.i64(m.memoryBytes());
                out.i64(m.openFileLimit());
                out.string(m.hostName());
            }
            case Message.Welcome m -> out.string(m.controllerId());
            case Message.Refused m -> out.string(m.reason());
            case Message.ProjectShipment m -> {
                out.string(m.runId());
                out.string(m.projectJson());
                Map<String, byte[]> files = m.dataFilesUnsafe();
                out.i32(files.size());
                files.forEach((path, bytes) -> {
                    out.string(path);
                    out.bytes(bytes);
                });
                writeShare(out, m.share());
                PlanParameters plan = m.plan();
                out.optionalF64(plan.spawnRate());
                out.optionalF64(plan.arrivalRate());
                out.optionalI64(plan.durationMillis());
                out.optionalString(plan.host());
                out.i64(plan.seed());
                out.i32(plan.maxNames());
            }
            case Message.Start m -> {
                out.string(m.runId());
                out.i64(m.startAtMillis());
            }
            case Message.Change m -> {
                out.string(m.runId());
                out.optionalI32(m.targetUsers());
                out.optionalF64(m.spawnRate());
                out.optionalF64(m.arrivalRate());
                out.bool(m.weights() != null);
                if (m.weights() != null) {
                    out.i32(m.weights().size());
                    m.weights().forEach((profile, weight) -> {
                        out.string(profile);
                        out.f64(weight);
                    });
                }
                out.bool(m.share() != null);
                if (m.share() != null) {
                    writeShare(out, m.share());
                }
            }
            case Message.Stop m -> {
                out.string(m.runId());
                out.bool(m.graceful());
            }
            case Message.Stats m -> {
                out.string(m.runId());
                out.i64(m.sequence());
                out.i32(m.users());
                out.f64(m.cpu());
                out.i64(m.memoryBytes());
                out.bytes(m.payloadUnsafe());
                out.i64(m.droppedArrivals());
                out.i32(m.rowsTaken().size());
                m.rowsTaken().forEach((source, rows) -> {
                    out.string(source);
                    out.i64(rows);
                });
                out.i32(m.warnings().size());
                m.warnings().forEach(out::string);
            }
            case Message.Ended m -> {
                out.string(m.runId());
                out.optionalString(m.failure());
            }
            case Message.Heartbeat m -> {
                out.i64(m.sentAtMillis());
                out.u8(m.state().ordinal());
            }
            case Message.Bye m -> out.string(m.reason());
            case Message.Error m -> out.string(m.message());
        }
        byte[] frame = out.toByteArray();
        int limit = limitFor(typeOf(message));
        if (frame.length > limit) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " of " + frame.length
                    + " bytes exceeds the protocol's limit of " + limit + " bytes");
        }
        return frame;
    }

    /** Decodes one frame. Never throws: a frame that is not a valid message is {@link DecodeResult.Invalid}. */
    public static DecodeResult decode(byte[] frame) {
        if (frame == null) {
            return new DecodeResult.Invalid("no frame");
        }
        try {
            return decodeChecked(frame);
        } catch (BadFrame e) {
            return new DecodeResult.Invalid(e.getMessage());
        } catch (RuntimeException e) {
            // A record constructor refused a decoded value (negative count, bad path, ...).
            return new DecodeResult.Invalid("invalid value: " + e.getMessage());
        }
    }

    private static DecodeResult decodeChecked(byte[] frame) throws BadFrame {
        if (frame.length > MAX_PROJECT_FRAME_BYTES) {
            throw new BadFrame("frame of " + frame.length + " bytes exceeds the limit of " + MAX_PROJECT_FRAME_BYTES);
        }
        if (frame.length < HEADER_BYTES) {
            throw new BadFrame("frame of " + frame.length + " bytes is shorter than the 4-byte header");
        }
        FrameReader in = new FrameReader(frame, 0);
        int magic = in.u8("magic");
        if (magic != MAGIC) {
            throw new BadFrame("not a Throng frame (first byte 0x" + Integer.toHexString(magic) + ")");
        }
        int type = in.u8("type");
        int version = in.u16("version");
        if (frame.length > limitFor(type)) {
            throw new BadFrame(
                    "frame of type " + type + " and " + frame.length + " bytes exceeds the limit of " + limitFor(type));
        }
        if (version != Message.PROTOCOL_VERSION && type != REFUSED && type != HELLO) {
            return new DecodeResult.OtherVersion(version, null, null);
        }
        Message message = switch (type) {
            case HELLO -> {
                String throngVersion = in.string("throngVersion");
                String agentId = in.string("agentId");
                if (version != Message.PROTOCOL_VERSION) {
                    yield null;
                }
                var hello = new Message.Hello(
                        agentId,
                        version,
                        throngVersion,
                        in.i32("cores"),
                        in.i64("memoryBytes"),
                        in.i64("openFileLimit"),
                        in.string("hostName"));
                yield hello;
            }
            case WELCOME -> new Message.Welcome(in.string("controllerId"));
            case REFUSED -> new Message.Refused(in.string("reason"));
            case PROJECT -> readShipment(in);
            case START -> new Message.Start(in.string("runId"), in.i64("startAtMillis"));
            case CHANGE -> readChange(in);
            case STOP -> new Message.Stop(in.string("runId"), in.bool("graceful"));
            case STATS -> readStats(in);
            case ENDED -> new Message.Ended(in.string("runId"), in.optionalString("failure"));
            case HEARTBEAT -> {
                long sentAt = in.i64("sentAtMillis");
                int state = in.u8("state");
                if (state >= STATES.length) {
                    throw new BadFrame("unknown peer state " + state);
                }
                yield new Message.Heartbeat(sentAt, STATES[state]);
            }
            case BYE -> new Message.Bye(in.string("reason"));
            case ERROR -> new Message.Error(in.string("message"));
            default -> throw new BadFrame("unknown message type " + type);
        };
        if (message == null) {
            // A hello of another version: only its fixed prefix was read.
            FrameReader prefix = new FrameReader(frame, HEADER_BYTES);
            return new DecodeResult.OtherVersion(version, prefix.string("throngVersion"), prefix.string("agentId"));
        }
        in.end();
        return new DecodeResult.Decoded(message);
    }

    private static Message.ProjectShipment readShipment(FrameReader in) throws BadFrame {
        String runId = in.string("runId");
        String projectJson = in.string("projectJson");
        int fileCount = in.count("dataFiles", 8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < fileCount; i++) {
            String path = in.string("data file path");
            if (files.put(path, in.bytes("data file " + path)) != null) {
                throw new BadFrame("data file " + path + " appears twice");
            }
        }
        AgentShare share = readShare(in);
        PlanParameters plan = new PlanParameters(
                in.optionalF64("spawnRate"),
                in.optionalF64("arrivalRate"),
                in.optionalI64("durationMillis"),
                in.optionalString("host"),
                in.i64("seed"),
                in.i32("maxNames"));
        return new Message.ProjectShipment(runId, projectJson, files, share, plan);
    }

    private static Message.Stats readStats(FrameReader in) throws BadFrame {
        String runId = in.string("runId");
        long sequence = in.i64("sequence");
        int users = in.i32("users");
        double cpu = in.f64("cpu");
        long memory = in.i64("memoryBytes");
        byte[] payload = in.bytes("intervalPayload");
        long dropped = in.i64("droppedArrivals");
        int sourceCount = in.count("rowsTaken", 12);
        Map<String, Long> rows = new HashMap<>();
        for (int i = 0; i < sourceCount; i++) {
            String source = in.string("data source");
            if (rows.put(source, in.i64("rows taken of " + source)) != null) {
                throw new BadFrame("data source " + source + " appears twice");
            }
        }
        int warningCount = in.count("warnings", 4);
        List<String> warnings = new ArrayList<>(warningCount);
        for (int i = 0; i < warningCount; i++) {
            warnings.add(in.string("warning"));
        }
        return new Message.Stats(runId, sequence, users, cpu, memory, payload, dropped, rows, warnings);
    }

    private static Message.Change readChange(FrameReader in) throws BadFrame {
        String runId = in.string("runId");
        Integer targetUsers = in.optionalI32("targetUsers");
        Double spawnRate = in.optionalF64("spawnRate");
        Double arrivalRate = in.optionalF64("arrivalRate");
        Map<String, Double> weights = null;
        if (in.bool("weights presence")) {
            int count = in.count("weights", 12);
            weights = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String profile = in.string("weight profile");
                if (weights.put(profile, in.f64("weight of " + profile)) != null) {
                    throw new BadFrame("weight of profile " + profile + " appears twice");
                }
            }
        }
        AgentShare share = in.bool("share presence") ? readShare(in) : null;
        return new Message.Change(runId, targetUsers, spawnRate, arrivalRate, weights, share);
    }

    private static void writeShare(FrameWriter out, AgentShare share) {
        out.i32(share.usersPerProfile().size());
        share.usersPerProfile().forEach((profile, users) -> {
            out.string(profile);
            out.i32(users);
        });
        out.i32(share.agentIndex());
        out.i32(share.agentCount());
        out.i32(share.uniqueRows().size());
        share.uniqueRows().forEach((source, partition) -> {
            out.string(source);
            switch (partition) {
                case RowPartition.Strided strided -> {
                    out.u8(1);
                    out.i64(strided.offset());
                    out.i64(strided.stride());
                }
                case RowPartition.Slice slice -> {
                    out.u8(3);
                    out.i64(slice.first());
                    out.i64(slice.stride());
                    out.i64(slice.count());
                }
                case RowPartition.Ranges ranges -> {
                    out.u8(2);
                    out.i32(ranges.ranges().size());
                    for (RowPartition.RowRange range : ranges.ranges()) {
                        out.i64(range.first());
                        out.i64(range.endExclusive());
                    }
                }
            }
        });
    }

    private static AgentShare readShare(FrameReader in) throws BadFrame {
        int profileCount = in.count("usersPerProfile", 8);
        Map<String, Integer> users = new HashMap<>();
        for (int i = 0; i < profileCount; i++) {
            String profile = in.string("profile");
            if (users.put(profile, in.i32("users of " + profile)) != null) {
                throw new BadFrame("profile " + profile + " appears twice");
            }
        }
        int agentIndex = in.i32("agentIndex");
        int agentCount = in.i32("agentCount");
        int sourceCount = in.count("uniqueRows", 5);
        Map<String, RowPartition> rows = new HashMap<>();
        for (int i = 0; i < sourceCount; i++) {
            String source = in.string("data source");
            int kind = in.u8("partition kind");
            RowPartition partition = switch (kind) {
                case 1 -> new RowPartition.Strided(in.i64("offset"), in.i64("stride"));
                case 2 -> {
                    int rangeCount = in.count("ranges", 16);
                    List<RowPartition.RowRange> ranges = new ArrayList<>(rangeCount);
                    for (int r = 0; r < rangeCount; r++) {
                        ranges.add(new RowPartition.RowRange(in.i64("first"), in.i64("end")));
                    }
                    yield new RowPartition.Ranges(ranges);
                }
                case 3 -> new RowPartition.Slice(in.i64("first"), in.i64("stride"), in.i64("count"));
                default -> throw new BadFrame("unknown partition kind " + kind);
            };
            if (rows.put(source, partition) != null) {
                throw new BadFrame("data source " + source + " appears twice");
            }
        }
        return new AgentShare(users, agentIndex, agentCount, rows);
    }

    static int typeOf(Message message) {
        return switch (message) {
            case Message.Hello m -> HELLO;
            case Message.Welcome m -> WELCOME;
            case Message.Refused m -> REFUSED;
            case Message.ProjectShipment m -> PROJECT;
            case Message.Start m -> START;
            case Message.Change m -> CHANGE;
            case Message.Stop m -> STOP;
            case Message.Stats m -> STATS;
            case Message.Heartbeat m -> HEARTBEAT;
            case Message.Bye m -> BYE;
            case Message.Error m -> ERROR;
            case Message.Ended m -> ENDED;
        };
    }

    private static int limitFor(int type) {
        return type == PROJECT ? MAX_PROJECT_FRAME_BYTES : MAX_FRAME_BYTES;
    }

    private static int estimate(Message message) {
        return switch (message) {
            case Message.ProjectShipment m ->
                (int) Math.min(MAX_PROJECT_FRAME_BYTES + 1L, m.projectJson().length() * 3L + m.dataBytes() + 4096);
            case Message.Stats m ->
                m.payloadLength()
                        + 128
                        + m.warnings().stream()
                                .mapToInt(w -> w.length() * 3 + 4)
                                .sum();
            default -> 256;
        };
    }
}
