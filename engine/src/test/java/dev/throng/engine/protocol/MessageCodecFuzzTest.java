package dev.throng.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated frames with a fixed seed: the codec answers every one without throwing or running out of memory. */
class MessageCodecFuzzTest {
    private static final long SEED = 20261129L;

    @Test
    void randomFramesNeverThrow() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            byte[] frame = new byte[random.nextInt(64)];
            random.nextBytes(frame);
            if (frame.length > 0 && random.nextBoolean()) {
                frame[0] = 0x54; // get past the magic byte half of the time
            }
            if (frame.length > 3 && random.nextBoolean()) {
                frame[1] = (byte) (1 + random.nextInt(11));
                frame[2] = 0;
                frame[3] = (byte) Message.PROTOCOL_VERSION;
            }
            assertThat(MessageCodec.decode(frame)).isNotNull();
        }
    }

    @Test
    void mutatedFramesNeverThrow() {
        Random random = new Random(SEED);
        List<byte[]> frames =
                SampleMessages.all().stream().map(MessageCodec::encode).toList();
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = frames.get(random.nextInt(frames.size())).clone();
            frame = mutate(frame, random);
            DecodeResult result = MessageCodec.decode(frame);
            assertThat(result).isNotNull();
            if (result instanceof DecodeResult.Decoded(Message message)) {
                decoded++;
                // Whatever decodes must encode again.
                assertThat(MessageCodec.decode(MessageCodec.encode(message)))
                        .isEqualTo(new DecodeResult.Decoded(message));
            }
        }
        assertThat(decoded).as("some mutations keep a frame valid").isPositive();
    }

    private static byte[] mutate(byte[] frame, Random random) {
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && frame.length > 0; m++) {
            switch (random.nextInt(5)) {
                case 0 -> frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                case 2 -> frame = Arrays.copyOf(frame, random.nextInt(frame.length));
                case 3 -> frame = Arrays.copyOf(frame, frame.length + random.nextInt(16));
                default -> {
                    // Big-length attack: write 0x7FFFFFFF or a negative length somewhere.
                    if (frame.length >= 4) {
                        int at = random.nextInt(frame.length - 3);
                        int value = random.nextBoolean() ? Integer.MAX_VALUE : -random.nextInt(1000);
                        frame[at] = (byte) (value >>> 24);
                        frame[at + 1] = (byte) (value >>> 16);
                        frame[at + 2] = (byte) (value >>> 8);
                        frame[at + 3] = (byte) value;
                    }
                }
            }
        }
        return frame;
    }
}
