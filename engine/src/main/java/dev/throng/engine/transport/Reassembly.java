package dev.throng.engine.transport;

import java.nio.ByteBuffer;

/**
 * Puts the fragments of a large message from the controller back together (see {@link Fragments}). Fragments come
 * in order (ZeroMQ keeps the order of one connection); anything else is refused without allocating more than the
 * announced length, itself bounded by {@link Fragments#maxTotalLength()}.
 *
 * <p>Not thread-safe: owned by the agent's socket thread.
 */
final class Reassembly {
    /** What one fragment gave. */
    sealed interface Result {}

    /** Accepted; acknowledge it with {@code ack}; {@code complete} is the whole frame after the last fragment. */
    record Accepted(byte[] ack, byte[] complete) implements Result {}

    /** Refused; any partial transfer is discarded. */
    record Refused(String reason) implements Result {}

    private int transferId;
    private byte[] buffer;
    private int count;
    private int received;
    private int filled;

    Result accept(byte[] fragment) {
        if (fragment.length < Fragments.FRAGMENT_HEADER) {
            return refuse("a fragment of " + fragment.length + " bytes is shorter than its header");
        }
        ByteBuffer in = ByteBuffer.wrap(fragment, 1, fragment.length - 1);
        int id = in.getInt();
        int index = in.getInt();
        int fragmentCount = in.getInt();
        int total = in.getInt();
        int length = fragment.length - Fragments.FRAGMENT_HEADER;
        if (index == 0) {
            if (total <= 0 || total > Fragments.maxTotalLength() || fragmentCount != Fragments.count(total)) {
                return refuse("a transfer of " + total + " bytes in " + fragmentCount + " fragments is not allowed");
            }
            transferId = id;
            buffer = new byte[total];
            count = fragmentCount;
            received = 0;
            filled = 0;
        } else if (buffer == null
                || id != transferId
                || index != received
                || fragmentCount != count
                || total != buffer.length) {
            return refuse("fragment " + index + " of transfer " + id + " does not follow the transfer in progress");
        }
        if (length != Math.min(Fragments.FRAGMENT_BYTES, buffer.length - filled)) {
            return refuse("fragment " + index + " of transfer " + id + " has the wrong length (" + length + ")");
        }
        System.arraycopy(fragment, Fragments.FRAGMENT_HEADER, buffer, filled, length);
        filled += length;
        received++;
        byte[] ack = Fragments.ack(id, index);
        if (received < count) {
            return new Accepted(ack, null);
        }
        byte[] complete = buffer;
        buffer = null;
        return new Accepted(ack, complete);
    }

    /** Forgets any partial transfer (after a loss of the controller). */
    void reset() {
        buffer = null;
    }

    private Result refuse(String reason) {
        buffer = null;
        return new Refused(reason);
    }
}
