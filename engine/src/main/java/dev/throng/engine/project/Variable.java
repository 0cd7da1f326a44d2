package dev.throng.engine.project;

import java.util.Objects;

/**
 * A named value usable as {@code ${name}} in templates. The value is itself a template, so it may be a secret
 * reference such as {@code ${env:API_TOKEN}}: the reference is stored, the secret never is.
 */
public record Variable(String name, String value) {
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** True when the value is exactly one secret reference {@code ${env:NAME}}. */
    public boolean isSecretReference() {
        return value.startsWith("${env:") && value.endsWith("}") && value.indexOf('}') == value.length() - 1;
    }
}
