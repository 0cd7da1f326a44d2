package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.project.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code format} member of a project file and brings an older tree up to the current version by applying
 * {@link Migration} steps in order. Immutable; thread-safe.
 */
final class Migrations {

    /** The prefix of every format name. */
    static final String PREFIX = "throng-project/";

    /** The version this code writes and binds. */
    static final int CURRENT = 1;

    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]{1,6})");

    /** The steps shipped with Throng (none yet: version 1 is the first). */
    static final Migrations STANDARD = new Migrations(List.of(), CURRENT);

    private final Map<Integer, Migration> steps = new HashMap<>();
    private final int current;

    Migrations(List<Migration> steps, int current) {
        for (Migration m : steps) {
            if (this.steps.put(m.fromVersion(), m) != null) {
                throw new IllegalArgumentException("two migrations from version " + m.fromVersion());
            }
        }
        this.current = current;
    }

    int current() {
        return current;
    }

    /** The oldest version that can be brought to the current one. */
    int oldest() {
        int v = current;
        while (steps.containsKey(v - 1)) {
            v--;
        }
        return v;
    }

    /**
     * Brings {@code root} to the current version in place.
     *
     * @return whether the tree can be bound; otherwise a problem at {@code $.format} has been added
     */
    boolean migrate(ObjectNode root, List<Problem> problems) {
        JsonNode format = root.get("format");
        String expected = "\"format\": \"" + PREFIX + current + "\"";
        if (format == null || format.isNull()) {
            problems.add(Problem.error(
                    "$.format", "missing \"format\": a Throng project file starts with {" + expected + ", ...}"));
            return false;
        }
        if (!format.isTextual()) {
            problems.add(Problem.error("$.format", "\"format\" must be a string such as \"" + PREFIX + current + "\""));
            return false;
        }
        var m = FORMAT.matcher(format.asText());
        if (!m.matches()) {
            problems.add(Problem.error(
                    "$.format",
                    "not a Throng project file: format '" + format.asText() + "' (expected " + PREFIX + current + ")"));
            return false;
        }
        int version = Integer.parseInt(m.group(1));
        if (version > current) {
            problems.add(Problem.error(
                    "$.format",
                    "written by a newer Throng: format " + PREFIX + version + "; this version reads up to " + current
                            + " (update Throng to open it)"));
            return false;
        }
        if (version < oldest()) {
            problems.add(Problem.error(
                    "$.format",
                    "format " + PREFIX + version + " is older than this version of Throng can read (the oldest is "
                            + PREFIX + oldest() + ")"));
            return false;
        }
        for (int v = version; v < current; v++) {
            steps.get(v).apply(root);
        }
        root.put("format", PREFIX + current);
        return true;
    }
}
