package dev.throng.engine.http;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.HttpMessageParser;
import org.apache.hc.core5.http.io.HttpMessageParserFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * Reads a response head (status line and headers) for HttpCore's connections, with what HttpCore's own lenient
 * parser accepts and throws, but with one line buffer per connection reused for every line, and the usual header
 * names as constants: HttpCore's parser makes a line buffer, a cursor and a token builder per header, a quarter of
 * the memory a request allocated.
 *
 * <p>As HttpCore's: lines that are empty or not a status line before the status line are skipped, up to the
 * configuration's most empty lines ({@link MessageConstraintException} after); the end of the stream before a status
 * line is {@code null} (which the connection reports as {@link NoHttpResponseException}); a header line without a name and a colon is a {@link ParseException}; a line that
 * starts with a space or a tab continues the header before it; the header count and line length limits apply.
 *
 * <p>One per connection; confined to the thread using the connection.
 */
final class ResponseHeadParser implements HttpMessageParser<ClassicHttpResponse> {
    /** Makes one parser per connection. */
    static final HttpMessageParserFactory<ClassicHttpResponse> FACTORY = ResponseHeadParser::new;

    /**
     * Header names sent by most servers, returned as these strings instead of new ones (exact case); {@link
     * Http1Connection} uses them too.
     */
    static final String[] KNOWN_NAMES = {
        "Server",
        "Date",
        "Content-Type",
        "Content-Length",
        "Connection",
        "Keep-Alive",
        "Transfer-Encoding",
        "Content-Encoding",
        "Set-Cookie",
        "Location",
        "Cache-Control",
        "Vary",
        "ETag",
        "Last-Modified",
        "Expires",
        "Accept-Ranges",
        "content-type",
        "content-length",
        "date",
        "server",
        "connection",
        "transfer-encoding",
        "set-cookie",
        "location",
        "cache-control",
        "vary",
        "etag"
    };

    private final int maxHeaderCount;
    private final int maxLineLength;
    private final int maxEmptyLines;
    private final CharArrayBuffer line = new CharArrayBuffer(128);

    ResponseHeadParser(Http1Config config) {
        Http1Config c = config == null ? Http1Config.DEFAULT : config;
        this.maxHeaderCount = c.getMaxHeaderCount();
        this.maxLineLength = c.getMaxLineLength();
        this.maxEmptyLines = c.getMaxEmptyLineCount();
    }

    @Override
    public ClassicHttpResponse parse(SessionInputBuffer buffer, InputStream in) throws IOException, HttpException {
        BasicClassicHttpResponse response = null;
        for (int skipped = 0; response == null; ) {
            line.clear();
            int n = buffer.readLine(line, in);
            if (n == -1) {
                return null; // the connection turns it into a NoHttpResponseException, as for HttpCore's parser
            }
            response = n > 0 ? statusLine() : null;
            if (response == null && ++skipped >= maxEmptyLines) {
                throw new MessageConstraintException("Maximum empty line limit exceeded");
            }
        }
        readHeaders(buffer, in, response);
        return response;
    }

    /** The status line in {@link #line} as a response, or {@code null} when it is not one. */
    private BasicClassicHttpResponse statusLine() {
        int len = line.length();
        int i = 0;
        while (i < len && isBlank(line.charAt(i))) {
            i++;
        }
        // HTTP/<major>.<minor> <3 digits>[ <reason>]
        if (len - i < 12
                || line.charAt(i) != 'H'
                || line.charAt(i + 1) != 'T'
                || line.charAt(i + 2) != 'T'
                || line.charAt(i + 3) != 'P'
                || line.charAt(i + 4) != '/') {
            return null;
        }
        i += 5;
        int major = 0;
        int digits = 0;
        for (; i < len && isDigit(line.charAt(i)); i++, digits++) {
            major = major * 10 + line.charAt(i) - '0';
        }
        if (digits == 0 || digits > 3 || i >= len || line.charAt(i) != '.') {
            return null;
        }
        i++;
        int minor = 0;
        digits = 0;
        for (; i < len && isDigit(line.charAt(i)); i++, digits++) {
            minor = minor * 10 + line.charAt(i) - '0';
        }
        if (digits == 0 || digits > 3 || i >= len || !isBlank(line.charAt(i))) {
            return null;
        }
        while (i < len && isBlank(line.charAt(i))) {
            i++;
        }
        int code = 0;
        int start = i;
        for (; i < len && isDigit(line.charAt(i)); i++) {
            code = code * 10 + line.charAt(i) - '0';
        }
        if (i - start != 3 || (i < len && !isBlank(line.charAt(i)))) {
            return null;
        }
        String reason = i < len ? line.substringTrimmed(i, len) : "";
        var response = new BasicClassicHttpResponse(code, reason);
        response.setVersion(
                major == 1 && minor == 1
                        ? HttpVersion.HTTP_1_1
                        : major == 1 && minor == 0 ? HttpVersion.HTTP_1_0 : new ProtocolVersion("HTTP", major, minor));
        return response;
    }

    private void readHeaders(SessionInputBuffer buffer, InputStream in, BasicClassicHttpResponse response)
            throws IOException, HttpException {
        String name = null;
        String value = null;
        int count = 0;
        while (true) {
            line.clear();
            int n = buffer.readLine(line, in);
            if (n == -1 || line.isEmpty()) {
                break;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && name != null) {
                int i = 0;
                while (i < line.length() && isBlank(line.charAt(i))) {
                    i++;
                }
                String more = line.substring(i, line.length());
                if (maxLineLength > 0 && name.length() + 2 + value.length() + 1 + more.length() > maxLineLength) {
                    throw new MessageConstraintException("Maximum line length limit exceeded");
                }
                value = value + ' ' + more;
                continue;
            }
            if (name != null) {
                response.addHeader(name, value.strip());
            }
            if (maxHeaderCount > 0 && ++count >= maxHeaderCount) {
                throw new MessageConstraintException("Maximum header count exceeded");
            }
            int len = line.length();
            int start = 0;
            while (start < len && isBlank(line.charAt(start))) {
                start++;
            }
            int colon = line.indexOf(':', start, len);
            if (colon <= start || isBlank(line.charAt(colon - 1))) {
                throw new ParseException("Invalid header", line, 0, len, Math.max(colon, 0));
            }
            name = name(start, colon);
            value = line.substringTrimmed(colon + 1, len);
        }
        if (name != null) {
            response.addHeader(name, value.strip());
        }
    }

    /** The header name at {@code [from, to)} of the line: a constant when it is a known one. */
    private String name(int from, int to) {
        int len = to - from;
        for (String known : KNOWN_NAMES) {
            if (known.length() == len && matches(known, from)) {
                return known;
            }
        }
        return line.substring(from, to);
    }

    private boolean matches(String known, int from) {
        for (int i = 0; i < known.length(); i++) {
            if (line.charAt(from + i) != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
