package dev.throng.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the route of each request, runs its handler, counts it and sends the answer with a Content-Length (keep-alive
 * stays on). Routes are added before the server starts; after that the router is read-only and thread-safe, and each
 * request runs on its own virtual thread.
 */
final class Router implements HttpHandler {
    /** Paths under this prefix are the shop's own controls and are never counted. */
    static final String ADMIN_PREFIX = "/_demo/";

    /** Exact path, then method, to route. */
    private final Map<String, Map<String, Route>> literal = new HashMap<>();
    /** Path up to a parameter segment ({@code "/product/"}), then method, to route. */
    private final Map<String, Map<String, Route>> withParam = new HashMap<>();

    private final Counters counters;
    private final Stall stall;

    Router(Counters counters, Stall stall) {
        this.counters = counters;
        this.stall = stall;
    }

    /** Adds a route; those under {@link #ADMIN_PREFIX} are not counted. Not thread-safe: call before starting. */
    Router add(String method, String pattern, Handler handler) {
        int brace = pattern.indexOf('{');
        if (brace >= 0
                && (pattern.charAt(brace - 1) != '/' || !pattern.endsWith("}") || pattern.indexOf('/', brace) >= 0)) {
            throw new IllegalArgumentException("only the last segment of a route may be a parameter: " + pattern);
        }
        Route route = new Route(method, pattern, handler, null);
        if (!pattern.startsWith(ADMIN_PREFIX)) {
            route = new Route(method, pattern, handler, counters.adder(route.name()));
        }
        var table = route.hasParam() ? withParam : literal;
        Route previous =
                table.computeIfAbsent(route.prefix(), p -> new HashMap<>()).putIfAbsent(method, route);
        if (previous != null) {
            throw new IllegalArgumentException("route added twice: " + route.name());
        }
        return this;
    }

    /** A route found for a request, with the value of its parameter segment (null when it has none). */
    record Match(Route route, String param) {}

    /** The route for {@code method} and the raw {@code path}; never null (unknown paths get a 404 route). */
    Match match(String method, String path) {
        Map<String, Route> methods = literal.get(path);
        String param = null;
        if (methods == null) {
            int slash = path.lastIndexOf('/');
            if (slash >= 0 && slash < path.length() - 1) {
                methods = withParam.get(path.substring(0, slash + 1));
                param = path.substring(slash + 1);
            }
        }
        if (methods == null) {
            return new Match(unmatched(method, path), null);
        }
        Route route = methods.get(method);
        if (route == null) {
            return new Match(methodNotAllowed(method, path, methods), null);
        }
        return new Match(route, param);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Match match = match(method, exchange.getRequestURI().getRawPath());
            Response response;
            try {
                response = match.route().handler().handle(new Request(exchange, match.param()));
            } catch (BadRequest e) {
                response = Response.error(400, e.getMessage());
            } catch (RuntimeException e) {
                response = Response.error(
                        500, "demo shop failure in " + match.route().name() + ": " + e);
            }
            if (match.route().counter() != null) {
                stall.awaitEnd();
                match.route().counter().increment();
            }
            send(exchange, method, response);
        } catch (IOException e) {
            // The client closed the connection; nothing is left to answer.
        } catch (InterruptedException e) {
            // The shop is closing: drop the exchange.
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, String method, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (body.length == 0 || method.equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1); // -1: Content-Length 0 (0 would mean chunked)
        } else {
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Route unmatched(String method, String path) {
        Handler handler = path.startsWith(ADMIN_PREFIX)
                ? r -> Response.error(404, "no such control: " + path)
                : r -> Response.error(404, "no route for " + method + " " + path + "; GET / lists the shop's pages");
        return unmatchedRoute(method, path, handler);
    }

    private Route methodNotAllowed(String method, String path, Map<String, Route> methods) {
        String allow = String.join(", ", new TreeMap<>(methods).keySet());
        Handler handler = r -> Response.error(405, method + " is not allowed on " + path + "; use " + allow)
                .with("Allow", allow);
        return unmatchedRoute(method, path, handler);
    }

    /** A route counted under {@code "<METHOD> (unmatched)"}, or not counted under {@link #ADMIN_PREFIX}. */
    private Route unmatchedRoute(String method, String path, Handler handler) {
        String pattern = "(unmatched)";
        LongAdder counter = path.startsWith(ADMIN_PREFIX) ? null : counters.adder(method + " " + pattern);
        return new Route(method, pattern, handler, counter);
    }
}
