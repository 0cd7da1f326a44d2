package dev.throng.engine.protocol;

import java.util.Objects;

/** Argument checks shared by the message records. */
final class Checks {
    private Checks() {}

    static void nonNegativeOrNull(Double value, String what) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
        }
    }

    static String text(String value, String what) {
        return Objects.requireNonNull(value, what);
    }

    static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /**
     * A data file's path inside the project folder: relative, with '/' separators, no empty, "." or ".." segment, so
     * an agent writing it below its work folder cannot escape that folder.
     */
    static void relativePath(String path) {
        Objects.requireNonNull(path, "data file path");
        if (path.isEmpty()
                || path.startsWith("/")
                || path.indexOf('\\') >= 0
                || path.indexOf(':') >= 0
                || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("data file path \"" + path + "\" is not a plain relative path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "data file path \"" + path + "\" has an empty, \".\" or \"..\" segment");
            }
        }
    }
}
