package dev.throng.engine.project;

import java.util.Objects;

/**
 * One problem found in a project: by the file reader (syntax, types, unknown or missing fields) or by the
 * {@link Validator} (meaning). Immutable.
 *
 * @param severity an {@link Severity#ERROR} keeps the project from running; a {@link Severity#WARNING} does not
 * @param file the file as the user named it, or {@code null} for a project that has no file (being edited)
 * @param jsonPath where in the project, e.g. {@code $.flows[1].edges[0].to}; identifies the element without a file
 * @param line 1-based line in {@code file}, or 0 when unknown
 * @param column 1-based column (in characters) in {@code file}, or 0 when unknown
 * @param message what is wrong and, where possible, what to do
 */
public record Problem(Severity severity, String file, String jsonPath, int line, int column, String message) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(message, "message");
    }

    public enum Severity {
        ERROR,
        WARNING
    }

    /** An error at {@code jsonPath}, without a file location. */
    public static Problem error(String jsonPath, String message) {
        return new Problem(Severity.ERROR, null, jsonPath, 0, 0, message);
    }

    /** A warning at {@code jsonPath}, without a file location. */
    public static Problem warning(String jsonPath, String message) {
        return new Problem(Severity.WARNING, null, jsonPath, 0, 0, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** This problem placed in {@code file} at {@code line}:{@code column} (0 for unknown). */
    public Problem at(String file, int line, int column) {
        return new Problem(severity, file, jsonPath, line, column, message);
    }

    /**
     * The problem as one line, like a compiler's: {@code shop.throng.json:42:17: $.flows[1].edges[0].to: edge to
     * unknown step 'cart2' (did you mean 'cart'?)}. Warnings say {@code warning:} before the message.
     */
    public String format() {
        var sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        sb.append(jsonPath).append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
