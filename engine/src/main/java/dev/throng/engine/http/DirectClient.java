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
import javax.net.ssl.SSLSocket;
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
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * The request path under {@link ConnectionPolicy#PER_USER}: each hop of a call is written straight onto the session's
 * own keep-alive connection with HttpCore's {@link HttpRequestExecutor}, without HttpClient's execution chain. What
 * that chain did and Throng needs is done here: default headers and the user agent, cookies (the relaxed RFC 6265
 * spec, as before), gzip/deflate decoding (see {@link DefaultHttpSession}), redirects (up to the limit, loops
 * allowed), and keep-alive decisions. No URI is re-parsed or formatted per request.
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
    private final HttpRequestExecutor executor = new HttpRequestExecutor(DefaultConnectionReuseStrategy.INSTANCE);
    private final Timeout connectTimeout;
    private final Timeout responseTimeout;
    private final SocketConfig socketConfig;
    private final TlsConfig tlsConfig;
    private final CookieSpec cookieSpec;
    private final String userAgent = "Throng/" + Version.THRONG;

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
        this.responseTimeout = Timeout.of(options.responseTimeout());
        this.socketConfig = socketConfig;
        this.tlsConfig = tlsConfig;
        this.cookieSpec = CookieSpecSupport.createDefault()
                .lookup(StandardCookieSpec.RELAXED)
                .create(HttpClientContext.create());
    }

    /**
     * One hop's response, its head read and its body still streaming from {@code connection}.
     *
     * @param uri the URI this hop asked for
     * @param redirects how many redirects were followed before this hop
     */
    record Hop(URI uri, ClassicHttpResponse response, ManagedHttpClientConnection connection, int redirects) {}

    /**
     * Sends {@code call} and follows redirects (when the options say so), reading and dropping the bodies of the
     * redirect responses. Returns the final hop with its body unread: the caller reads it, then calls
     * {@link #finish} or discards the connection.
     *
     * @param watch called with each hop's URI before it is sent (for messages and the total timeout)
     */
    Hop execute(
            HttpCall call,
            SessionConnections<ManagedHttpClientConnection> connections,
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
            ClassicHttpResponse response = hop.response();
            int status = response.getCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return hop;
            }
            org.apache.hc.core5.http.Header location = response.getFirstHeader("Location");
            if (location == null) {
                return hop;
            }
            if (redirects >= options.maxRedirects()) {
                connections.discard(hop.connection());
                throw new RedirectException("Maximum redirects (" + options.maxRedirects() + ") exceeded");
            }
            URI next;
            try {
                next = uri.resolve(new URI(location.getValue()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                connections.discard(hop.connection());
                throw new ProtocolException("Invalid redirect location: " + location.getValue());
            }
            String scheme = next.getScheme();
            if (next.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                connections.discard(hop.connection());
                throw new ProtocolException("Unsupported redirect location: " + location.getValue());
            }
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                entity.getContent().transferTo(java.io.OutputStream.nullOutputStream());
            }
            finish(hop, connections, context);
            if (status == 303 && !"HEAD".equals(method) || (status == 301 || status == 302) && "POST".equals(method)) {
                method = "GET";
                body = null;
                keepContentType = false;
            }
            uri = next;
        }
    }

    /** After a hop's body was read to its end: keeps the connection for the next call, or closes it. */
    void finish(Hop hop, SessionConnections<ManagedHttpClientConnection> connections, ExchangeContext context) {
        boolean keep = DefaultConnectionReuseStrategy.INSTANCE.keepAlive(null, hop.response(), context);
        context.setRequest(null);
        context.setResponse(null);
        if (!keep) {
            connections.discard(hop.connection());
        }
    }

    private Hop send(
            String method,
            URI uri,
            List<Header> headers,
            boolean keepContentType,
            byte[] body,
            SessionConnections<ManagedHttpClientConnection> connections,
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
        String query = uri.getRawQuery();
        // with no host, HttpCore takes the path as it is (its other constructor parses it as a URI once more)
        BasicClassicHttpRequest request =
                new BasicClassicHttpRequest(method, (HttpHost) null, query == null ? path : path + '?' + query);
        request.addHeader("Host", uri.getPort() >= 0 ? host + ':' + port : host);
        boolean agent = false;
        boolean encoding = false;
        for (Header h : headers) {
            if (!keepContentType && h.name().equalsIgnoreCase("Content-Type")) {
                continue;
            }
            agent |= h.name().equalsIgnoreCase("User-Agent");
            encoding |= h.name().equalsIgnoreCase("Accept-Encoding");
            request.addHeader(h.name(), h.value());
        }
        for (Header d : options.defaultHeaders()) {
            if (!named(headers, d.name())) {
                agent |= d.name().equalsIgnoreCase("User-Agent");
                encoding |= d.name().equalsIgnoreCase("Accept-Encoding");
                request.addHeader(d.name(), d.value());
            }
        }
        if (!agent) {
            request.addHeader("User-Agent", userAgent);
        }
        if (!encoding) {
            request.addHeader("Accept-Encoding", ACCEPT_ENCODING);
        }
        CookieOrigin origin = null;
        BasicCookieStore store = cookies.existing();
        if (store != null) {
            List<org.apache.hc.client5.http.cookie.Cookie> jar = store.getCookies();
            if (!jar.isEmpty()) {
                origin = new CookieOrigin(bare(host), port, path, secure);
                addCookies(request, jar, origin);
            }
        }
        if (body != null) {
            request.addHeader("Content-Length", Integer.toString(body.length));
            request.setEntity(new ByteArrayEntity(body, null));
        } else if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            request.addHeader("Content-Length", "0");
        }

        ManagedHttpClientConnection connection = connections.find(secure, host, port, this::revive);
        if (connection != null && !connection.isOpen()) {
            connections.discard(connection);
            connection = null;
        }
        if (connection == null) {
            connection = factory.createConnection(null);
            connections.add(secure, host, port, connection);
            try {
                HttpHost target = new HttpHost(secure ? "https" : "http", bare(host), port);
                operator.connect(connection, target, target, null, connectTimeout, socketConfig, tlsConfig, context);
                connection.setSocketTimeout(responseTimeout);
            } catch (IOException | RuntimeException e) {
                connections.discard(connection);
                throw e;
            }
        }
        ClassicHttpResponse response;
        try {
            response = executor.execute(request, connection, context);
        } catch (IOException | HttpException | RuntimeException e) {
            connections.discard(connection);
            throw e;
        }
        if (response.containsHeader("Set-Cookie")) {
            if (origin == null) {
                origin = new CookieOrigin(bare(host), port, path, secure);
            }
            storeCookies(response, origin, cookies);
        }
        return new Hop(uri, response, connection, redirects);
    }

    /** A new connection object around the open socket of a parked connection (see {@link #socketToPark}). */
    private ManagedHttpClientConnection revive(Socket socket) throws IOException {
        ManagedHttpClientConnection connection = factory.createConnection(null);
        if (socket instanceof SSLSocket tls) {
            connection.bind(tls, tls); // closing the TLS socket closes the one below it
        } else {
            connection.bind(socket);
        }
        connection.setSocketTimeout(responseTimeout);
        return connection;
    }

    /**
     * The socket to keep of an idle connection that is parked ({@link SessionConnections#park}), or {@code null} to
     * keep the connection object as it is. Only an open connection with its socket is parked; the connection object is
     * dropped with its buffers, and nothing is lost: after a response read to its end, an HTTP/1.1 server sends
     * nothing more until the next request.
     */
    static Socket socketToPark(ManagedHttpClientConnection connection) {
        if (!connection.isOpen()) {
            return null;
        }
        Socket socket = connection.getSocket();
        return socket == null || socket.isClosed() ? null : socket;
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
            BasicClassicHttpRequest request, List<org.apache.hc.client5.http.cookie.Cookie> jar, CookieOrigin origin) {
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
            request.addHeader(h);
        }
    }

    private void storeCookies(ClassicHttpResponse response, CookieOrigin origin, SessionCookies cookies) {
        var it = response.headerIterator("Set-Cookie");
        while (it.hasNext()) {
            org.apache.hc.core5.http.Header h = it.next();
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
