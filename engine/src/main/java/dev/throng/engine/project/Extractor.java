package dev.throng.engine.project;

import java.util.Objects;

/**
 * Takes a value from a response into a user variable for later requests.
 *
 * @param variable the variable set
 * @param kind where the value comes from
 * @param expression a JSONPath ({@code $.items[0].id}), a regular expression (its first group, or the whole match),
 *     a header name or a cookie name
 * @param defaultValue the value when nothing is found; {@code null} makes "not found" a failure of the request
 */
public record Extractor(String variable, Kind kind, String expression, String defaultValue) {
    public Extractor {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expression, "expression");
    }

    public enum Kind {
        JSONPATH,
        REGEX,
        HEADER,
        COOKIE
    }
}
