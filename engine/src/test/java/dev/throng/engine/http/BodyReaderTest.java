package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** A stream that hands out at most 1000 bytes per read, as a socket does. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
    }

    @Test
    void readsABodyOfDeclaredLength() throws IOException {
        byte[] data = bytes(5000);
        BodyReader.Body body = BodyReader.read(trickle(data), data.length, 10_000);

        assertThat(body.bytes()).isEqualTo(data);
        assertThat(body.count()).isEqualTo(5000);
        assertThat(body.tooLarge()).isFalse();
    }

    @Test
    void readsABodyOfUnknownLengthGrowingItsBuffer() throws IOException {
        byte[] data = bytes(70_000);
        BodyReader.Body body = BodyReader.read(trickle(data), -1, 100_000);

        assertThat(body.bytes()).isEqualTo(data);
        assertThat(body.tooLarge()).isFalse();
    }

    @Test
    void aBodyOfExactlyTheLimitIsKept() throws IOException {
        byte[] data = bytes(4096);
        assertThat(BodyReader.read(trickle(data), -1, 4096).tooLarge()).isFalse();
        assertThat(BodyReader.read(trickle(data), 4096, 4096).bytes()).isEqualTo(data);
    }

    @Test
    void aBodyOverTheLimitStopsOneByteAfterIt() throws IOException {
        byte[] data = bytes(50_000);
        BodyReader.Body unknown = BodyReader.read(trickle(data), -1, 10_000);
        BodyReader.Body declared = BodyReader.read(trickle(data), data.length, 10_000);

        for (BodyReader.Body body : new BodyReader.Body[] {unknown, declared}) {
            assertThat(body.tooLarge()).isTrue();
            assertThat(body.bytes()).isEqualTo(Arrays.copyOf(data, 10_000));
            assertThat(body.count()).isEqualTo(10_001);
        }
    }

    @Test
    void aLimitOfZeroKeepsNothing() throws IOException {
        assertThat(BodyReader.read(trickle(bytes(3)), -1, 0).tooLarge()).isTrue();
        BodyReader.Body empty = BodyReader.read(trickle(new byte[0]), 0, 0);
        assertThat(empty.tooLarge()).isFalse();
        assertThat(empty.bytes()).isEmpty();
    }

    @Test
    void aServerThatSendsLessThanDeclaredGivesWhatCame() throws IOException {
        BodyReader.Body body = BodyReader.read(trickle(bytes(10)), 100, 1000);

        assertThat(body.bytes()).hasSize(10);
        assertThat(body.tooLarge()).isFalse();
    }
}
