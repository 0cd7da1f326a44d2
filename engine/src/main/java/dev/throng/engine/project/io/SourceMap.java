package dev.throng.engine.project.io;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each element of a project file was found: JSON path (e.g. {@code $.flows[1].edges[0].to}) to line and column.
 * Immutable; thread-safe. Paths use the file's layout, the same as {@link dev.throng.engine.project.Validator}'s.
 */
public final class SourceMap {

    /** A 1-based line and column (in characters). */
    public record Location(int line, int column) {}

    /** A source map that knows nothing (every lookup is empty). */
    public static final SourceMap EMPTY = new SourceMap(Map.of(), Map.of());

    private final Map<String, Location> values;
    private final Map<String, Location> keys;

    SourceMap(Map<String, Location> values, Map<String, Location> keys) {
        this.values = Map.copyOf(values);
        this.keys = Map.copyOf(keys);
    }

    /** Where the value at {@code jsonPath} starts. */
    public Optional<Location> value(String jsonPath) {
        return Optional.ofNullable(values.get(jsonPath));
    }

    /** Where the key naming the member at {@code jsonPath} starts (absent for array elements and the root). */
    public Optional<Location> key(String jsonPath) {
        return Optional.ofNullable(keys.get(jsonPath));
    }

    /**
     * The best location for a problem at {@code jsonPath}: its value, else its key, else the nearest enclosing
     * element that is in the file (a missing field is reported at the object that lacks it).
     */
    public Optional<Location> locate(String jsonPath) {
        String path = jsonPath;
        while (path != null) {
            Location at = values.get(path);
            if (at == null) {
                at = keys.get(path);
            }
            if (at != null) {
                return Optional.of(at);
            }
            path = parent(path);
        }
        return Optional.empty();
    }

    /** The path of the enclosing element, or {@code null} for the root {@code $}. */
    static String parent(String path) {
        if (path.length() <= 1) {
            return null;
        }
        if (path.endsWith("']")) {
            int open = path.lastIndexOf("['");
            return open > 0 ? path.substring(0, open) : "$";
        }
        if (path.endsWith("]")) {
            int open = path.lastIndexOf('[');
            return open > 0 ? path.substring(0, open) : "$";
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut > 0 ? path.substring(0, cut) : "$";
    }

    /** The path of member {@code key} of the object at {@code path}. */
    public static String member(String path, String key) {
        if (isIdentifier(key)) {
            return path + "." + key;
        }
        return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The path of element {@code index} of the array at {@code path}. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    private static boolean isIdentifier(String key) {
        if (key.isEmpty() || !(Character.isLetter(key.charAt(0)) || key.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return key.chars().allMatch(c -> c < 128);
    }

    /** Collects locations while a file is read. Confined to the reading thread. */
    static final class Builder {
        private final Map<String, Location> values = new HashMap<>();
        private final Map<String, Location> keys = new HashMap<>();

        void value(String path, int line, int column) {
            values.putIfAbsent(path, new Location(line, column));
        }

        void key(String path, int line, int column) {
            keys.putIfAbsent(path, new Location(line, column));
        }

        SourceMap build() {
            return new SourceMap(values, keys);
        }
    }
}
