package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.apache.hc.core5.http.io.HttpMessageParser;
import org.junit.jupiter.api.Test;

/** Our response head parser reads what HttpClient's own (lenient) parser reads, and fails where it fails. */
class ResponseHeadParserTest {
    private static final Http1Config CONFIG =
            Http1Config.custom().setMaxHeaderCount(8).setMaxEmptyLineCount(3).build();

    /** What a parser made of {@code head}: the response's parts, or the exception's class, as text. */
    private static String outcome(HttpMessageParser<ClassicHttpResponse> parser, String head) {
        var buffer = new SessionInputBufferImpl(1024, 64 * 1024);
        try {
            ClassicHttpResponse r =
                    parser.parse(buffer, new ByteArrayInputStream(head.getBytes(StandardCharsets.ISO_8859_1)));
            if (r == null) {
                return "null";
            }
            List<String> headers = new ArrayList<>();
            for (var h : r.getHeaders()) {
                headers.add(h.getName() + "=" + h.getValue());
            }
            return r.getVersion() + " " + r.getCode() + " [" + r.getReasonPhrase() + "] " + headers;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    @SuppressWarnings("deprecation") // the factory HttpClient itself still uses to read responses: the reference
    private static void sameAsHttpClient(String head) {
        String ours = outcome(new ResponseHeadParser(CONFIG), head);
        String theirs = outcome(DefaultHttpResponseParserFactory.INSTANCE.create(CONFIG), head);
        assertThat(ours).as(head.replace("\r\n", "\\r\\n")).isEqualTo(theirs);
    }

    @Test
    void readsTheHeadsHttpClientReadsTheSameWay() {
        for (String head : List.of(
                "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sun, 29 Nov 2026 17:00:00 GMT\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok",
                "HTTP/1.1 404 Not Found Here\r\nX-Custom:   spaced value  \r\ncontent-length:0\r\n\r\n",
                "HTTP/1.0 302\r\nLocation: /next\r\n\r\n",
                "HTTP/1.1 204 No Content\r\n\r\n",
                "HTTP/2.0 200 OK\r\nA: 1\r\n\r\n",
                "\r\n\r\nHTTP/1.1 200 OK\r\nA: 1\r\n\r\n",
                "garbage\r\nHTTP/1.1 200 OK\r\nA: 1\r\n\r\n",
                "one\r\ntwo\r\nthree\r\nHTTP/1.1 200 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nFolded: first\r\n  second\r\n\tthird\r\nB: 2\r\n\r\n",
                "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\n: no name\r\n\r\n",
                "HTTP/1.1 200 OK\r\nName : space before the colon\r\n\r\n",
                "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\nF: 6\r\nG: 7\r\nH: 8\r\nI: 9\r\n\r\n",
                "HTTP/1.1 200 OK\r\nA: 1\r\n",
                "HTTP/1.1 200 OK\nUnix: lines\n\n",
                "",
                "HTTP/1.1 200 OK")) {
            sameAsHttpClient(head);
        }
    }

    @Test
    void knownHeaderNamesAreSharedStrings() throws Exception {
        var parser = new ResponseHeadParser(CONFIG);
        var buffer = new SessionInputBufferImpl(1024, 64 * 1024);
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Rare: 1\r\n\r\n";
        ClassicHttpResponse r =
                parser.parse(buffer, new ByteArrayInputStream(head.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(r.getHeaders()[0].getName()).isSameAs("Content-Length");
        assertThat(r.getHeaders()[1].getName()).isEqualTo("X-Rare");
    }
}
