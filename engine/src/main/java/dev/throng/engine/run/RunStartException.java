package dev.throng.engine.run;

/**
 * A run could not start: an unset secret, an unreadable data or body file, too low an open-file limit, a project
 * without profiles... The message is for people: one problem per line, each naming what and where, and what to do.
 */
public final class RunStartException extends RuntimeException {
    public RunStartException(String message) {
        super(message);
    }

    public RunStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
