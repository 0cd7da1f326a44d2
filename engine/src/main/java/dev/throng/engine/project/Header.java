package dev.throng.engine.project;

import java.util.Objects;

/** An HTTP header (or query parameter, or form field): a name and a value template. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
