package dev.throng.engine.http;

import dev.throng.engine.Version;
import dev.throng.engine.time.Clock;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.CookieOrigin;
import org.apache.hc.client5.http.cookie.CookiePriorityComparator;
import org.apache.hc.client5.http.cookie.CookieSpec;
import org.apache.hc.client5.http.cookie.MalformedCookieException;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.impl.CookieSpecSupport;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The request path under {@link ConnectionPolicy#PER_USER}: each hop of a call is written straight onto the session's
 * own keep-alive {@link Http1Connection}, without HttpClient's execution chain or HttpCore's message objects. What
 * that chain did and Throng needs is done here: default headers and the user agent, cookies (HttpClient's relaxed RFC
 * 6265 spec, as before), gzip/deflate decoding (see {@link DefaultHttpSession}), redirects (up to the limit, loops
 * allowed), body framing and keep-alive decisions (HttpCore's rules). No URI is re-parsed or formatted per request.
 * Connections are opened by HttpClient's connection operator (resolving, connecting, TLS, with the timing hooks).
 *
 * <p>Thread-safe: the state of a call lives in the session ({@link SessionConnections}, {@link ExchangeContext}, the
 * cookie store); this object holds only shared, immutable set-up.
 */
final class DirectClient {
    /** The content codings this client decodes, sent as {@code Accept-Encoding}. */
    static final String ACCEPT_ENCODING = "gzip, x-gzip, deflate";

    private final HttpOptions options;
    private final Clock clock;
    private final TimingConnectionOperator operator;
    private final ManagedHttpClientConnectionFactory factory;
    private final Timeout connectTimeout;
    private final int responseTimeoutMs;
    private final SocketConfig socketConfig;
    private final TlsConfig tlsConfig;
    private final CookieSpec cookieSpec;
    private final String userAgent = "Throng/" + Version.THRONG;
    /** The header lines of a call without headers of its own, after {@code Host}: defaults, agent, encodings. */
    private final byte[] fixedLines;
    /** Whether the default headers ask for {@code Connection: close}. */
    private final boolean fixedClose;

    DirectClient(
            HttpOptions options,
            Clock clock,
            TimingConnectionOperator operator,
            ManagedHttpClientConnectionFactory factory,
            SocketConfig socketConfig,
            TlsConfig tlsConfig) {
        this.options = options;
        this.clock = clock;
        this.operator = operator;
        this.factory = factory;
        this.connectTimeout = Timeout.of(options.connectTimeout());
        this.responseTimeoutMs = Timeout.of(options.responseTimeout()).toMillisecondsIntBound();
        this.socketConfig = socketConfig;
        this.tlsConfig = tlsConfig;
        Http1RequestHead fixed = new Http1RequestHead(); // written once by the same code as every call's lines
        this.fixedClose = writeDefaults(List.of(), fixed::header);
        this.fixedLines = fixed.bytes();
        this.cookieSpec = CookieSpecSupport.createDefault()
                .lookup(StandardCookieSpec.RELAXED)
                .create(HttpClientContext.create());
    }

    /**
     * One hop's response, its head read and its body still to be read from {@code connection}.
     *
     * @param uri the URI this hop asked for
     * @param keepAlive whether the connection may be used again once the body is read to its end
     * @param redirects how many redirects were followed before this hop
     */
    record Hop(URI uri, Http1Head head, Http1Body body, Http1Connection connection, boolean keepAlive, int redirects) {}

    /**
     * Sends {@code call} and follows redirects (when the options say so), reading and dropping the bodies of the
     * redirect responses. Returns the final hop with its body unread: the caller reads it, then calls
     * {@link #finish} or discards the connection.
     *
     * @param watch called with each hop's URI before it is sent (for messages and the total timeout)
     */
    Hop execute(
            HttpCall call,
            SessionConnections<Http1Connection> connections,
            ExchangeContext context,
            SessionCookies cookies,
            java.util.function.Consumer<URI> watch)
            throws IOException, HttpException {
        String method = call.method();
        URI uri = call.uri();
        byte[] body = call.body();
        boolean keepContentType = true;
        for (int redirects = 0; ; redirects++) {
            watch.accept(uri);
            Hop hop =
                    send(method, uri, call.headers(), keepContentType, body, connections, context, cookies, redirects);
            if (!options.followRedirects()) {
                return hop;
            }
            int status = hop.head().status();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return hop;
            }
            String location = hop.head().first("Location");
            if (location == null) {
                return hop;
            }
            if (redirects >= options.maxRedirects()) {
                connections.discard(hop.connection());
                throw new RedirectException("Maximum redirects (" + options.maxRedirects() + ") exceeded");
            }
            URI next;
            try {
                next = uri.resolve(new URI(location));
            } catch (URISyntaxException | IllegalArgumentException e) {
                connections.discard(hop.connection());
                throw new ProtocolException("Invalid redirect location: " + location);
            }
            String scheme = next.getScheme();
            if (next.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                connections.discard(hop.connection());
                throw new ProtocolException("Unsupported redirect location: " + location);
            }
            hop.body().transferTo(java.io.OutputStream.nullOutputStream());
            finish(hop, connections);
            if (status == 303 && !"HEAD".equals(method) || (status == 301 || status == 302) && "POST".equals(method)) {
                method = "GET";
                body = null;
                keepContentType = false;
            }
            uri = next;
        }
    }

    /** After a hop's body was read to its end: keeps the connection for the next call, or closes it. */
    void finish(Hop hop, SessionConnections<Http1Connection> connections) {
        if (!hop.keepAlive() || !hop.body().complete()) {
            connections.discard(hop.connection());
        }
    }

    private Hop send(
            String method,
            URI uri,
            List<Header> headers,
            boolean keepContentType,
            byte[] body,
            SessionConnections<Http1Connection> connections,
            ExchangeContext context,
            SessionCookies cookies,
            int redirects)
            throws IOException, HttpException {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : (secure ? 443 : 80);
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        Http1Connection connection = connections.find(secure, host, port, this::revive);
        if (connection != null && !connection.isOpen()) {
            connections.discard(connection);
            connection = null;
        }
        if (connection == null) {
            connection = connect(secure, host, port, connections, context);
        }
        String query = uri.getRawQuery();
        connection.startRequest(method, query == null ? path : path + '?' + query);
        boolean closeAsked = writeHeaders(connection, uri, host, port, headers, keepContentType);
        CookieOrigin origin = null;
        BasicCookieStore store = cookies.existing();
        if (store != null) {
            List<org.apache.hc.client5.http.cookie.Cookie> jar = store.getCookies();
            if (!jar.isEmpty()) {
                origin = new CookieOrigin(bare(host), port, path, secure);
                addCookies(connection, jar, origin);
            }
        }
        if (body != null) {
            connection.header("Content-Length", Integer.toString(body.length));
        } else if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            connection.header("Content-Length", "0");
        }
        Http1Head head;
        Http1Body responseBody;
        try {
            connection.send(body);
            head = connection.readHead();
            responseBody = connection.body(head.framing(method), head.contentLength());
        } catch (IOException | HttpException | RuntimeException e) {
            connections.discard(connection);
            throw e;
        }
        if (head.hasSetCookie()) {
            if (origin == null) {
                origin = new CookieOrigin(bare(host), port, path, secure);
            }
            storeCookies(head, origin, cookies);
        }
        boolean keepAlive = !closeAsked && head.keepAlive(responseBody.framing());
        return new Hop(uri, head, responseBody, connection, keepAlive, redirects);
    }

    /**
     * Writes the request's headers: {@code Host} (unless the call gives its own), the call's, the default ones it
     * does not override, {@code User-Agent} and {@code Accept-Encoding} unless given. Returns whether a
     * {@code Connection: close} was among them.
     */
    private boolean writeHeaders(
            Http1Connection connection, URI uri, String host, int port, List<Header> headers, boolean keepContentType) {
        if (headers.isEmpty()) { // the usual case: the same lines every time, encoded once
            connection.hostHeader(host, port, uri.getPort() >= 0);
            connection.lines(fixedLines);
            return fixedClose;
        }
        if (!named(headers, "Host")) {
            connection.hostHeader(host, port, uri.getPort() >= 0);
        }
        boolean close = false;
        for (Header h : headers) {
            String name = h.name();
            if (!keepContentType && name.equalsIgnoreCase("Content-Type")
                    || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            close |= name.equalsIgnoreCase("Connection") && Http1Head.hasToken(h.value(), "close");
            connection.header(name, h.value());
        }
        return writeDefaults(headers, connection::header) || close;
    }

    /**
     * Writes the default headers that {@code headers} (the call's) do not give, then {@code User-Agent} and
     * {@code Accept-Encoding} unless given. Returns whether one of the lines written says {@code Connection: close}.
     */
    private boolean writeDefaults(List<Header> headers, BiConsumer<String, String> out) {
        boolean agent = named(headers, "User-Agent");
        boolean encoding = named(headers, "Accept-Encoding");
        boolean close = false;
        for (Header d : options.defaultHeaders()) {
            if (!named(headers, d.name())) {
                agent |= d.name().equalsIgnoreCase("User-Agent");
                encoding |= d.name().equalsIgnoreCase("Accept-Encoding");
                close |= d.name().equalsIgnoreCase("Connection") && Http1Head.hasToken(d.value(), "close");
                out.accept(d.name(), d.value());
            }
        }
        if (!agent) {
            out.accept("User-Agent", userAgent);
        }
        if (!encoding) {
            out.accept("Accept-Encoding", ACCEPT_ENCODING);
        }
        return close;
    }

    /** Opens a connection to the origin (timed into {@code context}) and keeps it in {@code connections}. */
    private Http1Connection connect(
            boolean secure,
            String host,
            int port,
            SessionConnections<Http1Connection> connections,
            ExchangeContext context)
            throws IOException {
        // HttpClient's operator resolves, connects and does the TLS handshake with the timing hooks; its connection
        // object is only the vehicle for the socket
        ManagedHttpClientConnection vehicle = factory.createConnection(null);
        try {
            HttpHost target = new HttpHost(secure ? "https" : "http", bare(host), port);
            operator.connect(vehicle, target, target, null, connectTimeout, socketConfig, tlsConfig, context);
            Socket socket = vehicle.getSocket();
            socket.setSoTimeout(responseTimeoutMs);
            Http1Connection connection = new Http1Connection(socket);
            connections.add(secure, host, port, connection);
            return connection;
        } catch (IOException | RuntimeException e) {
            vehicle.close(CloseMode.IMMEDIATE);
            throw e;
        }
    }

    /** A new connection around the open socket of a parked one (see {@link #socketToPark}). */
    private Http1Connection revive(Socket socket) throws IOException {
        return new Http1Connection(socket);
    }

    /**
     * The socket to keep of an idle connection that is parked ({@link SessionConnections#park}), or {@code null} to
     * keep the connection object as it is. Only an open connection with nothing buffered is parked; the connection
     * object is dropped with its buffers, and nothing is lost: after a response read to its end, an HTTP/1.1 server
     * sends nothing more until the next request.
     */
    static Socket socketToPark(Http1Connection connection) {
        if (!connection.isOpen() || connection.buffered() > 0) {
            return null;
        }
        return connection.socket();
    }

    private static boolean named(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** A host name without the brackets of an IPv6 literal. */
    private static String bare(String host) {
        return host.length() > 1 && host.charAt(0) == '[' ? host.substring(1, host.length() - 1) : host;
    }

    private void addCookies(
            Http1Connection connection, List<org.apache.hc.client5.http.cookie.Cookie> jar, CookieOrigin origin) {
        Instant now = Instant.ofEpochMilli(clock.currentTimeMillis());
        List<org.apache.hc.client5.http.cookie.Cookie> matched = new ArrayList<>(jar.size());
        for (org.apache.hc.client5.http.cookie.Cookie c : jar) {
            if (!c.isExpired(now) && cookieSpec.match(c, origin)) {
                matched.add(c);
            }
        }
        if (matched.isEmpty()) {
            return;
        }
        matched.sort(CookiePriorityComparator.INSTANCE);
        for (org.apache.hc.core5.http.Header h : cookieSpec.formatCookies(matched)) {
            connection.header(h.getName(), h.getValue());
        }
    }

    private void storeCookies(Http1Head head, CookieOrigin origin, SessionCookies cookies) {
        for (int i = 0; i < head.count(); i++) {
            Header set = head.header(i);
            if (!set.name().equalsIgnoreCase("Set-Cookie")) {
                continue;
            }
            org.apache.hc.core5.http.Header h = new BasicHeader(set.name(), set.value());
            try {
                for (org.apache.hc.client5.http.cookie.Cookie c : cookieSpec.parse(h, origin)) {
                    try {
                        cookieSpec.validate(c, origin);
                        cookies.store().addCookie(c);
                    } catch (MalformedCookieException ignored) {
                        // a browser ignores a cookie it may not set
                    }
                }
            } catch (MalformedCookieException ignored) {
                // likewise for one it cannot read
            }
        }
    }
}
