package dev.throng.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One HTTP/1.1 exchange without a network (the socket is {@link ReplaySocket}): write a GET with the usual headers,
 * read an nginx-like response head and its 2-byte body. {@code ours} is the PER_USER path's {@link Http1Connection};
 * {@code httpCore} is what that path used before, HttpCore's classic connection with its own parser, as the reference
 * in the same run. {@code heads=same} answers the same head every time (a steady server within one second);
 * {@code heads=changing} answers two heads in turn that differ in their Date (the worst case: no head is reused).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeBench {
    @Param({"same", "changing"})
    public String heads;

    private Http1Connection ours;
    private DefaultBHttpClientConnection theirs;
    private final byte[] fixedLines = "User-Agent: Throng/0.1.0\r\nAccept-Encoding: gzip, x-gzip, deflate\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private final byte[] body = new byte[64];

    private static byte[] response(String date) {
        return ("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: " + date + "\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 2\r\nConnection: keep-alive\r\n\r\nok")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Setup
    public void setUp() throws IOException {
        List<byte[]> responses = heads.equals("same")
                ? List.of(response("Sun, 29 Nov 2026 20:00:00 GMT"))
                : List.of(response("Sun, 29 Nov 2026 20:00:00 GMT"), response("Sun, 29 Nov 2026 20:00:01 GMT"));
        ours = new Http1Connection(new ReplaySocket(responses));
        theirs = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
        theirs.bind(new ReplaySocket(responses));
    }

    @Benchmark
    public int ours() throws IOException, HttpException {
        ours.startRequest("GET", "/");
        ours.hostHeader("127.0.0.1", 18080, true);
        ours.lines(fixedLines);
        ours.send(null);
        Http1Head head = ours.readHead();
        Http1Body in = ours.body(head.framing("GET"), head.contentLength());
        int n = readAll(in);
        return head.status() + n + head.headers().size();
    }

    @Benchmark
    public int httpCore() throws IOException, HttpException {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", (HttpHost) null, "/");
        request.addHeader("Host", "127.0.0.1:18080");
        request.addHeader("User-Agent", "Throng/0.1.0");
        request.addHeader("Accept-Encoding", "gzip, x-gzip, deflate");
        theirs.sendRequestHeader(request);
        theirs.flush();
        ClassicHttpResponse response = theirs.receiveResponseHeader();
        theirs.receiveResponseEntity(response);
        int n = readAll(response.getEntity().getContent());
        return response.getCode() + n + response.getHeaders().length;
    }

    private int readAll(InputStream in) throws IOException {
        int total = 0;
        for (int r; (r = in.read(body, 0, body.length)) > 0; ) {
            total += r;
        }
        return total;
    }
}
