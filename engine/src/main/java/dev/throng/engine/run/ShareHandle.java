package dev.throng.engine.run;

import java.util.function.LongPredicate;

/**
 * An agent's part of a distributed run ({@link Runs#startShare}): a {@link RunHandle} that can also take more rows of
 * a unique data source while it runs (rows another agent left unused). Thread-safe.
 */
public interface ShareHandle extends RunHandle {

    /**
     * Adds the rows of unique data source {@code sourceId} whose numbers (from 0, in file order) {@code rows} holds,
     * after the rows the part has; they are handed out once those are. Reads the source's file again; call it
     * rarely.
     *
     * @throws IllegalArgumentException when the part has no unique data source {@code sourceId}
     * @throws java.io.UncheckedIOException when the file cannot be read again
     */
    void addUniqueRows(String sourceId, LongPredicate rows);
}
