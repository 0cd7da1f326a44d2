package dev.throng.engine.transport;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The frames waiting to go to one agent: small frames go at once unless a transfer is in progress; large frames are
 * sent as fragments, at most {@link Fragments#WINDOW} unacknowledged at a time (see {@link Fragments}).
 *
 * <p>Not thread-safe: owned by the controller's socket thread.
 */
final class Outbound {
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private final Consumer<byte[]> wire;
    private int nextTransferId;
    private byte[] transfer;
    private int transferId;
    private int count;
    private int sent;
    private int acked;

    /** @param wire sends one frame to the agent */
    Outbound(Consumer<byte[]> wire) {
        this.wire = wire;
    }

    /** Sends {@code frame} now, or queues it behind the transfer in progress. */
    void offer(byte[] frame) {
        waiting.add(frame);
        pump();
    }

    /**
     * Takes an acknowledgement from the agent.
     *
     * @return false if it does not match the fragment expected next (it is ignored)
     */
    boolean ack(byte[] frame) {
        if (frame.length != Fragments.ACK_BYTES || transfer == null) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(frame, 1, Fragments.ACK_BYTES - 1);
        int id = in.getInt();
        int index = in.getInt();
        if (id != transferId || index != acked || index >= sent) {
            return false;
        }
        acked++;
        if (acked == count) {
            transfer = null;
        }
        pump();
        return true;
    }

    /** Whether a transfer is in progress or frames are waiting. */
    boolean busy() {
        return transfer != null || !waiting.isEmpty();
    }

    private void pump() {
        while (true) {
            if (transfer == null) {
                byte[] next = waiting.poll();
                if (next == null) {
                    return;
                }
                if (next.length <= Fragments.FRAGMENT_BYTES) {
                    wire.accept(next);
                    continue;
                }
                transfer = next;
                transferId = nextTransferId++;
                count = Fragments.count(next.length);
                sent = 0;
                acked = 0;
            }
            while (sent < count && sent - acked < Fragments.WINDOW) {
                wire.accept(Fragments.fragment(transferId, transfer, sent++));
            }
            return;
        }
    }
}
