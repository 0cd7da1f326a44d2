package dev.throng.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request as the route handlers see it: method, path parameter, query, headers, cookies and body. Confined to
 * the virtual thread that answers it.
 */
final class Request {
    /** The largest body the shop reads, in bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final String pathParam;
    private Map<String, String> query;
    private Map<String, String> form;
    private byte[] body;

    Request(HttpExchange exchange, String pathParam) {
        this.exchange = exchange;
        this.pathParam = pathParam;
    }

    /** The value of the route's {@code {...}} segment, as sent (not decoded); null for routes without one. */
    String pathParam() {
        return pathParam;
    }

    /** A query parameter, decoded; null when absent. */
    String query(String name) {
        if (query == null) {
            query = Form.parse(exchange.getRequestURI().getRawQuery());
        }
        return query.get(name);
    }

    /** The first value of a request header; null when absent. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The value of a cookie from the {@code Cookie} headers; null when absent. */
    String cookie(String name) {
        var values = exchange.getRequestHeaders().get("Cookie");
        if (values == null) {
            return null;
        }
        for (String header : values) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return pair.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    /** The body as UTF-8 text. */
    String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** A field of a form body, decoded; null when absent. */
    String formField(String name) throws IOException {
        if (form == null) {
            form = Form.parse(bodyText());
        }
        return form.get(name);
    }

    /** A form field, or when the body does not have it, a query parameter of that name; null when neither. */
    String formOrQuery(String name) throws IOException {
        String value = formField(name);
        return value != null ? value : query(name);
    }

    private byte[] body() throws IOException {
        if (body == null) {
            InputStream in = exchange.getRequestBody();
            byte[] read = in.readNBytes(MAX_BODY_BYTES + 1);
            if (read.length > MAX_BODY_BYTES) {
                throw new BadRequest("the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            body = read;
        }
        return body;
    }
}
