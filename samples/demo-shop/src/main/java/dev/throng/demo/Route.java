package dev.throng.demo;

import java.util.concurrent.atomic.LongAdder;

/**
 * One route: method, path pattern and handler. A pattern is a path whose last segment may be a parameter, as in
 * {@code /product/{id}}. {@code counter} is null for routes that are not counted (those under {@code /_demo/}).
 */
record Route(String method, String pattern, Handler handler, LongAdder counter) {
    /** The name the route is counted under: {@code "GET /product/{id}"}. */
    String name() {
        return method + " " + pattern;
    }

    /** The pattern up to its parameter ({@code "/product/"}), or the whole pattern when it has none. */
    String prefix() {
        int brace = pattern.indexOf('{');
        return brace < 0 ? pattern : pattern.substring(0, brace);
    }

    boolean hasParam() {
        return pattern.indexOf('{') >= 0;
    }
}
