package dev.throng.engine.project;

import java.util.Objects;

/**
 * A CSV file with a header row, read by users. Each column becomes a variable named after its header.
 *
 * @param id referenced by profiles' data bindings
 * @param path relative to the project file
 * @param delimiter the field separator, usually {@code ,}
 * @param policy how rows are handed out
 * @param whenExhausted what happens when a {@link Policy#UNIQUE} source has no rows left
 */
public record DataSource(String id, String path, char delimiter, Policy policy, Exhausted whenExhausted) {
    public DataSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(whenExhausted, "whenExhausted");
    }

    /** How rows are handed to users. */
    public enum Policy {
        /** In file order, starting again at the top after the last row. */
        CIRCULAR,
        /** A random row each time. */
        RANDOM,
        /** Each row at most once in the whole run, across all agents. */
        UNIQUE
    }

    /** What a {@link Policy#UNIQUE} source does when no row is left. */
    public enum Exhausted {
        /** The user that asked stops. */
        STOP_USER,
        /** Start handing out rows again from the top. */
        RECYCLE,
        /** The run fails (exit code 2). */
        FAIL_RUN
    }
}
