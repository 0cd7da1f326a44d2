package dev.throng.engine.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One request to make: method, absolute URI, headers and an optional body.
 *
 * <p>Headers given here replace the engine's default headers of the same name. A {@code Content-Type} for the body is
 * one of these headers; {@code Content-Length} is computed and must not be given. The body array is not copied: do not
 * change it after handing it over.
 *
 * @param method the request method, e.g. {@code GET}
 * @param uri the absolute {@code http} or {@code https} URI
 * @param headers the request headers, in order
 * @param body the request body, or {@code null} for none
 */
public record HttpCall(String method, URI uri, List<Header> headers, byte[] body) {
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (method.isBlank()) {
            throw new IllegalArgumentException("The request method is empty (URI " + uri + ")");
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("The URI " + uri + " is not an absolute http or https URI");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The URI " + uri + " has no host name");
        }
        headers = List.copyOf(headers);
    }

    /** A {@code GET} without headers. */
    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, List.of(), null);
    }
}
