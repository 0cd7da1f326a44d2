package dev.throng.engine.http;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;

/**
 * The body of one response read from an {@link Http1Connection}, framed one of four ways: none, a known length,
 * chunked (trailers are read and dropped), or up to the end of the connection. It ends where the framing says, so the
 * connection is left at the next response; {@link #complete()} tells whether it got there.
 *
 * <p>Errors are HttpCore's types, as its own streams throw them: a body cut short is a
 * {@link ConnectionClosedException}, a chunk header that is not one a {@link MalformedChunkCodingException}.
 *
 * <p>Confined to the session's thread; closing it does nothing (the connection decides what happens next).
 */
final class Http1Body extends InputStream {
    /** How a body is framed. */
    enum Framing {
        NONE,
        LENGTH,
        CHUNKED,
        UNTIL_CLOSE
    }

    /** Reads of at least this many bytes go straight to the socket when nothing is buffered. */
    private static final int DIRECT_READ_BYTES = 1024;

    private final Http1Connection connection;
    private Framing framing;
    private long length;

    /** Bytes left in the body (LENGTH) or in the current chunk (CHUNKED). */
    private long remaining;

    private long received;
    private boolean done;
    /** CHUNKED: the next thing to read is a chunk header (not data). */
    private boolean atChunkHeader;

    private boolean firstChunk;
    /** For {@link #read()} (a gzip decoder reads its header a byte at a time). */
    private final byte[] one = new byte[1];

    /** A body with nothing to read; {@link #reset} frames the next one. */
    Http1Body(Http1Connection connection) {
        this.connection = connection;
        reset(Framing.NONE, 0);
    }

    /**
     * Starts the body of the next response.
     *
     * @param length the {@code Content-Length} for {@link Framing#LENGTH}; ignored otherwise
     */
    void reset(Framing framing, long length) {
        this.framing = framing;
        this.length = length;
        this.remaining = framing == Framing.LENGTH ? length : 0;
        this.received = 0;
        this.done = framing == Framing.NONE || (framing == Framing.LENGTH && length == 0);
        this.atChunkHeader = true;
        this.firstChunk = true;
    }

    /** The body's declared length, or -1 when it is not known in advance. */
    long declaredLength() {
        return switch (framing) {
            case NONE -> 0;
            case LENGTH -> length;
            default -> -1;
        };
    }

    /** Whether the body was read to its end as framed. */
    boolean complete() {
        return done;
    }

    Framing framing() {
        return framing;
    }

    @Override
    public int read() throws IOException {
        if (done) {
            return -1; // the usual case: a reader checking for more after the declared length
        }
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        try {
            return switch (framing) {
                case NONE -> -1;
                case LENGTH -> readLength(b, off, len);
                case CHUNKED -> readChunked(b, off, len);
                case UNTIL_CLOSE -> readUntilClose(b, off, len);
            };
        } catch (HttpException e) {
            throw new MalformedChunkCodingException(e.getMessage());
        }
    }

    @Override
    public int available() {
        if (done) {
            return 0;
        }
        int buffered = connection.buffered();
        return framing == Framing.UNTIL_CLOSE ? buffered : (int) Math.min(buffered, remaining);
    }

    private int readLength(byte[] b, int off, int len) throws IOException {
        int n = take(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new ConnectionClosedException(String.format(
                    java.util.Locale.ROOT,
                    "Premature end of Content-Length delimited message body (expected: %,d; received: %,d)",
                    length,
                    received));
        }
        received += n;
        remaining -= n;
        done = remaining == 0;
        return n;
    }

    private int readUntilClose(byte[] b, int off, int len) throws IOException {
        int n = take(b, off, len);
        if (n < 0) {
            done = true;
            return -1;
        }
        received += n;
        return n;
    }

    private int readChunked(byte[] b, int off, int len) throws IOException, HttpException {
        if (atChunkHeader) {
            nextChunk();
            if (done) {
                return -1;
            }
        }
        int n = take(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new ConnectionClosedException(
                    "Truncated chunk (expected size: " + (remaining + received) + "; actual size: " + received + ")");
        }
        received += n;
        remaining -= n;
        if (remaining == 0) {
            atChunkHeader = true;
        }
        return n;
    }

    /** Reads the CRLF after the chunk before (if any) and the next chunk's header; at the last chunk, its trailers. */
    private void nextChunk() throws IOException, HttpException {
        if (!firstChunk) {
            String crlf = connection.readBodyLine();
            if (crlf == null) {
                throw new ConnectionClosedException(
                        "Premature end of chunk coded message body: closing chunk expected");
            }
            if (!crlf.isEmpty()) {
                throw new MalformedChunkCodingException("CRLF expected at end of chunk");
            }
        }
        firstChunk = false;
        String line = connection.readBodyLine();
        if (line == null) {
            throw new ConnectionClosedException("Premature end of chunk coded message body: closing chunk expected");
        }
        int semicolon = line.indexOf(';');
        String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        long chunk;
        try {
            chunk = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw new MalformedChunkCodingException("Bad chunk header: " + line);
        }
        if (chunk < 0) {
            throw new MalformedChunkCodingException("Negative chunk size");
        }
        received = 0;
        remaining = chunk;
        atChunkHeader = false;
        if (chunk == 0) {
            String trailer;
            do {
                trailer = connection.readBodyLine();
            } while (trailer != null && !trailer.isEmpty());
            done = true;
        }
    }

    /** Up to {@code len} bytes of the connection (buffered first); -1 at the end of its stream. */
    private int take(byte[] b, int off, int len) throws IOException {
        if (connection.buffered() > 0) {
            return connection.takeBuffered(b, off, len);
        }
        if (len >= DIRECT_READ_BYTES) {
            return connection.readDirect(b, off, len);
        }
        if (connection.refill() < 0) {
            return -1;
        }
        return connection.takeBuffered(b, off, len);
    }
}
