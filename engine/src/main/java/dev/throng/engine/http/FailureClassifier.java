package dev.throng.engine.http;

import dev.throng.engine.http.HttpFailure.Kind;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.UnsupportedSchemeException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;

/**
 * Maps what HttpClient and the JDK throw to a {@link HttpFailure}. Pure function of its arguments; only called when a
 * call failed, never on the normal path.
 */
final class FailureClassifier {
    private static final int MAX_CAUSES = 12;

    private FailureClassifier() {}

    /**
     * The failure for {@code error}.
     *
     * @param phase where a connection set-up stood ({@link ExchangeContext#PHASE_NONE}, {@code PHASE_CONNECT},
     *     {@code PHASE_TLS})
     * @param target the {@code host:port} the call was talking to, for the message
     */
    static HttpFailure classify(Throwable error, int phase, String target, HttpOptions options) {
        if (phase == ExchangeContext.PHASE_TLS) {
            Throwable reason = error;
            int depth = 0;
            for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
                if (t instanceof SocketTimeoutException) {
                    return connectTimeout(phase, target, options);
                }
                if (t instanceof SSLException && reason == error) {
                    reason = t;
                }
            }
            return new HttpFailure(Kind.TLS, "TLS handshake with " + target + " failed: " + tlsReason(reason));
        }
        SSLException ssl = null;
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            HttpFailure f = direct(t, phase, target, options);
            if (f != null) {
                return f;
            }
            if (ssl == null && t instanceof SSLException s) {
                ssl = s;
            }
        }
        if (ssl != null) {
            return new HttpFailure(Kind.TLS, "TLS with " + target + " failed: " + text(ssl));
        }
        String what = error instanceof RuntimeException ? "unexpected error with " : "I/O error with ";
        return new HttpFailure(Kind.IO, what + target + ": " + error.getClass().getSimpleName() + ": " + text(error));
    }

    private static HttpFailure direct(Throwable t, int phase, String target, HttpOptions options) {
        return switch (t) {
            case UnknownHostException e -> new HttpFailure(Kind.UNKNOWN_HOST, "unknown host: " + hostOf(target));
            case RedirectException e ->
                new HttpFailure(
                        Kind.TOO_MANY_REDIRECTS, "more than " + options.maxRedirects() + " redirects from " + target);
            case NoHttpResponseException e ->
                new HttpFailure(Kind.CONNECTION_CLOSED, target + " closed the connection without responding");
            case ConnectionClosedException e ->
                new HttpFailure(
                        Kind.CONNECTION_CLOSED, target + " closed the connection before the response was complete");
            case ConnectTimeoutException e -> connectTimeout(phase, target, options);
            case SocketTimeoutException e ->
                phase == ExchangeContext.PHASE_NONE
                        ? new HttpFailure(
                                Kind.RESPONSE_TIMEOUT,
                                "no data from " + target + " for " + millis(options.responseTimeout()) + " ms")
                        : connectTimeout(phase, target, options);
            case ConnectException e ->
                text(e).contains("timed out")
                        ? connectTimeout(ExchangeContext.PHASE_CONNECT, target, options)
                        : new HttpFailure(
                                Kind.CONNECTION_REFUSED, "connection refused by " + target + " (is the server up?)");
            case SocketException e
            when isReset(e) -> new HttpFailure(Kind.CONNECTION_RESET, "connection to " + target + " was reset");
            case ProtocolException e -> new HttpFailure(Kind.PROTOCOL, "invalid HTTP from " + target + ": " + text(e));
            case MalformedChunkCodingException e ->
                new HttpFailure(Kind.PROTOCOL, "invalid HTTP from " + target + ": " + text(e));
            case MessageConstraintException e ->
                new HttpFailure(Kind.PROTOCOL, "invalid HTTP from " + target + ": " + text(e));
            case UnsupportedSchemeException e ->
                new HttpFailure(Kind.PROTOCOL, "unsupported scheme from " + target + ": " + text(e));
            default -> null;
        };
    }

    /** The reason of a failed handshake, with what to do for the two common cases. */
    private static String tlsReason(Throwable t) {
        String m = text(t);
        if (m.contains("PKIX") || m.contains("certification path")) {
            return "the server certificate is not trusted (add its authority to the trust store,"
                    + " or trust all certificates for a test server)";
        }
        if (m.contains("doesn't match")) {
            return m + " (the certificate does not name this host; turn host name verification off"
                    + " only for test servers)";
        }
        return m;
    }

    private static HttpFailure connectTimeout(int phase, String target, HttpOptions options) {
        long ms = millis(options.connectTimeout());
        return phase == ExchangeContext.PHASE_TLS
                ? new HttpFailure(
                        Kind.CONNECT_TIMEOUT, "TLS handshake with " + target + " did not finish within " + ms + " ms")
                : new HttpFailure(Kind.CONNECT_TIMEOUT, "no connection to " + target + " within " + ms + " ms");
    }

    /** True for a TCP reset or a write to a connection the peer has closed. */
    static boolean isReset(SocketException e) {
        String m = text(e);
        return m.contains("reset") || m.contains("Broken pipe") || m.contains("Connection abort");
    }

    private static String hostOf(String target) {
        int colon = target.lastIndexOf(':');
        return colon > 0 ? target.substring(0, colon) : target;
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }

    private static String text(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
