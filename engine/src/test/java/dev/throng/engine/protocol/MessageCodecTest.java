package dev.throng.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    @Test
    void everyMessageTypeRoundTrips() {
        for (Message message : SampleMessages.all()) {
            byte[] frame = MessageCodec.encode(message);
            assertThat(MessageCodec.decode(frame)).as("%s", message).isEqualTo(new DecodeResult.Decoded(message));
        }
    }

    @Test
    void everyTypeIsCovered() {
        assertThat(SampleMessages.all().stream().map(Object::getClass).distinct())
                .hasSameSizeAs(Message.class.getPermittedSubclasses());
    }

    @Test
    void everyTruncationIsInvalid() {
        for (Message message : SampleMessages.all()) {
            byte[] frame = MessageCodec.encode(message);
            for (int length = 0; length < frame.length; length++) {
                assertThat(MessageCodec.decode(Arrays.copyOf(frame, length)))
                        .as("%s cut at %d", message, length)
                        .isInstanceOf(DecodeResult.Invalid.class);
            }
        }
    }

    @Test
    void trailingBytesAreInvalid() {
        byte[] frame = MessageCodec.encode(new Message.Bye("done"));
        DecodeResult result = MessageCodec.decode(Arrays.copyOf(frame, frame.length + 1));
        assertThat(result).isInstanceOf(DecodeResult.Invalid.class);
        assertThat(((DecodeResult.Invalid) result).reason()).contains("unexpected bytes");
    }

    @Test
    void garbageUnknownTypesAndBadValuesAreInvalid() {
        assertThat(MessageCodec.decode(null)).isInstanceOf(DecodeResult.Invalid.class);
        assertThat(MessageCodec.decode("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new DecodeResult.Invalid("not a Throng frame (first byte 0x47)"));
        assertThat(MessageCodec.decode(new byte[] {0x54, 99, 0, (byte) Message.PROTOCOL_VERSION}))
                .isEqualTo(new DecodeResult.Invalid("unknown message type 99"));

        byte[] heartbeat = MessageCodec.encode(new Message.Heartbeat(1, PeerState.IDLE));
        heartbeat[heartbeat.length - 1] = 9;
        assertThat(MessageCodec.decode(heartbeat)).isEqualTo(new DecodeResult.Invalid("unknown peer state 9"));

        byte[] stop = MessageCodec.encode(new Message.Stop("r", true));
        stop[stop.length - 1] = 2;
        assertThat(MessageCodec.decode(stop)).isInstanceOf(DecodeResult.Invalid.class);
    }

    @Test
    void invalidUtf8IsInvalid() {
        byte[] frame = MessageCodec.encode(new Message.Bye("ab"));
        frame[frame.length - 1] = (byte) 0xC3; // a lead byte without its continuation
        assertThat(MessageCodec.decode(frame)).isEqualTo(new DecodeResult.Invalid("reason: not valid UTF-8"));
    }

    @Test
    void aDataFilePathThatEscapesTheProjectIsInvalid() {
        var shipment = new Message.ProjectShipment(
                "r", "{}", Map.of("aa/b.csv", new byte[1]), SampleMessages.share(), PlanParameters.asInProject(1));
        byte[] frame = MessageCodec.encode(shipment);
        byte[] path = "aa/b.csv".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(frame, path);
        System.arraycopy("../b.csv".getBytes(StandardCharsets.UTF_8), 0, frame, at, path.length);
        DecodeResult result = MessageCodec.decode(frame);
        assertThat(result).isInstanceOf(DecodeResult.Invalid.class);
        assertThat(((DecodeResult.Invalid) result).reason()).contains("../b.csv");
    }

    @Test
    void oversizedFramesAreInvalidWithoutReadingThem() {
        byte[] bigHeartbeat = new byte[MessageCodec.MAX_FRAME_BYTES + 1];
        bigHeartbeat[0] = 0x54;
        bigHeartbeat[1] = MessageCodec.HEARTBEAT;
        bigHeartbeat[3] = 1;
        assertThat(((DecodeResult.Invalid) MessageCodec.decode(bigHeartbeat)).reason())
                .contains("exceeds the limit of " + MessageCodec.MAX_FRAME_BYTES);

        byte[] hugeProject = new byte[MessageCodec.MAX_PROJECT_FRAME_BYTES + 1];
        hugeProject[0] = 0x54;
        hugeProject[1] = MessageCodec.PROJECT;
        assertThat(MessageCodec.decode(hugeProject)).isInstanceOf(DecodeResult.Invalid.class);
    }

    @Test
    void encodingRefusesMessagesOverTheLimit() {
        var stats = new Message.Stats("r", 1, 0, 0, 0, new byte[MessageCodec.MAX_FRAME_BYTES]);
        assertThatThrownBy(() -> MessageCodec.encode(stats))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the protocol's limit");
    }

    @Test
    void lengthsLargerThanTheFrameDoNotAllocate() {
        // A STATS frame claiming a 2 GiB payload: refused from the length alone.
        byte[] frame = MessageCodec.encode(new Message.Stats("r", 1, 0, 0, 0, new byte[0]));
        // the payload's length comes before droppedArrivals (8 bytes) and two empty counts (4 bytes each)
        frame[frame.length - 20] = 0x7F;
        frame[frame.length - 19] = (byte) 0xFF;
        assertThat(((DecodeResult.Invalid) MessageCodec.decode(frame)).reason()).startsWith("truncated frame");
    }

    @Test
    void aHelloOfAnotherVersionIsReadFromItsFixedPrefix() {
        var hello = new Message.Hello("agent-7", Message.PROTOCOL_VERSION + 1, "9.9.9", 4, 1, 1, "h");
        assertThat(MessageCodec.decode(MessageCodec.encode(hello)))
                .isEqualTo(new DecodeResult.OtherVersion(Message.PROTOCOL_VERSION + 1, "9.9.9", "agent-7"));
    }

    @Test
    void otherMessagesOfAnotherVersionAreNotReadButRefusedIsAlways() {
        byte[] start = MessageCodec.encode(new Message.Start("r", 1));
        start[3] = 77;
        assertThat(MessageCodec.decode(start)).isEqualTo(new DecodeResult.OtherVersion(77, null, null));

        byte[] refused = MessageCodec.encode(new Message.Refused("no"));
        refused[3] = 77;
        assertThat(MessageCodec.decode(refused)).isEqualTo(new DecodeResult.Decoded(new Message.Refused("no")));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
