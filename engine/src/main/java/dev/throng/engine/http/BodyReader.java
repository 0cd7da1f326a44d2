package dev.throng.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a response body up to a limit, never holding more than the limit plus one read buffer in memory. */
final class BodyReader {
    static final byte[] EMPTY = new byte[0];
    private static final int FIRST_BUFFER = 8192;

    private BodyReader() {}

    /**
     * A body read from a stream.
     *
     * @param bytes the body, at most the limit
     * @param count how many bytes were read; more than the limit when {@code tooLarge}
     * @param tooLarge whether the stream had more than the limit (reading stopped there)
     */
    record Body(byte[] bytes, long count, boolean tooLarge) {}

    /**
     * Reads {@code in} to its end or until more than {@code limit} bytes came.
     *
     * @param declaredLength the length the server announced, or a negative number when unknown
     * @param limit the largest body kept
     */
    static Body read(InputStream in, long declaredLength, long limit) throws IOException {
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        byte[] buf = new byte[(int) Math.min(declaredLength >= 0 ? declaredLength : FIRST_BUFFER, cap)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                int extra = in.read();
                if (extra < 0) {
                    return new Body(n == 0 ? EMPTY : buf, n, false);
                }
                if (n >= cap) {
                    return new Body(buf, n + 1L, true);
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) Math.max(n, FIRST_BUFFER / 2) * 2, cap));
                buf[n++] = (byte) extra;
                continue;
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return new Body(n == 0 ? EMPTY : Arrays.copyOf(buf, n), n, false);
            }
            n += r;
        }
    }
}
