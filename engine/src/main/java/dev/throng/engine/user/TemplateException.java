package dev.throng.engine.user;

/** A template could not be read or rendered; the message says which part and why, in words for people. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
