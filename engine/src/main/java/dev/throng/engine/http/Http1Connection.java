package dev.throng.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;

/**
 * One HTTP/1.1 client connection over an open socket (plain or TLS), for {@link DirectClient}: a request head and a
 * small body go out in one write from a reused buffer; the response head is parsed from a reused input buffer, straight
 * from bytes into Throng's {@link Header}s, and the body is framed ({@link Http1Body}) by the rules of RFC 9112: no body
 * for {@code HEAD}, 1xx, 204 and 304; chunked; {@code Content-Length}; or up to the end of the connection.
 *
 * <p>It reads what HttpCore's lenient parser reads and fails where it fails, with HttpCore's exception types, so that
 * {@link FailureClassifier} and the stale-connection retry see the same errors as with HttpCore's connection: no status
 * line before the end of the stream is a {@link NoHttpResponseException}; a body cut short is a
 * {@code ConnectionClosedException}; a bad chunk a {@code MalformedChunkCodingException}; a bad head a
 * {@link ProtocolException}. Unlike HttpCore it bounds the head at {@link #MAX_HEAD_BYTES}.
 *
 * <p>The request head is written by {@link Http1RequestHead}, which keeps text made from data from adding a header.
 *
 * <p>Confined to the thread of the session that uses it, except {@link #close(CloseMode)}, which may come from another
 * thread (the total timeout, the engine's shutdown) and makes a blocked read or write fail.
 */
final class Http1Connection implements ModalCloseable {
    /** The largest response head read (status line and headers), in bytes. */
    static final int MAX_HEAD_BYTES = 256 * 1024;
    /** How many lines that are not a status line are skipped before one (HttpCore's default). */
    static final int MAX_EMPTY_LINES = 10;
    /** The largest head kept as bytes to recognise it when it comes again. */
    private static final int MAX_RAW_HEAD_BYTES = 4096;

    private static final int FIRST_BUFFER_BYTES = 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean open = true;

    /** Input: bytes read from the socket and not used yet are {@code [pos, lim)}. */
    private byte[] buf = new byte[FIRST_BUFFER_BYTES];

    private int pos;
    private int lim;
    private boolean eof;

    /** Output: the request head being written. */
    private final Http1RequestHead request = new Http1RequestHead();

    /** The headers of the response being read (reused). */
    private Header[] headers = new Header[16];

    private int headerCount;

    /** @param socket a connected socket, its response timeout set (the connection owns it from now on) */
    Http1Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    boolean isOpen() {
        return open && !socket.isClosed();
    }

    // ---- the request (see Http1RequestHead)

    /** Starts a request head: {@code METHOD target HTTP/1.1}. */
    void startRequest(String method, String target) {
        request.start(method, target);
    }

    /** Adds the {@code Host} header line (see {@link Http1RequestHead#hostHeader}). */
    void hostHeader(String host, int port, boolean withPort) {
        request.hostHeader(host, port, withPort);
    }

    /** Adds header lines already encoded (each ends with CRLF). */
    void lines(byte[] encoded) {
        request.lines(encoded);
    }

    /** Adds one header line to the request head. */
    void header(String name, String value) {
        request.header(name, value);
    }

    /** Ends the head and sends it with {@code body} ({@code null} for none). */
    void send(byte[] body) throws IOException {
        request.send(out, body);
    }

    // ---- the response head

    /** The head of the response before, whose parts are given again when they did not change; {@code null} at first. */
    private Http1Head last;

    /** The bytes of {@link #last} as they came, {@code [0, rawLength)}; {@code rawLength} 0 when not kept. */
    private byte[] raw;

    private int rawLength;
    /** How many times {@link #fill} moved or read bytes: a head read without one lies whole in the buffer. */
    private int fills;

    // the status line being read
    private int major;
    private int minor;
    private int status;
    private int reasonFrom;
    private int reasonTo;

    /**
     * Reads the next final response head (1xx heads are read and skipped).
     *
     * @throws NoHttpResponseException when the stream ended before a status line
     * @throws ProtocolException for a head that cannot be read, or a {@code 101} (no protocol was asked for)
     */
    Http1Head readHead() throws IOException, HttpException {
        while (true) {
            Http1Head h = readOneHead();
            if (h.status >= 200) {
                return h;
            }
            if (h.status == 101) {
                throw new ProtocolException("Unexpected response: " + h.status + " " + h.reason);
            }
        }
    }

    private Http1Head readOneHead() throws IOException, HttpException {
        Http1Head before = last;
        if (rawLength > 0) {
            if (pos == lim) {
                fill(); // what reading the status line would do first (only when nothing is buffered: never waits
                // longer)
            }
            if (lim - pos >= rawLength && Arrays.equals(buf, pos, pos + rawLength, raw, 0, rawLength)) {
                pos += rawLength; // the very same bytes as the head before: the same head
                return before;
            }
        }
        int budget = MAX_HEAD_BYTES;
        String reason = null;
        int headStart = -1;
        for (int skipped = 0; reason == null; ) {
            int end = readLine(budget);
            if (end < 0) {
                throw new NoHttpResponseException("The target server failed to respond");
            }
            budget -= end - pos;
            reason = end > pos && statusLine(pos, lineEnd(end)) ? reason() : null;
            headStart = skipped == 0 ? pos : -1;
            pos = end;
            if (reason == null && ++skipped >= MAX_EMPTY_LINES) {
                throw new MessageConstraintException("Maximum empty line limit exceeded");
            }
        }
        int fillsAtStart = fills;
        boolean plain = headStart >= 0; // the head is kept as bytes only when it was read in one piece, as is
        boolean same = before != null
                && before.status == status
                && before.major == major
                && before.minor == minor
                && before.reason.equals(reason);
        headerCount = 0;
        while (true) {
            int end = readLine(budget);
            if (end < 0) {
                plain = false;
                break;
            }
            budget -= end - pos;
            int from = pos;
            int to = lineEnd(end);
            pos = end;
            if (to == from) {
                break;
            }
            byte first = buf[from];
            if ((first == ' ' || first == '\t') && headerCount > 0) {
                // a folded line continues the header before it
                Header h = headers[headerCount - 1];
                int i = from;
                while (i < to && isBlank(buf[i])) {
                    i++;
                }
                headers[headerCount - 1] = new Header(h.name(), (h.value() + ' ' + latin1(i, to)).strip());
                same = false;
                plain = false;
                continue;
            }
            int start = from;
            while (start < to && isBlank(buf[start])) {
                start++;
            }
            int colon = start;
            while (colon < to && buf[colon] != ':') {
                colon++;
            }
            if (colon == to || colon <= start || isBlank(buf[colon - 1])) {
                throw new ParseException("Invalid header: " + latin1(from, to));
            }
            int vFrom = colon + 1;
            int vTo = to;
            while (vFrom < vTo && isWhitespace(buf[vFrom])) {
                vFrom++;
            }
            while (vTo > vFrom && isWhitespace(buf[vTo - 1])) {
                vTo--;
            }
            Header h = before != null && headerCount < before.count() ? before.header(headerCount) : null;
            if (h == null || !equal(h.name(), start, colon) || !equal(h.value(), vFrom, vTo)) {
                h = new Header(name(start, colon), latin1(vFrom, vTo));
                same = false;
            }
            if (headerCount == headers.length) {
                headers = Arrays.copyOf(headers, headerCount * 2);
            }
            headers[headerCount++] = h;
        }
        keepRaw(plain && fills == fillsAtStart ? headStart : -1);
        if (same && headerCount == before.count()) {
            return before;
        }
        Http1Head head = new Http1Head(major, minor, status, reason, Arrays.copyOf(headers, headerCount));
        Arrays.fill(headers, 0, headerCount, null);
        last = head;
        return head;
    }

    /**
     * Keeps the bytes of the head just read, {@code buf[from, pos)}, to recognise the same head next time; forgets
     * them when {@code from} is negative (the head was not read in one piece, or was not plain) or they are too many.
     */
    private void keepRaw(int from) {
        int n = from < 0 ? 0 : pos - from;
        if (n == 0 || n > MAX_RAW_HEAD_BYTES) {
            rawLength = 0;
            return;
        }
        if (raw == null || raw.length < n) {
            raw = new byte[Math.max(n, 256)];
        }
        System.arraycopy(buf, from, raw, 0, n);
        rawLength = n;
    }

    /** The reason phrase of the status line just read: the one before when it is the same. */
    private String reason() {
        if (last != null && equal(last.reason, reasonFrom, reasonTo)) {
            return last.reason;
        }
        return reasonFrom == reasonTo ? "" : latin1(reasonFrom, reasonTo);
    }

    /** Whether {@code s} is the text of {@code buf[from, to)}. */
    private boolean equal(String s, int from, int to) {
        if (s.length() != to - from) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[from + i] != (byte) s.charAt(i) || s.charAt(i) > 0xff) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the status line in {@code buf[from, to)} into the status fields; false when it is not one (as HttpCore's
     * lenient parser).
     */
    private boolean statusLine(int from, int to) {
        int i = from;
        while (i < to && isBlank(buf[i])) {
            i++;
        }
        // HTTP/<major>.<minor> <3 digits>[ <reason>]
        if (to - i < 12
                || buf[i] != 'H'
                || buf[i + 1] != 'T'
                || buf[i + 2] != 'T'
                || buf[i + 3] != 'P'
                || buf[i + 4] != '/') {
            return false;
        }
        i += 5;
        int maj = 0;
        int digits = 0;
        for (; i < to && isDigit(buf[i]); i++, digits++) {
            maj = maj * 10 + buf[i] - '0';
        }
        if (digits == 0 || digits > 3 || i >= to || buf[i] != '.') {
            return false;
        }
        i++;
        int min = 0;
        digits = 0;
        for (; i < to && isDigit(buf[i]); i++, digits++) {
            min = min * 10 + buf[i] - '0';
        }
        if (digits == 0 || digits > 3 || i >= to || !isBlank(buf[i])) {
            return false;
        }
        while (i < to && isBlank(buf[i])) {
            i++;
        }
        int code = 0;
        int start = i;
        for (; i < to && isDigit(buf[i]); i++) {
            code = code * 10 + buf[i] - '0';
        }
        if (i - start != 3 || (i < to && !isBlank(buf[i]))) {
            return false;
        }
        int rs = i;
        int re = to;
        while (rs < re && isSpace(buf[rs])) {
            rs++;
        }
        while (re > rs && isSpace(buf[re - 1])) {
            re--;
        }
        major = maj;
        minor = min;
        status = code;
        reasonFrom = rs;
        reasonTo = re;
        return true;
    }

    /** The header name at {@code buf[from, to)}: a constant when it is a known one. */
    private String name(int from, int to) {
        int len = to - from;
        for (String known : ResponseHeadParser.KNOWN_NAMES) {
            if (known.length() == len && matches(known, from)) {
                return known;
            }
        }
        return latin1(from, to);
    }

    private boolean matches(String known, int from) {
        for (int i = 0; i < known.length(); i++) {
            if (buf[from + i] != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String latin1(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Makes sure a whole line starting at {@code pos} is in the buffer (reading more when needed) and returns the
     * index just past its LF, or past its last byte when the stream ended without one. {@code -1} when the stream ended
     * with no byte left.
     */
    private int readLine(int budget) throws IOException, HttpException {
        int scanned = 0; // bytes after pos already known to hold no LF
        while (true) {
            for (int i = pos + scanned; i < lim; i++) {
                if (buf[i] == '\n') {
                    return i + 1;
                }
            }
            scanned = lim - pos;
            if (scanned > budget) {
                throw new MessageConstraintException(
                        "The response head is larger than " + MAX_HEAD_BYTES / 1024 + " KiB");
            }
            if (fill() < 0) {
                return lim > pos ? lim : -1;
            }
        }
    }

    /** The end of the line that {@link #readLine} found, without its LF and a CR before it. */
    private int lineEnd(int end) {
        int to = end;
        if (to > pos && buf[to - 1] == '\n') {
            to--;
            if (to > pos && buf[to - 1] == '\r') {
                to--;
            }
        }
        return to;
    }

    /**
     * Reads more bytes into the buffer: moves the unread ones to its front first, and grows it when it is full.
     * Returns how many bytes came, or -1 at the end of the stream. Keeps the unread bytes' offsets valid only
     * relative to {@link #pos}.
     */
    private int fill() throws IOException {
        if (eof) {
            return -1;
        }
        fills++;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return -1;
        }
        lim += n;
        return n;
    }

    // ---- the response body, read through Http1Body

    private Http1Body body;

    /**
     * The body of the response whose head was just read, framed {@code framing}: one object per connection, reset for
     * each response (the body of the response before must have been read or dropped by then).
     *
     * @param length the {@code Content-Length} for {@link Http1Body.Framing#LENGTH}
     */
    Http1Body body(Http1Body.Framing framing, long length) {
        if (body == null) {
            body = new Http1Body(this);
        }
        body.reset(framing, length);
        return body;
    }

    /** Bytes left in the buffer. */
    int buffered() {
        return lim - pos;
    }

    /** Takes up to {@code len} buffered bytes into {@code b}; returns how many. */
    int takeBuffered(byte[] b, int off, int len) {
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** One buffered byte, or -1 when the buffer is empty. */
    int takeBuffered() {
        return pos < lim ? buf[pos++] & 0xff : -1;
    }

    /** Reads from the socket into {@code b}, past the buffer (which must be empty); -1 at the end of the stream. */
    int readDirect(byte[] b, int off, int len) throws IOException {
        if (eof) {
            return -1;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            eof = true;
        }
        return n;
    }

    /** Refills the empty buffer from the socket; -1 at the end of the stream. */
    int refill() throws IOException {
        pos = 0;
        lim = 0;
        return fill();
    }

    /**
     * One line of a chunked body (a chunk size, a chunk's CRLF, a trailer), without its line end, or {@code null} at
     * the end of the stream. Bounded like a head line.
     */
    String readBodyLine() throws IOException, HttpException {
        int end = readLine(MAX_HEAD_BYTES);
        if (end < 0) {
            return null;
        }
        String line = latin1(pos, lineEnd(end));
        pos = end;
        return line;
    }

    @Override
    public void close(CloseMode mode) {
        open = false;
        try {
            if (mode == CloseMode.IMMEDIATE && !socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    @Override
    public void close() {
        close(CloseMode.GRACEFUL);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** What {@link String#strip()} strips, for a Latin-1 byte. */
    private static boolean isWhitespace(byte c) {
        return c >= 0 && c <= ' ' && Character.isWhitespace(c);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
