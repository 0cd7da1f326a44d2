package dev.throng.engine.http;

import java.util.Objects;

/**
 * One HTTP header field. Names compare without regard to case wherever this package looks them up.
 *
 * @param name the field name, e.g. {@code Content-Type}
 * @param value the field value, as sent or received
 */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
