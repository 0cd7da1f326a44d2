package dev.throng.engine.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;

/**
 * A socket with no network under it, for micro-benchmarks: what is written is dropped, and each read gives the rest of
 * the current scripted response, the responses taken in turn forever (as a server answering each request would).
 */
final class ReplaySocket extends Socket {
    private final byte[][] responses;
    private int next;
    private int offset;

    private final InputStream in = new InputStream() {
        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            byte[] current = responses[next];
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, b, off, n);
            offset += n;
            if (offset == current.length) {
                offset = 0;
                next = (next + 1) % responses.length;
            }
            return n;
        }
    };

    ReplaySocket(List<byte[]> responses) {
        this.responses = responses.toArray(byte[][]::new);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public boolean isConnected() {
        return true;
    }
}
