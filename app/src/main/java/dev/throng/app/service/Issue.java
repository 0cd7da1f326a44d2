package dev.throng.app.service;

import java.util.Objects;

/**
 * A problem found in a project, as the app shows it.
 *
 * @param error true for an error (the project cannot run), false for a warning
 * @param jsonPath where, such as {@code $.flows[0].steps[2]}
 * @param line the line in the file, or 0 when unknown
 * @param message what is wrong and what to do
 */
public record Issue(boolean error, String jsonPath, int line, String message) {
    public Issue {
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(message, "message");
    }

    /** One line for a list: "error $.flows[0]: message". */
    public String text() {
        return (error ? "error " : "warning ") + jsonPath + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
    }
}
