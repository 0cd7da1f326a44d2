package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.project.DidYouMean;
import dev.throng.engine.project.DurationText;
import dev.throng.engine.project.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Typed access to the members of one JSON object being bound, reporting every wrong type, unknown member and missing
 * required member into the shared problem list, and answering a default so binding can go on. Package-private;
 * confined to one read.
 */
final class Members {

    /** Binds one element of an array; returns {@code null} to leave the element out. */
    @FunctionalInterface
    interface ElementBinder<T> {
        T bind(JsonNode node, String path);
    }

    /** How messages about members that are not part of the format start. */
    static final String UNKNOWN_FIELD = "unknown field '";

    private final List<Problem> problems;
    private final ObjectNode node;
    private final String path;

    private Members(List<Problem> problems, ObjectNode node, String path) {
        this.problems = problems;
        this.node = node;
        this.path = path;
    }

    /** The members of {@code node} checked against {@code shape}, or {@code null} (reported) when not an object. */
    static Members of(List<Problem> problems, JsonNode node, String path, Shape shape, String what) {
        if (!(node instanceof ObjectNode object)) {
            problems.add(Problem.error(path, "expected " + what + " (an object {...}), found " + describe(node)));
            return null;
        }
        var members = new Members(problems, object, path);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!shape.fields().contains(name)) {
                String suggestion = DidYouMean.suffix(name, shape.fields());
                problems.add(Problem.error(
                        SourceMap.member(path, name),
                        UNKNOWN_FIELD + name + "' in " + what + suggestion
                                + (suggestion.isEmpty() ? "; accepted: " + String.join(", ", shape.fields()) : "")));
            }
        }
        for (String field : shape.fields()) {
            if (shape.required().contains(field) && members.get(field) == null) {
                problems.add(Problem.error(
                        SourceMap.member(path, field), "missing required field \"" + field + "\" in " + what));
            }
        }
        return members;
    }

    /**
     * The value of discriminator member {@code field} (e.g. {@code "type"}) of {@code node}, if it is one of
     * {@code accepted}; otherwise reports and answers {@code null}.
     */
    static String discriminator(
            List<Problem> problems, JsonNode node, String path, String field, String what, List<String> accepted) {
        if (!(node instanceof ObjectNode object)) {
            problems.add(Problem.error(path, "expected " + what + " (an object {...}), found " + describe(node)));
            return null;
        }
        JsonNode value = object.get(field);
        String at = SourceMap.member(path, field);
        if (value == null || value.isNull()) {
            problems.add(Problem.error(
                    at, "missing \"" + field + "\" in " + what + ": one of " + String.join(", ", accepted)));
            return null;
        }
        if (!value.isTextual()) {
            problems.add(Problem.error(
                    at, "expected a string (one of " + String.join(", ", accepted) + "), found " + describe(value)));
            return null;
        }
        String text = value.asText();
        if (!accepted.contains(text)) {
            problems.add(Problem.error(
                    at,
                    "unknown " + what + " " + field + " '" + text + "'" + DidYouMean.suffix(text, accepted)
                            + "; accepted: " + String.join(", ", accepted)));
            return null;
        }
        return text;
    }

    String path(String field) {
        return SourceMap.member(path, field);
    }

    String path() {
        return path;
    }

    /** The member, or {@code null} when absent or JSON {@code null}. */
    JsonNode get(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String field) {
        return get(field) != null;
    }

    private void wrongType(String field, String expected, JsonNode found) {
        problems.add(Problem.error(path(field), "expected " + expected + ", found " + describe(found)));
    }

    String string(String field, String absent) {
        JsonNode v = get(field);
        if (v == null) {
            return absent;
        }
        if (!v.isTextual()) {
            wrongType(field, "a string", v);
            return absent;
        }
        return v.asText();
    }

    double number(String field, double absent) {
        JsonNode v = get(field);
        if (v == null) {
            return absent;
        }
        if (!v.isNumber()) {
            wrongType(field, "a number", v);
            return absent;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            problems.add(Problem.error(path(field), "the number is too large"));
            return absent;
        }
        return d;
    }

    Integer integer(String field, Integer absent) {
        JsonNode v = get(field);
        if (v == null) {
            return absent;
        }
        return wholeNumber(v, path(field), absent);
    }

    Integer wholeNumber(JsonNode v, String at, Integer absent) {
        if (!v.isNumber()) {
            problems.add(Problem.error(at, "expected a whole number, found " + describe(v)));
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(Problem.error(
                    at,
                    "expected a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", found "
                            + describe(v)));
            return absent;
        }
        return v.intValue();
    }

    long longNumber(String field, long absent) {
        JsonNode v = get(field);
        if (v == null) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            wrongType(field, "a whole number", v);
            return absent;
        }
        return v.longValue();
    }

    boolean bool(String field, boolean absent) {
        JsonNode v = get(field);
        if (v == null) {
            return absent;
        }
        if (!v.isBoolean()) {
            wrongType(field, "true or false", v);
            return absent;
        }
        return v.booleanValue();
    }

    Duration duration(String field, Duration absent) {
        JsonNode v = get(field);
        if (v == null) {
            return absent;
        }
        if (!v.isTextual()) {
            wrongType(field, "a duration string such as \"500ms\", \"30s\" or \"2m\"", v);
            return absent;
        }
        try {
            return DurationText.parse(v.asText());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(path(field), e.getMessage()));
            return absent;
        }
    }

    /** The lower-case name of an enum constant, as written in files. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    <E extends Enum<E>> E enumValue(String field, E[] values, E absent) {
        JsonNode v = get(field);
        if (v == null) {
            return absent;
        }
        List<String> labels = Arrays.stream(values).map(Members::label).toList();
        if (!v.isTextual()) {
            wrongType(field, "one of " + String.join(", ", labels), v);
            return absent;
        }
        String text = v.asText();
        for (E e : values) {
            if (label(e).equalsIgnoreCase(text)) {
                return e;
            }
        }
        problems.add(Problem.error(
                path(field),
                "unknown " + field + " '" + text + "'" + DidYouMean.suffix(text, labels) + "; accepted: "
                        + String.join(", ", labels)));
        return absent;
    }

    /** The elements of an array member (empty when absent); elements bound to {@code null} are left out. */
    <T> List<T> list(String field, ElementBinder<T> binder) {
        JsonNode v = get(field);
        var result = new ArrayList<T>();
        if (v == null) {
            return result;
        }
        if (!v.isArray()) {
            wrongType(field, "a list [...]", v);
            return result;
        }
        for (int i = 0; i < v.size(); i++) {
            T element = binder.bind(v.get(i), SourceMap.element(path(field), i));
            if (element != null) {
                result.add(element);
            }
        }
        return result;
    }

    List<String> strings(String field) {
        return list(field, (n, at) -> {
            if (!n.isTextual()) {
                problems.add(Problem.error(at, "expected a string, found " + describe(n)));
                return null;
            }
            return n.asText();
        });
    }

    List<Integer> integers(String field) {
        return list(field, (n, at) -> wholeNumber(n, at, null));
    }

    /** How a value is named in messages: {@code a number (42)}, {@code a string ("x")}, {@code an object}... */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        String text = node.asText();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        return node.isNumber() ? "a number (" + text + ")" : "a string (\"" + text + "\")";
    }
}
