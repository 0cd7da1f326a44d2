package dev.throng.engine.imports;

/** Input an importer cannot read. The message is meant for people: what is wrong, and what to do instead. */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
