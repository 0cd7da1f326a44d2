package dev.throng.engine.http;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.apache.hc.core5.http.ProtocolException;

/**
 * A response head read by an {@link Http1Connection}, with what its headers say about the connection worked out once,
 * when it is made: the body's framing (RFC 9112, section 6.3) and whether the connection may be kept (HttpCore's
 * rules). Immutable; a connection hands out the same object again for a head equal to the one before, so a steady
 * server costs no allocation and no header scan per response.
 */
final class Http1Head {
    final int major;
    final int minor;
    final int status;
    final String reason;
    private final Header[] fields;
    private final List<Header> list;

    /** The one {@code Content-Length}, -1 without one, -2 when invalid or conflicting ({@link #lengthError}). */
    private final long contentLength;

    private final String lengthError;
    /** 0: no {@code Transfer-Encoding}; 1: chunked alone; 2: another coding. */
    private final int transferEncoding;

    private final boolean connectionHeader;
    private final boolean connectionClose;
    private final boolean connectionKeepAlive;
    private final boolean setCookie;

    /** @param fields the headers, in order (kept: nobody may change the array) */
    Http1Head(int major, int minor, int status, String reason, Header[] fields) {
        this.major = major;
        this.minor = minor;
        this.status = status;
        this.reason = reason;
        this.fields = fields;
        this.list = fields.length == 0 ? List.of() : new HeaderList(fields);
        long length = -1;
        String error = null;
        int chunked = 0;
        int other = 0;
        boolean te = false;
        boolean connection = false;
        boolean close = false;
        boolean keepAlive = false;
        boolean cookie = false;
        for (Header h : fields) {
            String name = h.name();
            if (name.equalsIgnoreCase("Content-Length")) {
                long value = parseLength(h.value());
                if (value < 0) {
                    error = "Invalid Content-Length: " + h.value();
                } else if (length >= 0 && value != length) {
                    error = "Conflicting Content-Length headers: " + length + ", " + value;
                }
                length = Math.max(length, value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                te = true;
                for (String token : h.value().split(",")) {
                    String t = token.strip();
                    if (t.equalsIgnoreCase("chunked")) {
                        chunked++;
                    } else if (!t.isEmpty()) {
                        other++;
                    }
                }
            } else if (name.equalsIgnoreCase("Connection")) {
                connection = true;
                close |= hasToken(h.value(), "close");
                keepAlive |= hasToken(h.value(), "keep-alive");
            } else if (name.equalsIgnoreCase("Set-Cookie")) {
                cookie = true;
            }
        }
        this.contentLength = error != null ? -2 : length;
        this.lengthError = error;
        this.transferEncoding = !te ? 0 : chunked == 1 && other == 0 ? 1 : 2;
        this.connectionHeader = connection;
        this.connectionClose = close;
        this.connectionKeepAlive = keepAlive;
        this.setCookie = cookie;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** The headers, in order (an unmodifiable list). */
    List<Header> headers() {
        return list;
    }

    int count() {
        return fields.length;
    }

    Header header(int i) {
        return fields[i];
    }

    boolean hasSetCookie() {
        return setCookie;
    }

    /** The first value of the header {@code name} (any case), or {@code null}. */
    String first(String name) {
        for (Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /**
     * How the body of this response to {@code method} is framed.
     *
     * @throws ProtocolException for a transfer coding other than chunked alone, or a bad or conflicting length
     */
    Http1Body.Framing framing(String method) throws ProtocolException {
        if ("HEAD".equals(method)
                || status < 200
                || status == 204
                || status == 304
                || ("CONNECT".equals(method) && status < 300)) {
            return Http1Body.Framing.NONE;
        }
        if (transferEncoding == 1) {
            return Http1Body.Framing.CHUNKED;
        }
        if (transferEncoding == 2) {
            throw new ProtocolException("Unsupported transfer encoding: " + first("Transfer-Encoding"));
        }
        if (contentLength == -2) {
            throw new ProtocolException(lengthError);
        }
        return contentLength >= 0 ? Http1Body.Framing.LENGTH : Http1Body.Framing.UNTIL_CLOSE;
    }

    /** The {@code Content-Length}, or -1 without a valid one. */
    long contentLength() {
        return Math.max(contentLength, -1);
    }

    /**
     * Whether the connection may carry the next request once a body framed {@code framing} was read to its end: not
     * when the body ends with the connection, not when the server says {@code close}, and for HTTP/1.0 only when it
     * says {@code keep-alive}.
     */
    boolean keepAlive(Http1Body.Framing framing) {
        if (framing == Http1Body.Framing.UNTIL_CLOSE) {
            return false;
        }
        boolean http11 = major > 1 || major == 1 && minor >= 1;
        if (!connectionHeader) {
            return http11;
        }
        return !connectionClose && (http11 || connectionKeepAlive);
    }

    private static long parseLength(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    /** Whether the comma-separated {@code value} has {@code token} (any case). */
    static boolean hasToken(String value, String token) {
        int from = 0;
        while (true) {
            int comma = value.indexOf(',', from);
            int end = comma < 0 ? value.length() : comma;
            if (value.substring(from, end).strip().equalsIgnoreCase(token)) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            from = comma + 1;
        }
    }

    /** An unmodifiable list over a header array nobody changes. */
    private static final class HeaderList extends AbstractList<Header> implements RandomAccess {
        private final Header[] fields;

        HeaderList(Header[] fields) {
            this.fields = fields;
        }

        @Override
        public Header get(int index) {
            return fields[index];
        }

        @Override
        public int size() {
            return fields.length;
        }
    }
}
