package dev.throng.app.project;

import java.nio.file.Path;

/**
 * The questions a {@link ProjectDocument} asks a person. The main view answers them with dialogs; tests answer with
 * lambdas. Called on the document's thread.
 */
public interface DocumentPrompts {

    /** The project {@code name} has unsaved changes: save, discard or cancel? */
    UnsavedChoice unsavedChanges(String name);

    /** Where to save; {@code null} to cancel. */
    Path chooseSaveFile(String suggestedName);

    /** Unsaved changes of {@code file} (or of an untitled project when null) were recovered: restore them? */
    boolean restoreRecovery(Path file);

    /** Something failed; {@code message} says what and what to do. */
    void error(String message);
}
