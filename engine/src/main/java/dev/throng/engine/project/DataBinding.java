package dev.throng.engine.project;

import java.util.Objects;

/**
 * A profile's use of a data source: when the user takes a row, whose columns become its variables.
 *
 * @param source the data source id
 * @param when once when the user starts, or at the start of every iteration of the main flow
 */
public record DataBinding(String source, When when) {
    public DataBinding {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(when, "when");
    }

    public enum When {
        USER_START,
        EACH_ITERATION
    }
}
