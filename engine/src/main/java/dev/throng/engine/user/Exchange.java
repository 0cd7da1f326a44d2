package dev.throng.engine.user;

import dev.throng.engine.project.Header;
import java.util.List;
import java.util.Map;

/**
 * One request and its response as a debug run shows them. Immutable.
 *
 * @param flowId the flow the step belongs to
 * @param stepId the request step
 * @param name the statistics row name (the request's name or URL template)
 * @param method the HTTP method
 * @param url the rendered URL (empty when rendering failed)
 * @param requestHeaders the headers sent
 * @param requestBody the body sent, as text (UTF-8), possibly cut
 * @param status the response status, 0 when there was none
 * @param reason the reason phrase
 * @param responseHeaders the response headers
 * @param responseBody the response body as text, cut at {@link #MAX_TEXT} characters
 * @param bodyBytes the full response body length, bytes
 * @param latencyMicros the response time, µs
 * @param connectMicros connecting, µs
 * @param tlsMicros the TLS handshake, µs
 * @param firstByteMicros time to the first byte, µs
 * @param extracted the variables the extractors set
 * @param checks the outcome of each check, in order
 * @param failureKind why the request failed ("http-status", "check", "connection-refused", ...), or {@code null}
 * @param failureMessage the failure in words, or {@code null}
 */
public record Exchange(
        String flowId,
        String stepId,
        String name,
        String method,
        String url,
        List<Header> requestHeaders,
        String requestBody,
        int status,
        String reason,
        List<Header> responseHeaders,
        String responseBody,
        long bodyBytes,
        long latencyMicros,
        long connectMicros,
        long tlsMicros,
        long firstByteMicros,
        Map<String, String> extracted,
        List<CheckResult> checks,
        String failureKind,
        String failureMessage) {

    /** The most characters of a body kept in an exchange. */
    public static final int MAX_TEXT = 64 * 1024;

    public Exchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        extracted = Map.copyOf(extracted);
        checks = List.copyOf(checks);
    }

    /** Whether the request failed. */
    public boolean failed() {
        return failureKind != null;
    }

    /**
     * The outcome of one check.
     *
     * @param description the check in words ("status is 200")
     * @param passed whether it held
     * @param message why it failed, or empty
     */
    public record CheckResult(String description, boolean passed, String message) {}
}
