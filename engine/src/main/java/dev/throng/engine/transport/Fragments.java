package dev.throng.engine.transport;

import dev.throng.engine.protocol.MessageCodec;
import java.nio.ByteBuffer;

/**
 * Transport framing for large messages from the controller to an agent, so that heartbeats keep flowing while a big
 * project shipment crosses a CURVE connection (pure-Java CURVE encrypts roughly 10–20 MB/s per core; one 64 MiB
 * frame would silence a connection for seconds).
 *
 * <p>A frame longer than {@link #FRAGMENT_BYTES} is cut into fragments; the agent acknowledges each one and the
 * controller keeps at most {@link #WINDOW} unacknowledged fragments in flight per agent. Messages to that agent queue
 * behind the transfer (order is kept); heartbeats, welcomes and byes do not.
 *
 * <pre>
 * FRAGMENT: 0x46 ('F') | transferId i32 | index i32 | count i32 | totalLength i32 | bytes
 * ACK     : 0x41 ('A') | transferId i32 | index i32
 * </pre>
 *
 * Protocol frames start with 0x54 ('T'), so the first byte tells them apart. Stateless helpers.
 */
final class Fragments {
    static final int FRAGMENT_BYTES = 128 << 10;
    static final int WINDOW = 2;
    static final byte FRAGMENT = 0x46;
    static final byte ACK = 0x41;
    static final int FRAGMENT_HEADER = 17;
    static final int ACK_BYTES = 9;

    private Fragments() {}

    static int count(int totalLength) {
        return Math.max(1, (totalLength + FRAGMENT_BYTES - 1) / FRAGMENT_BYTES);
    }

    static byte[] fragment(int transferId, byte[] frame, int index) {
        int offset = index * FRAGMENT_BYTES;
        int length = Math.min(FRAGMENT_BYTES, frame.length - offset);
        return ByteBuffer.allocate(FRAGMENT_HEADER + length)
                .put(FRAGMENT)
                .putInt(transferId)
                .putInt(index)
                .putInt(count(frame.length))
                .putInt(frame.length)
                .put(frame, offset, length)
                .array();
    }

    static byte[] ack(int transferId, int index) {
        return ByteBuffer.allocate(ACK_BYTES)
                .put(ACK)
                .putInt(transferId)
                .putInt(index)
                .array();
    }

    static boolean isFragment(byte[] frame) {
        return frame.length > 0 && frame[0] == FRAGMENT;
    }

    static boolean isAck(byte[] frame) {
        return frame.length > 0 && frame[0] == ACK;
    }

    /** The largest message a transfer may carry. */
    static int maxTotalLength() {
        return MessageCodec.MAX_PROJECT_FRAME_BYTES;
    }
}
