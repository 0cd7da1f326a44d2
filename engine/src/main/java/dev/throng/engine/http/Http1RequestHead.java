package dev.throng.engine.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The request head of an {@link Http1Connection}, written into a buffer kept from one request to the next and sent in
 * one write with a small body. The {@code Host} line is kept as bytes while its value stays the same, and lines encoded
 * once elsewhere are copied in as they are.
 *
 * <p>The method, target and headers have CR, LF, form feed and vertical tab replaced by spaces (HttpCore does so for
 * header values), so text made from data cannot add a header; characters beyond US-ASCII are sent as UTF-8.
 *
 * <p>Confined to the thread of the session that uses the connection.
 */
final class Http1RequestHead {
    /** A request body up to this size goes out in the same write as the head. */
    private static final int INLINE_BODY_BYTES = 8 * 1024;

    private static final byte[] HTTP_1_1_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

    private byte[] head = new byte[1024];
    private int headLen;
    /** The {@code Host} line as sent last, and whether it had the port. */
    private byte[] hostLine;

    private boolean hostWithPort;

    /** Starts a request head: {@code METHOD target HTTP/1.1}. */
    void start(String method, String target) {
        headLen = 0;
        text(method);
        put((byte) ' ');
        text(target);
        put(HTTP_1_1_CRLF);
    }

    /**
     * Adds the {@code Host} header line, {@code host} or {@code host:port}. A connection talks to one origin, so the
     * line is made once and its bytes are kept (for each form).
     */
    void hostHeader(String host, int port, boolean withPort) {
        if (hostLine == null || hostWithPort != withPort) {
            int mark = headLen;
            header("Host", withPort ? host + ':' + port : host);
            hostLine = Arrays.copyOfRange(head, mark, headLen);
            hostWithPort = withPort;
            return;
        }
        put(hostLine);
    }

    /** The lines written since {@link #start} (or since this object was made), as bytes. */
    byte[] bytes() {
        return Arrays.copyOf(head, headLen);
    }

    /** Adds header lines already encoded (each ends with CRLF). */
    void lines(byte[] encoded) {
        put(encoded);
    }

    /** Adds one header line to the request head. */
    void header(String name, String value) {
        text(name);
        put((byte) ':');
        put((byte) ' ');
        text(value);
        put((byte) '\r');
        put((byte) '\n');
    }

    /** Ends the head and writes it to {@code out} with {@code body} ({@code null} for none), then flushes. */
    void send(OutputStream out, byte[] body) throws IOException {
        put((byte) '\r');
        put((byte) '\n');
        if (body != null && body.length <= INLINE_BODY_BYTES) {
            put(body, body.length);
            out.write(head, 0, headLen);
        } else {
            out.write(head, 0, headLen);
            if (body != null) {
                out.write(body);
            }
        }
        out.flush();
    }

    /**
     * Writes {@code s}: US-ASCII as it is, CR, LF, form feed and vertical tab as spaces (no text from data may end a
     * line), and a string with other characters as UTF-8.
     */
    private void text(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                headLen -= i;
                utf8(headerValue(s));
                return;
            }
            head[headLen++] = c == '\r' || c == '\n' || c == '\f' || c == '\u000b' ? (byte) ' ' : (byte) c;
        }
    }

    /** Text as sent in a head: CR, LF, form feed and vertical tab replaced by spaces, so that it stays one line. */
    private static String headerValue(String s) {
        return s.replace('\r', ' ').replace('\n', ' ').replace('\f', ' ').replace('\u000b', ' ');
    }

    private void utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        put(b, b.length);
    }

    private void put(byte b) {
        ensure(1);
        head[headLen++] = b;
    }

    private void put(byte[] b) {
        put(b, b.length);
    }

    private void put(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, head, headLen, n);
        headLen += n;
    }

    private void ensure(int more) {
        if (headLen + more > head.length) {
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLen + more));
        }
    }
}
