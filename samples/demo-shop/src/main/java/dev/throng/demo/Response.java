package dev.throng.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the shop: status, content type, the whole body (sent with a Content-Length) and extra headers.
 * Immutable by convention: the body array is never changed after construction, so prepared responses are shared.
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";

    static Response json(int status, String body) {
        return new Response(status, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response html(String body) {
        return new Response(200, HTML, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {@code {"error": message}} with the given status. */
    static Response error(int status, String message) {
        return json(status, "{\"error\":" + Json.quote(message) + "}");
    }

    /** This response with one more header (replacing one of the same name). */
    Response with(String name, String value) {
        var all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(all));
    }
}
