package dev.throng.engine.http;

import java.net.URI;
import java.util.List;

/**
 * The outcome of one {@link HttpSession#execute(HttpCall)}: the final response (after redirects) or a transport
 * failure.
 *
 * <p>On a transport failure before any response, {@code status} is 0, {@code reason} empty, {@code headers} and
 * {@code body} empty. On {@link HttpFailure.Kind#BODY_TOO_LARGE}, status and headers are those of the response and
 * {@code body} holds the first {@link HttpOptions#maxBodyBytes()} bytes. The body array must not be modified.
 *
 * @param status the HTTP status code, or 0 when no response arrived
 * @param reason the reason phrase (may be empty)
 * @param headers the response headers, in order
 * @param body the response body after content decoding (gzip...), at most {@link HttpOptions#maxBodyBytes()} bytes
 * @param bodyBytes how many body bytes were read (after decoding); on {@code BODY_TOO_LARGE}, more than the limit
 * @param timings where the time went, in nanoseconds
 * @param failure the transport failure, or {@code null} when an HTTP response was fully received
 * @param finalUri the URI of the final response: the call's URI, or the last redirect's target
 */
public record HttpResult(
        int status,
        String reason,
        List<Header> headers,
        byte[] body,
        long bodyBytes,
        Timings timings,
        HttpFailure failure,
        URI finalUri) {

    /** True when an HTTP response was fully received (whatever its status). */
    public boolean completed() {
        return failure == null;
    }

    /** The first value of the response header {@code name} (any case), or {@code null} when absent. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
