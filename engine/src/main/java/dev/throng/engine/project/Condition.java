package dev.throng.engine.project;

import java.util.Objects;

/**
 * A test on one variable of the user, for example "only when {@code session} is set".
 *
 * @param variable the variable's name (without {@code ${}})
 * @param op the comparison
 * @param value the operand of {@code EQUALS}, {@code NOT_EQUALS} and {@code MATCHES} (a regular expression); ignored
 *     otherwise
 */
public record Condition(String variable, Op op, String value) {
    public Condition {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(op, "op");
    }

    public enum Op {
        /** The variable exists and is not empty. */
        IS_SET,
        /** The variable does not exist or is empty. */
        NOT_SET,
        EQUALS,
        NOT_EQUALS,
        /** The whole value matches the regular expression. */
        MATCHES
    }
}
