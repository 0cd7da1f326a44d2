package dev.throng.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentsTest {
    private final List<byte[]> wire = new ArrayList<>();
    private final Outbound outbound = new Outbound(wire::add);
    private final Reassembly reassembly = new Reassembly();

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void smallFramesGoAtOnce() {
        outbound.offer(new byte[] {0x54, 1});
        assertThat(wire).hasSize(1);
        assertThat(outbound.busy()).isFalse();
    }

    @Test
    void aLargeFrameGoesInAcknowledgedFragmentsAndTheFollowingFramesWaitBehindIt() {
        byte[] big = bytes(Fragments.FRAGMENT_BYTES * 3 + 5, 1);
        byte[] small = {0x54, 7};
        outbound.offer(big);
        outbound.offer(small);
        assertThat(wire).as("a window of fragments").hasSize(Fragments.WINDOW);
        assertThat(outbound.busy()).isTrue();

        byte[] complete = null;
        int delivered = 0;
        while (delivered < wire.size()) {
            byte[] frame = wire.get(delivered++);
            if (!Fragments.isFragment(frame)) {
                assertThat(frame).isEqualTo(small);
                assertThat(complete)
                        .as("the small frame comes after the large one")
                        .isNotNull();
                continue;
            }
            var accepted = (Reassembly.Accepted) reassembly.accept(frame);
            if (accepted.complete() != null) {
                complete = accepted.complete();
            }
            assertThat(outbound.ack(accepted.ack())).isTrue();
        }
        assertThat(complete).isEqualTo(big);
        assertThat(wire).hasSize(4 + 1);
        assertThat(outbound.busy()).isFalse();
    }

    @Test
    void unexpectedAcknowledgementsAreIgnored() {
        assertThat(outbound.ack(Fragments.ack(0, 0))).isFalse();
        outbound.offer(bytes(Fragments.FRAGMENT_BYTES + 1, 2));
        assertThat(outbound.ack(Fragments.ack(0, 1))).as("out of order").isFalse();
        assertThat(outbound.ack(Fragments.ack(5, 0))).as("another transfer").isFalse();
        assertThat(outbound.ack(new byte[] {Fragments.ACK})).as("truncated").isFalse();
        assertThat(outbound.ack(Fragments.ack(0, 0))).isTrue();
    }

    @Test
    void fragmentsOutOfOrderOrWithBadLengthsAreRefused() {
        byte[] big = bytes(Fragments.FRAGMENT_BYTES * 2 + 1, 3);
        byte[] first = Fragments.fragment(1, big, 0);
        byte[] second = Fragments.fragment(1, big, 1);
        byte[] third = Fragments.fragment(1, big, 2);

        assertThat(reassembly.accept(second)).isInstanceOf(Reassembly.Refused.class);
        assertThat(reassembly.accept(first)).isInstanceOf(Reassembly.Accepted.class);
        assertThat(reassembly.accept(third)).as("skips one").isInstanceOf(Reassembly.Refused.class);

        assertThat(reassembly.accept(first)).isInstanceOf(Reassembly.Accepted.class);
        byte[] truncated = Arrays.copyOf(second, second.length - 1);
        assertThat(reassembly.accept(truncated)).isInstanceOf(Reassembly.Refused.class);

        byte[] huge = Arrays.copyOf(first, first.length);
        huge[13] = 0x7F; // total length of 2 GiB
        assertThat(reassembly.accept(huge)).isInstanceOf(Reassembly.Refused.class);
        assertThat(reassembly.accept(new byte[] {Fragments.FRAGMENT, 0, 0})).isInstanceOf(Reassembly.Refused.class);
    }

    @Test
    void randomFragmentsNeverThrow() {
        Random random = new Random(11);
        byte[] big = bytes(Fragments.FRAGMENT_BYTES * 2, 4);
        for (int i = 0; i < 5_000; i++) {
            byte[] fragment = Fragments.fragment(random.nextInt(3), big, random.nextInt(2));
            fragment[random.nextInt(Fragments.FRAGMENT_HEADER)] = (byte) random.nextInt(256);
            assertThat(reassembly.accept(fragment)).isNotNull();
        }
    }
}
