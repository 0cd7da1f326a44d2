package dev.throng.engine.http;

import dev.throng.engine.http.HttpFailure.Kind;
import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hc.client5.http.RouteInfo;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.protocol.RedirectLocations;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * One simulated user's HTTP state: its cookie store and, for {@code PER_USER}, its own connections, used through
 * {@link DirectClient}; {@code SHARED} goes through HttpClient's classic client and its pool. A {@code SHARED} call has
 * an HttpClient context of its own, dropped at its end; a {@code PER_USER} session reuses one that holds only the
 * call's connection timings, and drops it when it {@link #idle() idles}. A waiting user keeps no request, response,
 * route or headers. Confined to the user's thread; {@link #close()} may also come from the engine.
 */
final class DefaultHttpSession implements HttpSession {
    private static final List<Header> NO_HEADERS = List.of();

    private final HttpEngine engine;
    private final Clock clock;
    /** The context of the call in progress; {@code null} between calls. */
    private ExchangeContext context;
    /**
     * Under {@code PER_USER}, the context reused by every call (it only carries the call's connection timings, and
     * {@link ExchangeContext#beginCall} resets them); dropped while the session is idle.
     */
    private ExchangeContext directContext;

    private final SessionConnections<Http1Connection> connections; // null under SHARED
    private final SessionCookies cookies;
    /** The URI of the hop being sent on the direct path (for messages); {@code null} before the first. */
    private URI hop;

    private volatile boolean closed;

    DefaultHttpSession(HttpEngine engine, SessionConnections<Http1Connection> connections) {
        this.engine = engine;
        this.clock = engine.clock();
        this.connections = connections;
        this.cookies = new SessionCookies(clock);
    }

    @Override
    public HttpResult execute(HttpCall call) {
        if (closed) {
            throw new IllegalStateException("This HTTP session is closed");
        }
        engine.ensureOpen();
        long start = clock.nanoTime();
        if (connections == null) {
            context = new ExchangeContext(clock);
            context.setCookieStore(cookies); // the direct path handles cookies itself
        } else {
            if (directContext == null) {
                directContext = new ExchangeContext(clock);
            }
            context = directContext;
        }
        context.beginCall();
        TotalTimeout deadline = engine.startTotalTimeout();
        hop = null;
        try {
            return connections != null ? direct(call, start, deadline) : exchange(call, start, deadline);
        } finally {
            if (deadline != null) {
                deadline.stop();
            }
            context = null;
        }
    }

    /** The {@code PER_USER} path: the session's own connection, driven by {@link DirectClient}. */
    private HttpResult direct(HttpCall call, long start, TotalTimeout deadline) {
        DirectClient client = engine.direct();
        Consumer<URI> watch = deadline == null
                ? this::setHop
                : u -> {
                    hop = u;
                    deadline.watch(this::abortConnections);
                };
        DirectClient.Hop last;
        for (int attempt = 0; ; attempt++) {
            try {
                if (deadline != null && deadline.fired()) {
                    throw new java.io.InterruptedIOException("total timeout");
                }
                last = client.execute(call, connections, context, cookies, watch);
                break;
            } catch (IOException | HttpException | RuntimeException e) {
                if (attempt == 0 && hop == call.uri() && isStaleConnection(e, deadline, 0)) {
                    context.beginAttempt();
                    continue;
                }
                return failed(call, start, Timings.NONE, e, deadline);
            }
        }
        long firstByte = clock.nanoTime() - start;
        Http1Head head = last.head();
        byte[] body = BodyReader.EMPTY;
        long bodyBytes = 0;
        HttpFailure failure = null;
        boolean discard = false;
        Http1Body raw = last.body();
        if (raw.framing() != Http1Body.Framing.NONE) {
            try {
                InputStream in = decoded(raw, head.first("Content-Encoding"));
                BodyReader.Body read = BodyReader.read(
                        in,
                        in == raw ? raw.declaredLength() : -1,
                        engine.options().maxBodyBytes());
                body = read.bytes();
                bodyBytes = read.count();
                if (read.tooLarge()) {
                    discard = true;
                    failure = new HttpFailure(
                            Kind.BODY_TOO_LARGE,
                            "the response body from " + targetOf(call) + " is larger than "
                                    + engine.options().maxBodyBytes() + " bytes");
                } else if (in != raw) {
                    raw.transferTo(java.io.OutputStream.nullOutputStream()); // what the decoder left (trailers)
                }
            } catch (IOException | RuntimeException e) {
                discard = true;
                failure = classify(call, e, deadline);
            }
        }
        if (discard) {
            connections.discard(last.connection());
        } else {
            client.finish(last, connections);
        }
        long total = clock.nanoTime() - start;
        Timings timings = new Timings(context.connectNanos(), context.tlsNanos(), firstByte, total);
        hop = null; // a waiting user keeps no URI
        return new HttpResult(
                head.status(), head.reason(), head.headers(), body, bodyBytes, timings, failure, last.uri());
    }

    private void setHop(URI uri) {
        hop = uri;
    }

    private boolean abortConnections() {
        connections.abort();
        return true;
    }

    /** The body stream decoded by its content coding (gzip, deflate), or {@code raw} when it has none. */
    private static InputStream decoded(InputStream raw, String coding) throws IOException {
        if (coding == null || coding.isEmpty() || coding.equalsIgnoreCase("identity")) {
            return raw;
        }
        String c = coding.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (c) {
            case "gzip", "x-gzip" -> new java.util.zip.GZIPInputStream(raw, 512);
            case "deflate" -> new java.util.zip.InflaterInputStream(raw);
            default -> raw;
        };
    }

    /** The {@code SHARED} path: a permit of the shared pool, then HttpClient's classic client. */
    private HttpResult exchange(HttpCall call, long start, TotalTimeout deadline) {
        Semaphore gate = engine.sharedGate();
        try {
            if (deadline == null) {
                gate.acquire();
            } else if (!gate.tryAcquire(engine.options().totalTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                HttpFailure failure = new HttpFailure(
                        Kind.TOTAL_TIMEOUT,
                        "the call to " + targetOf(call) + " waited longer than "
                                + engine.options().totalTimeout().toMillis()
                                + " ms for a connection of the shared pool");
                return new HttpResult(
                        0, "", NO_HEADERS, BodyReader.EMPTY, 0, timings(start, Timings.NONE), failure, call.uri());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(call, start, Timings.NONE, e, deadline);
        }
        try {
            return exchangeOpen(call, start, deadline);
        } finally {
            gate.release();
        }
    }

    private HttpResult exchangeOpen(HttpCall call, long start, TotalTimeout deadline) {
        HttpUriRequestBase request;
        ClassicHttpResponse response;
        for (int attempt = 0; ; attempt++) {
            request = newRequest(call);
            if (deadline != null) {
                deadline.watch(request);
            }
            try {
                HttpHost target = RoutingSupport.determineHost(request);
                response = engine.client().executeOpen(target, request, context);
                break;
            } catch (IOException | HttpException | RuntimeException e) {
                RedirectLocations redirects = context.getRedirectLocations();
                if (attempt == 0 && isStaleConnection(e, deadline, redirects == null ? 0 : redirects.size())) {
                    context.beginAttempt();
                    continue;
                }
                return failed(call, start, Timings.NONE, e, deadline);
            }
        }
        long firstByte = clock.nanoTime() - start;
        return readResponse(call, start, firstByte, request, response, deadline);
    }

    private HttpResult readResponse(
            HttpCall call,
            long start,
            long firstByte,
            HttpUriRequestBase request,
            ClassicHttpResponse response,
            TotalTimeout deadline) {
        int status = response.getCode();
        String reason = response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
        List<Header> headers = headersOf(response);
        URI finalUri = finalUri(call);
        byte[] body = BodyReader.EMPTY;
        long bodyBytes = 0;
        HttpFailure failure = null;
        boolean discard = false;
        try {
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                InputStream in = entity.getContent();
                BodyReader.Body read = BodyReader.read(
                        in, entity.getContentLength(), engine.options().maxBodyBytes());
                body = read.bytes();
                bodyBytes = read.count();
                if (read.tooLarge()) {
                    discard = true;
                    failure = new HttpFailure(
                            Kind.BODY_TOO_LARGE,
                            "the response body from " + targetOf(call) + " is larger than "
                                    + engine.options().maxBodyBytes() + " bytes");
                } else {
                    in.close(); // at the end of the body: hands the connection back for keep-alive
                }
            }
        } catch (IOException | RuntimeException e) {
            discard = true;
            failure = classify(call, e, deadline);
        } finally {
            if (discard) {
                request.cancel(); // drops the connection instead of reading the rest of the body
            }
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone either way
            }
        }
        long total = clock.nanoTime() - start;
        Timings timings = new Timings(context.connectNanos(), context.tlsNanos(), firstByte, total);
        return new HttpResult(status, reason, headers, body, bodyBytes, timings, failure, finalUri);
    }

    private Timings timings(long start, long firstByte) {
        return new Timings(context.connectNanos(), context.tlsNanos(), firstByte, clock.nanoTime() - start);
    }

    private HttpResult failed(HttpCall call, long start, long firstByte, Exception e, TotalTimeout deadline) {
        HttpFailure failure = classify(call, e, deadline);
        long total = clock.nanoTime() - start;
        Timings timings = new Timings(context.connectNanos(), context.tlsNanos(), firstByte, total);
        URI finalUri = finalUri(call);
        hop = null;
        return new HttpResult(0, "", NO_HEADERS, BodyReader.EMPTY, 0, timings, failure, finalUri);
    }

    private HttpFailure classify(HttpCall call, Exception e, TotalTimeout deadline) {
        if (deadline != null && deadline.fired()) {
            return new HttpFailure(
                    Kind.TOTAL_TIMEOUT,
                    "the call to " + targetOf(call) + " took longer than "
                            + engine.options().totalTimeout().toMillis() + " ms");
        }
        if (Thread.currentThread().isInterrupted() || closed) {
            return new HttpFailure(Kind.CANCELLED, "the call to " + targetOf(call) + " was cancelled");
        }
        return FailureClassifier.classify(e, context.phase(), targetOf(call), engine.options());
    }

    /**
     * True when the call failed on a kept-alive connection that the server had closed while it was idle: no new
     * connection was opened, no redirect was followed and nothing came back. Sending again is then safe and is what
     * browsers do.
     */
    private boolean isStaleConnection(Exception e, TotalTimeout deadline, int redirectsFollowed) {
        if (context.connectionsOpened() > 0 || (deadline != null && deadline.fired()) || redirectsFollowed > 0) {
            return false;
        }
        if (Thread.currentThread().isInterrupted() || closed) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoHttpResponseException
                    || (t instanceof SocketException s && FailureClassifier.isReset(s))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static HttpUriRequestBase newRequest(HttpCall call) {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        for (Header h : call.headers()) {
            request.addHeader(h.name(), h.value());
        }
        if (call.body() != null) {
            request.setEntity(new ByteArrayEntity(call.body(), null));
        }
        return request;
    }

    private static List<Header> headersOf(ClassicHttpResponse response) {
        org.apache.hc.core5.http.Header[] raw = response.getHeaders();
        if (raw.length == 0) {
            return NO_HEADERS;
        }
        Header[] out = new Header[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String value = raw[i].getValue();
            out[i] = new Header(raw[i].getName(), value == null ? "" : value);
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    private URI finalUri(HttpCall call) {
        if (connections != null) {
            return hop == null ? call.uri() : hop;
        }
        RedirectLocations redirects = context.getRedirectLocations();
        if (redirects != null && redirects.size() > 0) {
            return redirects.get(redirects.size() - 1);
        }
        return call.uri();
    }

    /** The {@code host:port} of the last hop of the call, for messages. */
    private String targetOf(HttpCall call) {
        if (hop != null) {
            return hostPort(hop);
        }
        RouteInfo route = context.getHttpRoute();
        if (route != null && route.getTargetHost() != null) {
            HttpHost host = route.getTargetHost();
            return host.getHostName() + ":" + host.getPort();
        }
        return hostPort(call.uri());
    }

    private static String hostPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return uri.getHost() + ":" + port;
    }

    @Override
    public void idle() {
        if (connections != null && !closed) {
            connections.park(DirectClient::socketToPark);
            directContext = null;
        }
    }

    @Override
    public CookieView cookies() {
        return cookies;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (connections != null) {
            connections.close();
        }
        engine.forget(this);
    }
}
